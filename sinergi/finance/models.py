"""The village budget (APB Desa) and its realisation, structured as in Permendagri 20/2018.

A budget is kept as versions per village and fiscal year: the APB Desa as adopted, each amendment
(APBDes Perubahan), and corrections of either. A published version is never edited: figures change
only through a new version (or a correction, which names the version it corrects and why), and every
publication is a `BudgetEvent` the regency can read. Money is whole rupiah in BigIntegerFields; every
total (surplus/deficit, net financing, SiLPA) is computed in `sinergi.finance.totals`, never typed.

The code tables (`BudgetCode`) are data with their source (Lampiran of Permendagri 20/2018), seeded by
a data migration and editable by the regency admin.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from sinergi.core.storage import get_private_storage
from sinergi.regions.tenancy import VillageOwned
from sinergi.villages.models import ContentPage

MAX_TEXT = 255


class BudgetCode(models.Model):
    """One entry of a code table: an account code of the Lampiran, a bidang/sub-bidang, a source of funds.

    Not village data: one table for the whole instance, edited by the regency admin
    (`sinergi.finance.admin_views.CodeListView`). `source` names the regulation it comes from;
    `needs_check` marks wording that could not be confirmed against the text ("perlu dicek").
    """

    class Kind(models.TextChoices):
        INCOME = "pendapatan", _("Pendapatan (akun 4)")
        SPENDING_TYPE = "jenis_belanja", _("Jenis belanja (akun 5)")
        FIELD = "bidang", _("Bidang dan sub-bidang belanja")
        FINANCING = "pembiayaan", _("Pembiayaan (akun 6)")
        FUND_SOURCE = "sumber_dana", _("Sumber dana")

    kind = models.CharField(_("jenis kode"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("kode"), max_length=20)
    name = models.CharField(_("uraian"), max_length=MAX_TEXT)
    source = models.CharField(_("sumber aturan"), max_length=MAX_TEXT)
    needs_check = models.BooleanField(_("perlu dicek"), default=False)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["kind", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="finance_code_unique")]
        verbose_name = _("kode anggaran")
        verbose_name_plural = _("kode anggaran")

    def __str__(self):
        return f"{self.code} {self.name}"


class Publishable(VillageOwned):
    """What a budget version and a realisation report share: draft, then published once, with a trace."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draf")
        PUBLISHED = "published", _("Diterbitkan")

    state = models.CharField(_("status"), max_length=12, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("dibuat oleh")
    )
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )
    correction_reason = models.TextField(_("alasan koreksi"), blank=True, max_length=1000)
    source_name = models.CharField(_("berkas asal"), max_length=MAX_TEXT, blank=True)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED


class BudgetVersion(Publishable):
    """One version of a village's APB Desa for a fiscal year; `number` orders the versions of the year."""

    class Kind(models.TextChoices):
        ADOPTED = "apbdes", _("APBDes")
        AMENDED = "perubahan", _("APBDes Perubahan")

    year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("nomor versi"))
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("mengoreksi versi"),
    )
    # The Perdes that adopted it (Permendagri 20/2018 Pasal 35 ff.): number, date and the document.
    perdes_number = models.CharField(_("nomor Perdes"), max_length=100, blank=True)
    perdes_date = models.DateField(_("tanggal Perdes"), null=True, blank=True)
    perdes_document = models.ForeignKey(
        "core.SinergiDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dokumen Perdes"),
    )

    class Meta:
        ordering = ["village", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year", "number"], name="finance_version_number_unique"
            )
        ]
        verbose_name = _("versi APBDes")
        verbose_name_plural = _("versi APBDes")

    def __str__(self):
        return f"{self.label} {self.year}"

    @property
    def label(self) -> str:
        label = self.get_kind_display()
        return f"{label} ({_('koreksi')})" if self.corrects_id else label


