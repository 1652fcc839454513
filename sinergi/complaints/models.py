"""Complaints and aspirations (pengaduan dan aspirasi) of a village's citizens.

A citizen writes to their village through the "Pengaduan & Aspirasi" section of its website; the case
is numbered and tracked with the shared machinery of sinergi.casework (tracking code, working-day
clock, the transition table run by `casework.workflow.perform`, the public-form guard). The states
and transitions are in sinergi/complaints/workflow.py; the rules and their sources in docs/domain.md,
"Pengaduan dan aspirasi".
"""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin

from sinergi.casework.models import CaseEvent, TrackedCase
from sinergi.complaints.routes import ComplaintRoutes
from sinergi.core.images import CleanedPhotoField
from sinergi.core.storage import get_private_storage
from sinergi.regions.tenancy import VillageOwned
from sinergi.villages.models import ContentPage

MAX_PHOTOS = 3

# The categories every regency starts with (issue 10); the regency admin edits its own list.
DEFAULT_CATEGORIES = [
    ("infrastruktur", _("Infrastruktur")),
    ("pelayanan-administrasi", _("Pelayanan administrasi")),
    ("bantuan-sosial", _("Bantuan sosial")),
    ("keamanan-dan-ketertiban", _("Keamanan dan ketertiban")),
    ("lingkungan", _("Lingkungan")),
    ("kesehatan", _("Kesehatan")),
    ("pendidikan", _("Pendidikan")),
    ("lainnya", _("Lainnya")),
]

# The area a point must fall in, per regency (Kemendagri code): south, north, west, east in degrees.
# Kutai Kartanegara: 1°28'21" LU to 1°08'06" LS, 115°26'28" BT to 117°36'43" BT, as the regency's
# profile gives it (Wikipedia "Kabupaten Kutai Kartanegara", Geografi), widened by about 0.05° for
# the coast; "perlu dicek" against the regency's own RTRW map. Regencies not listed use Indonesia's
# extent until their admin fills in their own.
KNOWN_AREAS = {
    "64.02": (Decimal("-1.19"), Decimal("1.52"), Decimal("115.39"), Decimal("117.67")),
}
INDONESIA = (Decimal("-11.1"), Decimal("6.1"), Decimal("94.9"), Decimal("141.1"))


class ComplaintsPage(ComplaintRoutes, RoutablePageMixin, ContentPage):
    """The village's "Pengaduan & Aspirasi" section: the form, the tracking page and the public list."""

    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = ["villages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pengaduan dan aspirasi")
        verbose_name_plural = _("pengaduan dan aspirasi")


class ComplaintCategory(models.Model):
    """A category of complaints, kept per regency by the regency admin."""

    regency = models.ForeignKey(
        "regions.Regency", verbose_name=_("kabupaten/kota"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("nama"), max_length=80)
    slug = models.SlugField(_("kode"), max_length=80)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("dipakai"), default=True)

    class Meta:
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["regency", "slug"], name="complaints_unique_category_slug")
        ]

    def __str__(self):
        return self.name

    @classmethod
    def for_regency(cls, regency):
        """The regency's active categories; the default list is stored the first time it is asked for."""
        rows = list(cls.objects.filter(regency=regency, active=True))
        if rows or cls.objects.filter(regency=regency).exists():
            return rows
        cls.objects.bulk_create(
            [
                cls(regency=regency, slug=slug, name=str(name), order=n)
                for n, (slug, name) in enumerate(DEFAULT_CATEGORIES)
            ],
            ignore_conflicts=True,
        )
        return list(cls.objects.filter(regency=regency, active=True))


