"""KIM (Komunitas Informasi Masyarakat): registry, members, reports and dissemination activities.

Every model here that belongs to one village inherits `sinergi.regions.tenancy.VillageOwned`: a query
made outside `scope(village=...)` (or `scopes_disabled()` for the regency) raises ScopeError instead
of returning another village's rows. Reports change state only through `sinergi.kim.workflow`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scope
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from sinergi.core.fields import PhoneNumberField
from sinergi.core.images import CleanedPhotoField
from sinergi.core.pages import IntroMixin, listable
from sinergi.core.spam import looks_like_gambling_spam
from sinergi.core.storage import get_private_storage
from sinergi.regions.tenancy import VillageOwned
from sinergi.villages.models import VillagePage


class KimSettings(models.Model):
    """Per-regency KIM rules, e.g. Kutai Kartanegara forbids civil servants (docs/domain.md, "KIM")."""

    regency = models.OneToOneField("regions.Regency", on_delete=models.CASCADE, related_name="kim_settings")
    forbid_civil_servants = models.BooleanField(
        _("anggota tidak boleh ASN"),
        default=False,
        help_text=_("Jika aktif, formulir anggota menanyakan status ASN dan menolak ASN."),
    )
    review_reminder_days = models.PositiveSmallIntegerField(
        _("ingatkan operator setelah (hari)"),
        default=3,
        help_text=_("Laporan yang menunggu lebih lama dari ini diingatkan ke operator desa."),
    )

    class Meta:
        verbose_name = _("pengaturan KIM")
        verbose_name_plural = _("pengaturan KIM")

    def __str__(self):
        return str(self.regency)

    @classmethod
    def for_regency(cls, regency):
        return cls.objects.get_or_create(regency=regency)[0]


class KimClassification(models.Model):
    """A level or class of KIM as the regency defines it; nothing is hard-coded."""

    regency = models.ForeignKey(
        "regions.Regency", on_delete=models.CASCADE, related_name="kim_classifications"
    )
    name = models.CharField(_("nama"), max_length=80)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("klasifikasi KIM")
        verbose_name_plural = _("klasifikasi KIM")
        ordering = ["regency", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["regency", "name"], name="unique_kim_class_per_regency")
        ]

    def __str__(self):
        return self.name


class Kim(VillageOwned):
    name = models.CharField(_("nama KIM"), max_length=160)
    decree_number = models.CharField(_("nomor SK"), max_length=100, blank=True)
    decree_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    decree_document = models.ForeignKey(
        "core.SinergiDocument", verbose_name=_("pindaian SK"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    formed_on = models.DateField(_("tanggal terbentuk"), null=True, blank=True)
    address = models.TextField(_("alamat sekretariat"), max_length=400, blank=True)
    phone = PhoneNumberField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    classification = models.ForeignKey(
        KimClassification, verbose_name=_("klasifikasi"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="kims",
    )  # fmt: skip
    description = models.TextField(_("profil singkat"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("KIM")
        verbose_name_plural = _("KIM")
        ordering = ["village__code", "name"]

    def __str__(self):
        return self.name


class KimMember(VillageOwned):
    class Position(models.TextChoices):
        CHAIR = "ketua", _("Ketua")
        SECRETARY = "sekretaris", _("Sekretaris")
        TREASURER = "bendahara", _("Bendahara")
        MEMBER = "anggota", _("Anggota")

    kim = models.ForeignKey(Kim, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("nama"), max_length=120)
    position = models.CharField(
        _("jabatan"), max_length=12, choices=Position.choices, default=Position.MEMBER
    )
    phone = PhoneNumberField(_("nomor HP"), max_length=20, blank=True, help_text=_("Contoh: 0812 3456 7890"))
    email = models.EmailField(_("surel"), blank=True)
    joined_on = models.DateField(_("tanggal bergabung"), default=timezone.localdate)
    is_active = models.BooleanField(_("aktif"), default=True)
    is_civil_servant = models.BooleanField(_("ASN/PNS"), default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="kim_member"
    )

    class Meta:
        verbose_name = _("anggota KIM")
        verbose_name_plural = _("anggota KIM")
        ordering = ["kim", "position", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_position_display()})"

    def save(self, *args, **kwargs):
        self.village_id = self.kim.village_id
        super().save(*args, **kwargs)

    @property
    def is_lead(self) -> bool:
        return self.position == self.Position.CHAIR

    @property
    def may_sign_in(self) -> bool:
        """An active member of an active KIM (a KIM the village set inactive sends nothing more)."""
        return self.is_active and self.kim.is_active


class Invitation(VillageOwned):
    """A one-time way for a member to set a password: a link token or a short code."""

    member = models.ForeignKey(KimMember, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("undangan anggota")
        verbose_name_plural = _("undangan anggota")

    def __str__(self):
        return f"{self.member} ({self.created_at:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        self.village_id = self.member.village_id
        super().save(*args, **kwargs)

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()


class Report(VillageOwned):
    """A KIM member's report; a news page only once the village approves it."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Menunggu Verifikasi")
        REVISION = "revision", _("Perlu Revisi")
        PUBLISHED = "published", _("Diterbitkan")
        APPROVED_DRAFT = "approved_draft", _("Disetujui (draf berita)")
        REJECTED = "rejected", _("Ditolak")

    kim = models.ForeignKey(Kim, verbose_name=_("KIM"), on_delete=models.PROTECT, related_name="reports")
    author = models.ForeignKey(
        KimMember, verbose_name=_("penulis"), on_delete=models.PROTECT, related_name="reports"
    )
    # Made on the phone: sending the same report again (retry, double tap) finds this one.
    client_key = models.UUIDField(default=uuid.uuid4)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi laporan"), max_length=20000)
    category = models.ForeignKey(
        "villages.NewsCategory", verbose_name=_("kategori"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    event_date = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    place = models.CharField(_("tempat (dusun/RT)"), max_length=200, blank=True)
    latitude = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    consent_confirmed = models.BooleanField(_("orang dalam foto sudah setuju"), default=False)
    state = models.CharField(_("status"), max_length=16, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    news_page = models.ForeignKey(
        "villages.NewsPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="kim_reports"
    )

    class Meta:
        verbose_name = _("laporan KIM")
        verbose_name_plural = _("laporan KIM")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["author", "client_key"], name="unique_report_client_key")
        ]
        indexes = [models.Index(fields=["village", "state", "submitted_at"])]

    def __str__(self):
        return self.title

    def village_says(self) -> str:
        """While sent back or rejected: the village's comment that did it (what the member must read)."""
        if self.state not in (self.State.REVISION, self.State.REJECTED):
            return ""
        last = self.events.filter(to_state=self.state).order_by("-created_at", "-pk").first()
        return last.comment if last else ""


def report_photo_upload_to(instance, filename):
    from sinergi.core.uploads import random_name

    return random_name("kim/laporan", "jpg" if instance.format == "JPEG" else instance.format.lower())


class ReportPhoto(VillageOwned):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    # Re-encoded without any metadata (location, camera, owner) and kept private until published.
    file = CleanedPhotoField(upload_to=report_photo_upload_to, storage=get_private_storage)
    format = models.CharField(max_length=8, default="JPEG")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    caption = models.CharField(_("keterangan"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.report} #{self.order}"

    def save(self, *args, **kwargs):
        self.village_id = self.report.village_id
        super().save(*args, **kwargs)


class ReportEvent(VillageOwned):
    """One line of a report's timeline: who did what, when, and why."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=32)
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True, max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report}: {self.action}"

    def save(self, *args, **kwargs):
        self.village_id = self.report.village_id
        super().save(*args, **kwargs)


class Notification(VillageOwned):
    """In-app notification; the same event is also sent by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kim_notifications"
    )
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.message


class Activity(VillageOwned):
    """A dissemination activity of the KIM, classified by ADINDA."""

    class Kind(models.TextChoices):
        ACCESS = "akses", _("Akses informasi")
        DISCUSSION = "diskusi", _("Diskusi")
        IMPLEMENTATION = "implementasi", _("Implementasi")
        NETWORKING = "networking", _("Networking")
        DISSEMINATION = "diseminasi", _("Diseminasi")
        ASPIRATION = "aspirasi", _("Aspirasi")

    class Review(models.TextChoices):
        """Whether the village let the activity onto its public KIM page (members write, the village publishes)."""

        PENDING = "menunggu", _("Menunggu ditinjau")
        HELD = "ditahan", _("Ditahan: diduga spam judi")
        PUBLIC = "tampil", _("Tampil di situs")
        HIDDEN = "disembunyikan", _("Disembunyikan")

    kim = models.ForeignKey(Kim, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("jenis kegiatan (ADINDA)"), max_length=16, choices=Kind.choices)
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    place = models.CharField(_("tempat"), max_length=200)
    people_reached = models.PositiveIntegerField(_("jumlah orang terjangkau"), default=0)
    description = models.TextField(_("uraian"), max_length=4000)
    recorded_by = models.ForeignKey(
        KimMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    review = models.CharField(
        _("tinjauan desa"), max_length=16, choices=Review.choices, default=Review.PENDING, db_index=True
    )
    reviewed_at = models.DateTimeField(_("ditinjau"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("kegiatan diseminasi")
        verbose_name_plural = _("kegiatan diseminasi")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.place}"

    def save(self, *args, **kwargs):
        if self._state.adding and self.review == self.Review.PENDING and self.looks_like_spam():
            self.review = self.Review.HELD
        self.village_id = self.kim.village_id
        super().save(*args, **kwargs)

    def looks_like_spam(self) -> bool:
        """A gambling promotion in what the member wrote: held for the operator, never shown."""
        return looks_like_gambling_spam(f"{self.place}\n{self.description}")


class ActivityPhoto(VillageOwned):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="photos")
    file = CleanedPhotoField(upload_to=report_photo_upload_to, storage=get_private_storage)
    format = models.CharField(max_length=8, default="JPEG")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.activity} #{self.pk}"

    def save(self, *args, **kwargs):
        self.village_id = self.activity.village_id
        super().save(*args, **kwargs)


# --------------------------------------------------------------------------- the public KIM page


class KimPage(IntroMixin, VillagePage):
    """The village's KIM section (/<kecamatan>/<desa>/kim/): who they are, what they published and did.

    Officers are shown by name only: members' phone numbers and e-mail addresses never appear here.
    """

    OFFICER_ORDER = (KimMember.Position.CHAIR, KimMember.Position.SECRETARY, KimMember.Position.TREASURER)
    REPORTS_SHOWN = 10
    ACTIVITIES_SHOWN = 10

    template = "kim/kim_page.html"
    parent_page_types = ["villages.VillageHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("halaman KIM")
        verbose_name_plural = _("halaman KIM")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = context["village_home"]
        village = home.village if home else None
        if village is None:
            context.update(kims=[], published=[], activities=[])
            return context
        rank = {position: n for n, position in enumerate(self.OFFICER_ORDER)}
        with scope(village=village):
            officers = KimMember.objects.filter(is_active=True, position__in=self.OFFICER_ORDER).only(
                "id", "kim_id", "name", "position"
            )
            kims = list(
                Kim.objects.filter(is_active=True)
                .prefetch_related(Prefetch("members", queryset=officers, to_attr="officers"))
                .order_by("name")
            )
            for kim in kims:
                kim.officers.sort(key=lambda m: (rank[m.position], m.name))
            published = list(
                Report.objects.filter(
                    state=Report.State.PUBLISHED,
                    # The rule over this village's pages only, whatever the instance holds.
                    news_page__in=listable(Page.objects.filter(path__startswith=self.village_home.path)),
                )
                .select_related("news_page", "kim")
                .order_by("-news_page__date", "-pk")[: self.REPORTS_SHOWN]
            )
            activities = list(
                Activity.objects.filter(kim__is_active=True, review=Activity.Review.PUBLIC).select_related(
                    "kim"
                )[: self.ACTIVITIES_SHOWN]
            )
        context.update(kims=kims, published=published, activities=activities)
        return context


class ReportSend(VillageOwned):
    """One send of the report form (its `send_key`, made on the phone) that changed a report.

    Written in the same transaction as the change it made, and unique per member and key, so a send
    that arrives again (a retry after a lost answer, a double tap, two copies racing) changes nothing
    and is answered as the first one was. Old rows are pruned by `manage.py kim_prune`.
    """

    class Kind(models.TextChoices):
        NEW = "new", _("laporan baru")
        EDIT = "edit", _("perubahan")

    member = models.ForeignKey(KimMember, on_delete=models.CASCADE, related_name="report_sends")
    key = models.UUIDField()
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sends")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("pengiriman laporan")
        verbose_name_plural = _("pengiriman laporan")
        constraints = [models.UniqueConstraint(fields=["member", "key"], name="unique_report_send_key")]

    def __str__(self):
        return str(self.key)
