"""Information requests (permohonan informasi publik) and objections (keberatan) of a village's PPID.

Legal basis: UU 14/2008 (Keterbukaan Informasi Publik) Pasal 22 (requests, 10 + 7 working days),
Pasal 17 (exemptions), Pasal 35-36 (objections, 30 working days each way), Pasal 37 (dispute to the
Komisi Informasi within 14 working days); Perki 1/2018 (Standar Layanan Informasi Publik Desa);
UU 27/2022 (Pelindungan Data Pribadi) for the consent to process the requester's personal data.
The legal lists (exemption grounds, objection grounds) are data in sinergi/ppid/request_law.py.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from lokal import partial_mask

from sinergi.casework.models import CaseEvent, TrackedCase

__all__ = ["InformationRequest", "InformationRequestEvent", "Objection", "ObjectionEvent"]


class InformationRequest(TrackedCase):
    """One written request for public information, from receipt to the PPID's answer."""

    class State(models.TextChoices):
        NEW = "baru", _("Baru masuk")
        HELD = "ditahan", _("Ditahan (diduga spam)")
        REGISTERED = "terdaftar", _("Terdaftar, sedang diproses")
        EXTENDED = "diperpanjang", _("Diperpanjang 7 hari kerja")
        GRANTED = "dikabulkan", _("Dikabulkan")
        PARTLY_GRANTED = "sebagian", _("Dikabulkan sebagian")
        REFUSED = "ditolak", _("Ditolak (informasi dikecualikan)")
        NOT_HELD = "tidak_dikuasai", _("Informasi tidak dikuasai")

    class Form(models.TextChoices):
        SEE = "melihat", _("Melihat")
        READ = "membaca", _("Membaca")
        HEAR = "mendengarkan", _("Mendengarkan")
        COPY = "mencatat", _("Mencatat / mendapat salinan")

    class Copy(models.TextChoices):
        SOFT = "softcopy", _("Salinan elektronik (softcopy)")
        HARD = "hardcopy", _("Salinan cetak (hardcopy)")
        NONE = "", _("Tidak perlu salinan")

    class Delivery(models.TextChoices):
        IN_PERSON = "langsung", _("Diambil langsung")
        POST = "pos", _("Pos")
        EMAIL = "email", _("E-mail")
        WHATSAPP = "whatsapp", _("WhatsApp")

    state = models.CharField(_("status"), max_length=24, choices=State.choices, default=State.NEW)
    held_reason = models.CharField(_("alasan ditahan"), max_length=120, blank=True)
    # The requester (personal data, UU 27/2022): never public, never in e-mails, logs or exports.
    requester_name = models.CharField(_("nama pemohon"), max_length=120)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    organisation = models.CharField(_("organisasi / badan hukum"), max_length=160, blank=True)
    address = models.TextField(_("alamat"), max_length=500)
    phone = models.CharField(_("telepon / WhatsApp"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_at = models.DateTimeField(_("persetujuan pemrosesan data pribadi"))
    # What is asked.
    information = models.TextField(_("informasi yang diminta"), max_length=3000)
    purpose = models.TextField(_("tujuan penggunaan informasi"), max_length=1500)
    form = models.CharField(_("cara memperoleh"), max_length=16, choices=Form.choices)
    copy = models.CharField(_("bentuk salinan"), max_length=16, choices=Copy.choices, blank=True)
    delivery = models.CharField(_("cara pengiriman"), max_length=16, choices=Delivery.choices)
    # Deadlines (UU 14/2008 Pasal 22(7) and (8)), stored so lists sort and filter in SQL.
    due_date = models.DateField(_("batas waktu"), null=True, blank=True, db_index=True)
    due_unconfirmed = models.CharField(
        _("tahun tanpa data libur"), max_length=40, blank=True, help_text="e.g. '2028'"
    )
    extended_at = models.DateTimeField(_("diperpanjang"), null=True, blank=True)
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    # The answer.
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    answer = models.TextField(_("jawaban"), blank=True)
    exemption_grounds = models.JSONField(_("dasar pengecualian"), default=list, blank=True)
    held_elsewhere = models.TextField(_("informasi mungkin dikuasai oleh"), blank=True)
    documents = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, blank=True, related_name="+", verbose_name=_("dokumen jawaban")
    )

    OPEN_STATES = (State.REGISTERED, State.EXTENDED)
    ANSWERED_STATES = (State.GRANTED, State.PARTLY_GRANTED, State.REFUSED, State.NOT_HELD)

    class Meta(TrackedCase.Meta):
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["village", "state", "due_date"], name="ppid_request_queue")]

    def __str__(self):
        return self.reference

    @property
    def masked_nik(self) -> str:
        return partial_mask("NIK", self.nik) if self.nik else ""

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < (today or timezone.localdate())


class InformationRequestEvent(CaseEvent):
    case = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="events")


class Objection(TrackedCase):
    """An objection (keberatan) to the atasan PPID about one request (UU 14/2008 Pasal 35-36)."""

    class State(models.TextChoices):
        NEW = "baru", _("Baru masuk")
        HELD = "ditahan", _("Ditahan (diduga spam)")
        REGISTERED = "terdaftar", _("Diterima, menunggu tanggapan atasan PPID")
        LATE = "terlambat", _("Tidak diterima: lewat 30 hari kerja")
        UPHELD = "dikabulkan", _("Keberatan dikabulkan")
        DISMISSED = "ditolak", _("Keberatan ditolak")

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="objections")
    state = models.CharField(_("status"), max_length=24, choices=State.choices, default=State.NEW)
    held_reason = models.CharField(_("alasan ditahan"), max_length=120, blank=True)
    grounds = models.JSONField(_("alasan keberatan"), default=list)
    reasons = models.TextField(_("uraian keberatan"), max_length=3000)
    ground_arose_on = models.DateField(_("alasan keberatan timbul"), null=True, blank=True)
    due_date = models.DateField(_("batas tanggapan atasan"), null=True, blank=True, db_index=True)
    due_unconfirmed = models.CharField(max_length=40, blank=True)
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    answered_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    answer = models.TextField(_("tanggapan atasan PPID"), blank=True)
    commission_deadline = models.DateField(_("batas mengajukan ke Komisi Informasi"), null=True, blank=True)

    OPEN_STATES = (State.REGISTERED,)

    class Meta(TrackedCase.Meta):
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < (today or timezone.localdate())


class ObjectionEvent(CaseEvent):
    case = models.ForeignKey(Objection, on_delete=models.CASCADE, related_name="events")


def _connect_holiday_signals():
    """When the regency admin edits the holiday table, open cases' stored due dates follow."""
    from sinergi.casework.signals import holidays_changed

    def changed(sender, regency=None, **kwargs):
        from sinergi.ppid.request_services import recompute_due_dates

        recompute_due_dates(regency)

    holidays_changed.connect(changed, weak=False, dispatch_uid="ppid_request_holidays_changed")


_connect_holiday_signals()