class IncomeLine(VillageOwned):
    """A pendapatan line (akun 4) at the most detailed level the workbook gave."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="income_lines")
    code = models.CharField(_("kode"), max_length=20)
    name = models.CharField(_("uraian"), max_length=MAX_TEXT)
    amount = models.BigIntegerField(_("anggaran (Rp)"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]

    def save(self, *args, **kwargs):
        self.village_id = self.version.village_id
        super().save(*args, **kwargs)


class FinancingLine(VillageOwned):
    """A pembiayaan line (akun 6): 6.1 penerimaan, 6.2 pengeluaran."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="financing_lines")
    code = models.CharField(_("kode"), max_length=20)
    name = models.CharField(_("uraian"), max_length=MAX_TEXT)
    amount = models.BigIntegerField(_("anggaran (Rp)"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]

    @property
    def is_receipt(self) -> bool:
        return self.code.startswith("6.1")

    def save(self, *args, **kwargs):
        self.village_id = self.version.village_id
        super().save(*args, **kwargs)


class BudgetActivity(VillageOwned):
    """A kegiatan: bidang and sub-bidang from its code (e.g. 2.3.01), where, how much of what, who does it."""

    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(_("kode kegiatan"), max_length=20)
    name = models.CharField(_("kegiatan"), max_length=MAX_TEXT)
    field_code = models.CharField(_("bidang"), max_length=4)
    subfield_code = models.CharField(_("sub-bidang"), max_length=8)
    location = models.CharField(_("lokasi"), max_length=MAX_TEXT, blank=True)
    volume = models.DecimalField(_("volume"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("satuan"), max_length=50, blank=True)
    implementer = models.CharField(_("pelaksana"), max_length=MAX_TEXT, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")

    def save(self, *args, **kwargs):
        self.village_id = self.version.village_id
        super().save(*args, **kwargs)


class SpendingLine(VillageOwned):
    """The belanja of a kegiatan by jenis belanja (5.1-5.4) and source of funds."""

    activity = models.ForeignKey(BudgetActivity, on_delete=models.CASCADE, related_name="lines")
    version = models.ForeignKey(BudgetVersion, on_delete=models.CASCADE, related_name="spending_lines")
    spending_type = models.CharField(_("jenis belanja"), max_length=20)
    fund_source = models.CharField(_("sumber dana"), max_length=20)
    amount = models.BigIntegerField(_("anggaran (Rp)"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["activity", "position"]

    def save(self, *args, **kwargs):
        self.village_id = self.activity.village_id
        self.version_id = self.activity.version_id
        super().save(*args, **kwargs)


class Realisation(Publishable):
    """The realisation of a budget version at the end of semester 1 or of the year (Pasal 68-72)."""

    class Period(models.TextChoices):
        SEMESTER = "semester1", _("Semester I")
        YEAR = "akhir_tahun", _("Akhir tahun")

    version = models.ForeignKey(BudgetVersion, on_delete=models.PROTECT, related_name="realisations")
    period = models.CharField(_("periode"), max_length=12, choices=Period.choices)
    number = models.PositiveSmallIntegerField(_("nomor laporan"), default=1)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("mengoreksi laporan"),
    )

    class Meta:
        ordering = ["version", "-number"]
        verbose_name = _("realisasi APBDes")
        verbose_name_plural = _("realisasi APBDes")

    def __str__(self):
        return f"{_('Realisasi')} {self.get_period_display()} {self.version.year}"

    def save(self, *args, **kwargs):
        self.village_id = self.version.village_id
        super().save(*args, **kwargs)


class RealisationItem(VillageOwned):
    """What was realised of one line: a pendapatan or pembiayaan code, or a kegiatan with its status."""

    class Part(models.TextChoices):
        INCOME = "pendapatan", _("Pendapatan")
        SPENDING = "belanja", _("Belanja")
        FINANCING = "pembiayaan", _("Pembiayaan")

    class Status(models.TextChoices):
        DONE = "selesai", _("Selesai")
        UNFINISHED = "belum_selesai", _("Belum selesai")
        NOT_DONE = "tidak_dilaksanakan", _("Tidak dilaksanakan")

    realisation = models.ForeignKey(Realisation, on_delete=models.CASCADE, related_name="items")
    part = models.CharField(max_length=12, choices=Part.choices)
    code = models.CharField(_("kode"), max_length=20)
    amount = models.BigIntegerField(_("realisasi (Rp)"))
    status = models.CharField(_("status kegiatan"), max_length=20, choices=Status.choices, blank=True)
    note = models.CharField(_("keterangan"), max_length=MAX_TEXT, blank=True)

    class Meta:
        ordering = ["realisation", "pk"]

    def save(self, *args, **kwargs):
        self.village_id = self.realisation.village_id
        super().save(*args, **kwargs)


def import_upload_to(instance, filename):
    """A random name: the operator's file name is kept in `original_name`, never used as a path."""
    return f"apbdes-impor/{uuid.uuid4().hex}.xlsx"


class BudgetImport(VillageOwned):
    """An uploaded workbook waiting for the operator's confirmation; nothing of the budget is saved before.

    The file stays in the private storage; the preview and the confirmation both read it again, so
    what is saved is exactly what was previewed.
    """

    class Target(models.TextChoices):
        ADOPTED = "apbdes", _("APBDes")
        AMENDED = "perubahan", _("APBDes Perubahan")
        SEMESTER = "semester1", _("Realisasi semester I")
        YEAR = "akhir_tahun", _("Realisasi akhir tahun")

    class State(models.TextChoices):
        PENDING = "pending", _("Menunggu konfirmasi")
        SAVED = "saved", _("Disimpan")

    file = models.FileField(storage=get_private_storage, upload_to=import_upload_to)
    original_name = models.CharField(max_length=MAX_TEXT)
    year = models.PositiveSmallIntegerField(_("tahun anggaran"))
    target = models.CharField(_("isi berkas"), max_length=12, choices=Target.choices)
    correction_reason = models.TextField(_("alasan koreksi"), blank=True, max_length=1000)
    perdes_number = models.CharField(_("nomor Perdes"), max_length=100, blank=True)
    perdes_date = models.DateField(_("tanggal Perdes"), null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    version = models.ForeignKey(
        BudgetVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    realisation = models.ForeignKey(
        Realisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    @property
    def is_realisation(self) -> bool:
        return self.target in (self.Target.SEMESTER, self.Target.YEAR)


class BudgetEvent(VillageOwned):
    """The trace of every change to published figures: who, when, what (read by the regency)."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Diterbitkan")
        CORRECTED = "corrected", _("Koreksi diterbitkan")
        REALISATION = "realisation", _("Realisasi diterbitkan")
        REALISATION_CORRECTED = "realisation_corrected", _("Koreksi realisasi diterbitkan")
        DRAFT_DELETED = "draft_deleted", _("Draf dihapus")

    action = models.CharField(max_length=24, choices=Action.choices)
    year = models.PositiveSmallIntegerField()
    version = models.ForeignKey(BudgetVersion, on_delete=models.SET_NULL, null=True, related_name="events")
    realisation = models.ForeignKey(Realisation, on_delete=models.SET_NULL, null=True, related_name="events")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]


class TransparencyPage(RoutablePageMixin, ContentPage):
    """The village's "Transparansi" section: its published APBDes and realisation, per year.

    The budget pages, downloads and posters are routes of this page (`sinergi.finance.public`), so they
    live at stable addresses under the section: tahun/2025/, tahun/2025/data/json/, ...
    """

    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1
    template = "finance/transparency_page.html"

    class Meta:
        verbose_name = _("transparansi anggaran")
        verbose_name_plural = _("transparansi anggaran")

    @path("tahun/<int:year>/")
    def year_view(self, request, year):
        from sinergi.finance.public import year_page

        return year_page(self, request, year)

    @path("tahun/<int:year>/versi/<int:number>/")
    def version_view(self, request, year, number):
        from sinergi.finance.public import year_page

        return year_page(self, request, year, number=number)

    @path("tahun/<int:year>/<slug:kind>/<slug:extension>/")
    def download_view(self, request, year, kind, extension):
        from sinergi.finance.public import download

        return download(self, request, year, kind, extension)

    @path("perbandingan/")
    def comparison_view(self, request):
        from sinergi.finance.public import comparison_page

        return comparison_page(self, request)

    @path("")
    def current_view(self, request):
        from sinergi.finance.public import current_page

        return current_page(self, request)
