"""The village's public information service (PPID): its section page, the DIP, requests and objections."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin

from sinergi.ppid.dip_routes import DipRoutes
from sinergi.ppid.request_routes import RequestRoutes
from sinergi.villages.models import ContentPage


class PpidPage(DipRoutes, RequestRoutes, RoutablePageMixin, ContentPage):
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("PPID desa")
        verbose_name_plural = _("PPID desa")


class PpidRegencySettings(models.Model):
    """Per-regency facts of the PPID service: where disputes go after an objection.

    UU 14/2008 Pasal 37: a requester not satisfied with the atasan PPID's answer may bring the dispute
    to the Komisi Informasi (the provincial one for a village) within 14 working days. The regency
    admin fills in its address; nothing is invented here.
    """

    regency = models.OneToOneField(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.CASCADE,
        related_name="ppid_settings",
    )
    commission_name = models.CharField(_("nama Komisi Informasi"), max_length=150, blank=True)
    commission_address = models.TextField(_("alamat Komisi Informasi"), blank=True)
    commission_url = models.URLField(_("situs web Komisi Informasi"), blank=True)
    commission_email = models.EmailField(_("e-mail Komisi Informasi"), blank=True)
    commission_phone = models.CharField(_("telepon Komisi Informasi"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("pengaturan PPID")
        verbose_name_plural = _("pengaturan PPID")

    def __str__(self):
        return str(self.regency)

    @classmethod
    def for_regency(cls, regency):
        province = (regency.province_name or "").title()
        default = (
            str(_("Komisi Informasi Provinsi %(province)s") % {"province": province}) if province else ""
        )
        return cls.objects.get_or_create(regency=regency, defaults={"commission_name": default})[0]


from sinergi.ppid.request_models import *  # noqa: F403, E402
