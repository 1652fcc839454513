"""Shared records of the citizen services (PPID requests, complaints): holidays, number sequences,
spam terms, and the abstract shapes of a tracked case and of a line on its timeline."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sinergi.regions.tenancy import VillageOwned


class Holiday(models.Model):
    """A day off that `lokal-id` does not know: a regency's own holiday, or a national holiday or cuti
    bersama of a year whose SKB 3 Menteri is newer than the installed `lokal-id`.

    A row without a regency applies to every regency of the instance. Entering at least one national
    holiday (kind NATIONAL, no regency) for a year tells the working-day clock that the year's
    national calendar is known (sinergi/casework/calendar.py).
    """

    class Kind(models.TextChoices):
        NATIONAL = "nasional", _("Libur nasional")
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        REGIONAL = "daerah", _("Libur daerah")

    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="holidays",
        help_text=_("Kosongkan untuk hari libur yang berlaku di semua kabupaten/kota."),
    )
    date = models.DateField(_("tanggal"))
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices, default=Kind.REGIONAL)
    source = models.CharField(
        _("dasar"), max_length=200, blank=True, help_text=_("Mis. nomor SKB 3 Menteri atau keputusan bupati.")
    )

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["regency", "date"], name="casework_unique_regency_holiday"),
            models.UniqueConstraint(
                fields=["date"], condition=models.Q(regency=None), name="casework_unique_instance_holiday"
            ),
        ]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} {self.name}"


class CaseSequence(VillageOwned):
    """The last registration number given in one series (e.g. PPID requests) of a village and year."""

    series = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["village", "series", "year"], name="casework_unique_sequence")
        ]

    def __str__(self):
        return f"{self.series}/{self.year}: {self.last}"


class SpamTerm(models.Model):
    """A word that marks text as online-gambling promotion; the regency admin keeps the list.

    Seeded from sinergi.core.spam.GAMBLING_TERMS (where each term's meaning is written down).
    """

    term = models.CharField(
        _("kata"),
        max_length=60,
        unique=True,
        help_text=_("Tulis tanpa spasi dan huruf kecil, mis. “slotgacor”; samaran seperti “g4c0r” dikenali."),
    )
    whole_word = models.BooleanField(
        _("harus kata utuh"),
        default=False,
        help_text=_("Centang untuk kata pendek yang juga muncul di dalam kata biasa."),
    )

    class Meta:
        verbose_name = _("kata spam")
        verbose_name_plural = _("kata spam")
        ordering = ["term"]

    def __str__(self):
        return self.term


class TrackedCase(VillageOwned):
    """What every citizen case has: a number per village and year, an unguessable tracking code, a
    state, and when it was received. Subclasses add their own states and fields."""

    number = models.PositiveIntegerField(_("nomor urut"), editable=False)
    year = models.PositiveSmallIntegerField(_("tahun"), editable=False)
    reference = models.CharField(_("nomor registrasi"), max_length=40, editable=False)
    tracking_code = models.CharField(_("kode lacak"), max_length=16, unique=True, editable=False)
    received_at = models.DateTimeField(_("diterima"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year", "number"], name="%(app_label)s_%(class)s_number"
            )
        ]


class CaseEvent(VillageOwned):
    """One line of a case's timeline: a transition, or a note that does not change the state."""

    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=24, blank=True)
    to_state = models.CharField(max_length=24, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    public = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


class ServiceSettings(models.Model):
    """Per-regency hours of the village offices, which decide when a case counts as received."""

    regency = models.OneToOneField(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.CASCADE,
        related_name="service_settings",
    )
    office_closes = models.TimeField(
        _("jam layanan berakhir"),
        default=datetime.time(16, 0),
        help_text=_(
            "Permohonan atau pengaduan yang masuk setelah jam ini, atau pada hari libur, dihitung "
            "diterima pada hari kerja berikutnya."
        ),
    )

    class Meta:
        verbose_name = _("pengaturan layanan warga")
        verbose_name_plural = _("pengaturan layanan warga")

    def __str__(self):
        return str(self.regency)

    @classmethod
    def for_regency(cls, regency):
        return cls.objects.get_or_create(regency=regency)[0]
