"""The village's public information service (PPID): its section page, the DIP, requests and objections."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField

from sinergi.ppid import profile_defaults
from sinergi.ppid.dip_routes import DipRoutes
from sinergi.ppid.profile_forms import PpidPageForm
from sinergi.ppid.request_routes import RequestRoutes
from sinergi.villages.models import ContentPage


def _official_fk(verbose_name, help_text):
    return models.ForeignKey(
        "villages.Official",
        verbose_name=verbose_name,
        help_text=help_text,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class PpidPage(DipRoutes, RequestRoutes, RoutablePageMixin, ContentPage):
    """The village's PPID section: its profile (who serves, the decree, the pledge and the standard,
    hours, how to request and object, where disputes go), the DIP and the request service.

    UU 14/2008 Pasal 13 and Perki 1/2018: the village head appoints the PPID (usually the Sekretaris
    Desa) and is the PPID's superior (atasan PPID) who answers objections. When no official is
    chosen the page names the village's Sekretaris Desa and Kepala Desa from "Pemerintahan Desa".
    """

    ppid_official = _official_fk(
        _("PPID desa"), _("Dari daftar perangkat desa. Kosong: Sekretaris Desa ditampilkan.")
    )
    superior_official = _official_fk(
        _("atasan PPID"), _("Dari daftar perangkat desa. Kosong: Kepala Desa ditampilkan.")
    )
    decree = models.ForeignKey(
        "core.SinergiDocument",
        verbose_name=_("SK PPID (dokumen)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decree_number = models.CharField(_("nomor SK PPID"), max_length=120, blank=True)
    office_hours = models.TextField(
        _("jam layanan informasi"), max_length=400, blank=True, default=profile_defaults.default_office_hours
    )
    service_notice = RichTextField(
        _("maklumat pelayanan"), blank=True, default=profile_defaults.default_service_notice
    )
    service_standard = RichTextField(
        _("standar layanan"), blank=True, default=profile_defaults.default_service_standard
    )
    how_to_request = RichTextField(
        _("cara mengajukan permohonan"), blank=True, default=profile_defaults.default_how_to_request
    )
    how_to_object = RichTextField(
        _("cara mengajukan keberatan"), blank=True, default=profile_defaults.default_how_to_object
    )

    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1
    template = "ppid/ppid_page.html"
    base_form_class = PpidPageForm

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("ppid_official"),
                FieldPanel("superior_official"),
                FieldPanel("decree_number"),
                FieldPanel("decree"),
                FieldPanel("office_hours"),
            ],
            heading=_("Profil PPID"),
        ),
        FieldPanel("service_notice"),
        FieldPanel("service_standard"),
        FieldPanel("how_to_request"),
        FieldPanel("how_to_object"),
    ]
    search_fields = ContentPage.search_fields

    class Meta:
        verbose_name = _("PPID desa")
        verbose_name_plural = _("PPID desa")

    def get_context(self, request, *args, **kwargs):
        from sinergi.ppid.profile_services import profile_context

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_context(self))
        return context


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


from sinergi.ppid.dip_models import *  # noqa: E402, F403
from sinergi.ppid.request_models import *  # noqa: F403, E402