class ComplaintSettings(models.Model):
    """Per-regency rules of the complaint service: response targets and the area a point must fall in."""

    regency = models.OneToOneField(
        "regions.Regency",
        verbose_name=_("kabupaten/kota"),
        on_delete=models.CASCADE,
        related_name="complaint_settings",
    )
    # Targets set by the regency (no national rule fixes them; docs/domain.md "Pengaduan dan aspirasi").
    verify_days = models.PositiveSmallIntegerField(
        _("batas verifikasi (hari kerja)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    reply_days = models.PositiveSmallIntegerField(
        _("batas tanggapan publik pertama (hari kerja)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    reopen_days = models.PositiveSmallIntegerField(
        _("batas membuka kembali setelah selesai (hari)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    south = models.DecimalField(_("batas selatan (lintang)"), max_digits=9, decimal_places=6)
    north = models.DecimalField(_("batas utara (lintang)"), max_digits=9, decimal_places=6)
    west = models.DecimalField(_("batas barat (bujur)"), max_digits=9, decimal_places=6)
    east = models.DecimalField(_("batas timur (bujur)"), max_digits=9, decimal_places=6)
    area_source = models.CharField(
        _("sumber batas wilayah"),
        max_length=200,
        blank=True,
        help_text=_("Mis. peta RTRW kabupaten. Titik di luar kotak ini ditolak."),
    )

    class Meta:
        verbose_name = _("pengaturan pengaduan")
        verbose_name_plural = _("pengaturan pengaduan")

    def __str__(self):
        return str(self.regency)

    @classmethod
    def for_regency(cls, regency):
        known = regency.code in KNOWN_AREAS
        south, north, west, east = KNOWN_AREAS.get(regency.code, INDONESIA)
        source = (
            "Wikipedia: Kabupaten Kutai Kartanegara, Geografi (perlu dicek)"
            if known
            else "Batas Indonesia (isi batas kabupaten)"
        )
        return cls.objects.get_or_create(
            regency=regency,
            defaults={"south": south, "north": north, "west": west, "east": east, "area_source": source},
        )[0]

    def contains(self, latitude: Decimal, longitude: Decimal) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east


class Complaint(TrackedCase):
    """One complaint or aspiration of a citizen to their village."""

    SERIES = "ADUAN"
    LABEL = "ADU"

    class Kind(models.TextChoices):
        COMPLAINT = "pengaduan", _("Pengaduan")
        ASPIRATION = "aspirasi", _("Aspirasi")

    class State(models.TextChoices):
        RECEIVED = "diterima", _("Diterima")
        VERIFIED = "diverifikasi", _("Diverifikasi")
        REJECTED = "ditolak", _("Ditolak")
        IN_PROGRESS = "ditindaklanjuti", _("Ditindaklanjuti")
        RESOLVED = "selesai", _("Selesai")
        MERGED = "digabung", _("Digabung")

    class Rejection(models.TextChoices):
        SPAM = "spam", _("Spam atau iklan")
        DUPLICATE = "duplikat", _("Sama dengan pengaduan lain")
        NOT_OURS = "bukan_kewenangan", _("Bukan kewenangan desa")
        UNCLEAR = "tidak_jelas", _("Tidak jelas atau tidak lengkap")

    class Forward(models.TextChoices):
        DISTRICT = "kecamatan", _("Kecamatan")
        REGENCY = "kabupaten", _("Kabupaten")

    state = models.CharField(_("status"), max_length=24, choices=State.choices, default=State.RECEIVED)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, default=Kind.COMPLAINT)
    category = models.ForeignKey(
        ComplaintCategory, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("judul"), max_length=120)
    description = models.TextField(_("uraian"), max_length=4000)
    location_text = models.CharField(_("lokasi"), max_length=200, blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    name = models.CharField(_("nama"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("nomor telepon"), max_length=30, blank=True)
    show_name = models.BooleanField(_("tampilkan nama"), default=False)
    may_publish = models.BooleanField(_("boleh ditampilkan untuk umum"), default=True)
    # Held by the form guard (bot signs, gambling spam): never public until an operator releases it.
    held = models.BooleanField(_("ditahan"), default=False)
    held_reason = models.CharField(_("alasan ditahan"), max_length=120, blank=True)
    affected_count = models.PositiveIntegerField(_("warga lain yang mengalami"), default=0)
    merged_into = models.ForeignKey(
        "self", verbose_name=_("digabung ke"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="merged",
    )  # fmt: skip
    forwarded_to = models.CharField(_("diteruskan ke"), max_length=12, choices=Forward.choices, blank=True)
    forwarded_at = models.DateTimeField(_("diteruskan"), null=True, blank=True)
    rejection = models.CharField(_("alasan penolakan"), max_length=20, choices=Rejection.choices, blank=True)
    redirect_to = models.CharField(_("seharusnya diajukan ke"), max_length=200, blank=True)
    expected_on = models.DateField(_("perkiraan selesai"), null=True, blank=True)
    verify_due = models.DateField(_("batas verifikasi"), null=True, blank=True)
    reply_due = models.DateField(_("batas tanggapan pertama"), null=True, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    first_reply_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    rejected_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    citizen_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta(TrackedCase.Meta):
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["village", "state", "received_at"], name="complaints_queue")]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def is_public(self) -> bool:
        """Shown on the village's public list and case page."""
        return (
            self.may_publish
            and not self.held
            and self.state in (self.State.VERIFIED, self.State.IN_PROGRESS, self.State.RESOLVED)
        )

    @property
    def public_name(self) -> str:
        return self.name if self.show_name and self.name else ""

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    def overdue(self, today: datetime.date | None = None) -> list[str]:
        """Which targets this case has missed ("verifikasi", "tanggapan"), as of `today`."""
        today = today or timezone.localdate()
        late = []
        if self.state == self.State.RECEIVED and self.verify_due and today > self.verify_due:
            late.append("verifikasi")
        if (
            self.state in (self.State.RECEIVED, self.State.VERIFIED)
            and self.first_reply_at is None
            and self.reply_due
            and today > self.reply_due
        ):
            late.append("tanggapan")
        return late


def public_cases():
    """Complaints the public may see (in the current scope): allowed by the citizen, accepted, not held."""
    return Complaint.objects.filter(
        may_publish=True,
        held=False,
        state__in=[Complaint.State.VERIFIED, Complaint.State.IN_PROGRESS, Complaint.State.RESOLVED],
    )


def complaint_photo_upload_to(instance, filename):
    from sinergi.core.uploads import random_name

    return random_name("pengaduan", "jpg" if instance.format == "JPEG" else instance.format.lower())


class ComplaintPhoto(VillageOwned):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="photos")
    # Re-encoded without any metadata and kept in the private storage; served by a checked view.
    file = CleanedPhotoField(upload_to=complaint_photo_upload_to, storage=get_private_storage)
    format = models.CharField(max_length=8, default="JPEG")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.complaint} #{self.order}"

    def save(self, *args, **kwargs):
        self.village_id = self.complaint.village_id
        super().save(*args, **kwargs)


class ComplaintEvent(CaseEvent):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")

    class Meta(CaseEvent.Meta):
        verbose_name = _("riwayat pengaduan")
        verbose_name_plural = _("riwayat pengaduan")


class AffectedToo(VillageOwned):
    """ "Saya juga mengalami ini": one per browser (a hash of a random cookie token), no account."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="affected")
    browser = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["complaint", "browser"], name="complaints_one_per_browser")
        ]

    def save(self, *args, **kwargs):
        self.village_id = self.complaint.village_id
        super().save(*args, **kwargs)
