"""The completeness and freshness index (indeks keterbukaan desa, issue 12).

A regency's rule set (versioned: a version that produced a score is never edited, a change makes a
new version) lists the checks, each with its block (A-F of docs/domain.md), weight, parameters and
source. Every night each village gets one `Score` per day with one `ScoreItem` per rule; the items
sum to the score, per block too, so a score always explains itself.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sinergi.monitoring.bands import CHOICES as BAND_CHOICES
from sinergi.regions.tenancy import VillageOwned

BLOCKS = ["A", "B", "C", "D", "E", "F"]
BLOCK_CHOICES = [
    ("A", _("A. Informasi berkala tersedia dan mutakhir")),
    ("B", _("B. Transparansi APBDes")),
    ("C", _("C. Layanan PPID")),
    ("D", _("D. Kesegaran dan keaktifan")),
    ("E", _("E. Teknis")),
    ("F", _("F. Kesiapan informasi serta-merta")),
]
BLOCK_TITLES = dict(BLOCK_CHOICES)


class RuleSet(models.Model):
    """One version of a regency's rules. The active one is the highest version."""

    regency = models.ForeignKey(
        "regions.Regency",
        on_delete=models.CASCADE,
        related_name="index_rulesets",
        verbose_name=_("kabupaten"),
    )
    version = models.PositiveIntegerField(_("versi"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("aturan indeks")
        verbose_name_plural = _("aturan indeks")
        ordering = ["regency", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["regency", "version"], name="monitoring_ruleset_version_unique")
        ]

    def __str__(self):
        return f"{self.regency} v{self.version}"

    @property
    def total_weight(self) -> Decimal:
        return sum((rule.weight for rule in self.rules.all()), Decimal("0"))

    def block_weights(self) -> dict:
        weights = {block: Decimal("0") for block in BLOCKS}
        for rule in self.rules.all():
            weights[rule.block] += rule.weight
        return weights


class Rule(models.Model):
    """One check of a rule set: what it measures, why (source), how to fix it, and how much it weighs."""

    ruleset = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="rules")
    check_id = models.CharField(_("kode pemeriksaan"), max_length=40)
    block = models.CharField(_("blok"), max_length=1, choices=BLOCK_CHOICES)
    weight = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2)
    params = models.JSONField(_("parameter"), default=dict, blank=True)
    title = models.CharField(_("judul"), max_length=200)
    measures = models.TextField(_("yang diukur"))
    source = models.TextField(_("sumber"))
    fix = models.TextField(_("cara memperbaiki"))
    position = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("pemeriksaan")
        verbose_name_plural = _("pemeriksaan")
        ordering = ["ruleset", "position", "check_id"]
        constraints = [
            models.UniqueConstraint(fields=["ruleset", "check_id"], name="monitoring_rule_check_unique")
        ]

    def __str__(self):
        return self.check_id


class Score(VillageOwned):
    """A village's score on one day (a daily snapshot; one a month is kept after a year)."""

    village = models.ForeignKey(
        "regions.Village",
        on_delete=models.CASCADE,
        editable=False,
        related_name="index_scores",
        verbose_name=_("desa"),
    )
    day = models.DateField(_("tanggal"))
    ruleset = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="scores")
    total = models.DecimalField(_("nilai"), max_digits=5, decimal_places=2)
    band = models.CharField(_("kategori"), max_length=20, choices=BAND_CHOICES)
    # {"A": "31.50", ...}: decimal strings, one per block.
    blocks = models.JSONField(_("nilai per blok"), default=dict)
    # Figures shown beside the score: kim_reports_submitted_30d, kim_reports_published_30d,
    # kim_activities_30d (ints), last_news_date (ISO date or None). Always all four keys.
    facts = models.JSONField(_("data pendukung"), default=dict)
    computed_at = models.DateTimeField(_("dihitung"))
    # True for the demo's generated past snapshots (not computed from content that day).
    generated = models.BooleanField(_("dibangkitkan"), default=False, editable=False)

    class Meta:
        verbose_name = _("nilai indeks")
        verbose_name_plural = _("nilai indeks")
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["village", "day"], name="monitoring_score_day_unique")]
        indexes = [models.Index(fields=["day", "village"], name="monitoring_score_day_village")]

    def __str__(self):
        return f"{self.village_id} {self.day}: {self.total}"

    def block_decimal(self, block: str) -> Decimal:
        return Decimal(self.blocks.get(block, "0"))


class ScoreItem(VillageOwned):
    """One rule's result in a score. Carries the village key itself (scoped like its score)."""

    class Status(models.TextChoices):
        OK = "ok", _("lengkap")
        PARTIAL = "partial", _("sebagian")
        STALE = "stale", _("kedaluwarsa")
        MISSING = "missing", _("belum ada")
        UNAVAILABLE = "unavailable", _("belum tersedia")

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="items")
    check_id = models.CharField(_("kode pemeriksaan"), max_length=40)
    block = models.CharField(_("blok"), max_length=1, choices=BLOCK_CHOICES)
    points = models.DecimalField(_("poin"), max_digits=5, decimal_places=2)
    max_points = models.DecimalField(_("poin maksimum"), max_digits=5, decimal_places=2)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    missing_text = models.TextField(_("yang kurang"), blank=True)
    fix_url = models.CharField(_("tempat memperbaiki"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("butir nilai")
        verbose_name_plural = _("butir nilai")
        ordering = ["score", "block", "check_id"]

    def __str__(self):
        return f"{self.check_id}: {self.points}/{self.max_points}"

    @property
    def gain(self) -> Decimal:
        return self.max_points - self.points


class IndexSettings(models.Model):
    """The regency's switches for the index."""

    regency = models.OneToOneField(
        "regions.Regency",
        on_delete=models.CASCADE,
        related_name="index_settings",
        verbose_name=_("kabupaten"),
    )
    public_ranking = models.BooleanField(
        _("peringkat publik"),
        default=True,
        help_text=_("Tampilkan peringkat desa menurut kategori di situs kabupaten."),
    )

    class Meta:
        verbose_name = _("pengaturan indeks")
        verbose_name_plural = _("pengaturan indeks")

    def __str__(self):
        return str(self.regency)

    @classmethod
    def for_regency(cls, regency):
        return cls.objects.get_or_create(regency=regency)[0]
