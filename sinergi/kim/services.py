"""Member-side services: saving a report idempotently, and the writing hints shown before sending."""

import re
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scope, scopes_disabled

from sinergi.kim.models import Report, ReportEvent, ReportPhoto, ReportSend
from sinergi.kim.photos import ensure_clean
from sinergi.kim.workflow import EDIT, EDITABLE_BY_AUTHOR, TransitionError

MAX_PHOTOS = 10
TITLE_MIN, TITLE_MAX = 20, 100
BODY_MIN_WORDS = 80

# Words that usually answer "when" and "where" in an Indonesian news report.
_WHEN = re.compile(
    r"\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|pagi|siang|sore|malam|kemarin|hari ini|pukul|jam|"
    r"januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|tanggal|\d{1,2}[./:]\d{2})\b",
    re.IGNORECASE,
)
_WHERE = re.compile(
    r"\b(di|ke|dusun|rt|rw|balai|desa|kampung|jalan|jl|masjid|sekolah|posyandu|lapangan|pantai|sungai|kantor|gedung)\b",
    re.IGNORECASE,
)
_WHO = re.compile(r"(?i:\b(warga|bapak|ibu|pak|bu|kepala|ketua|anggota|kader|petugas|siswa|pemuda|masyarakat|tim|kelompok)\b)"
                  r"|\b[A-Z][a-z]+ [A-Z][a-z]+\b")  # fmt: skip
_WHAT = re.compile(r"\b(kegiatan|acara|rapat|musyawarah|pelatihan|lomba|gotong royong|panen|pembangunan|bantuan|"
                   r"penyuluhan|pemeriksaan|pembagian|peresmian|kerja bakti|sosialisasi)\b", re.IGNORECASE)  # fmt: skip


@dataclass
class Hint:
    key: str
    ok: bool
    message: str


def writing_hints(title: str, body: str, photo_count: int, event_date=None, place: str = "") -> list[Hint]:
    """Hints, never blockers: does the report say what, who, when and where, and is it long enough?"""
    text = f"{title}\n{body}"
    words = len(body.split())
    title_length = len(title.strip())
    return [
        Hint("what", bool(_WHAT.search(text)) or words >= BODY_MIN_WORDS,
             str(_("Apa yang terjadi? Sebutkan kegiatannya dengan jelas."))),
        Hint("who", bool(_WHO.search(text)), str(_("Siapa yang terlibat? Sebutkan nama atau kelompoknya."))),
        Hint("when", bool(_WHEN.search(text)) or event_date is not None,
             str(_("Kapan terjadinya? Tulis hari, tanggal atau jamnya."))),
        Hint("where", bool(place.strip()) or bool(_WHERE.search(body)),
             str(_("Di mana tempatnya? Tulis dusun, RT atau nama tempatnya."))),
        Hint("title", TITLE_MIN <= title_length <= TITLE_MAX,
             str(_("Judul sebaiknya %(min)s–%(max)s huruf (sekarang %(n)s).") % {"min": TITLE_MIN, "max": TITLE_MAX, "n": title_length})),
        Hint("length", words >= BODY_MIN_WORDS,
             str(_("Isi sebaiknya minimal %(min)s kata (sekarang %(n)s).") % {"min": BODY_MIN_WORDS, "n": words})),
        Hint("photo", photo_count >= 1, str(_("Sertakan minimal satu foto kegiatan."))),
    ]  # fmt: skip


class AlreadySent(Exception):
    """This send (its send_key) was already saved: nothing of this copy is kept."""

    def __init__(self, send: ReportSend):
        super().__init__(str(send.key))
        self.send = send


@dataclass
class SaveResult:
    report: Report
    created: bool


def save_report(
    member, *, client_key, fields: dict, photos=(), remove_photo_ids=(), send_key=None
) -> SaveResult:
    """Create or update the member's report identified by the key made on the phone.

    Sending the same key again (a retry after a dropped connection, a double tap) updates the same
    report instead of creating a second one. `photos` are CleanPhoto objects from photos.clean_photo
    (the view cleans each upload once, to name the refused ones and keep the rest), stored as they
    are, or raw uploads, which are validated and cleaned here one by one: a refused photo raises
    ValidationError naming it, and nothing of that save is kept (the previous state of the report
    stays as it was).

    `send_key` names this one send (a new one per press of the button, made on the phone): it is
    recorded as a ReportSend in the same transaction, so the same send arriving again, even while
    the first is still being saved, raises AlreadySent and changes nothing (the unique constraint
    decides a race). The caller's own transaction, if any, must then be rolled back too.
    """
    key = uuid.UUID(str(client_key))
    village = member.village
    cleaned = [ensure_clean(photo) for photo in photos]  # refuse bad photos before touching the database
    with scope(village=village), transaction.atomic():
        if send_key is not None and (
            earlier := ReportSend.objects.filter(member=member, key=send_key).first()
        ):
            raise AlreadySent(earlier)
        report = Report.objects.select_for_update().filter(author=member, client_key=key).first()
        created = report is None
        if created:
            report = Report(village=village, kim=member.kim, author=member, client_key=key)
        elif report.state not in EDITABLE_BY_AUTHOR:
            raise TransitionError(_("Laporan ini sudah diputuskan desa dan tidak bisa diubah lagi."))
        for name, value in fields.items():
            setattr(report, name, value)
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            # Two copies of the same first send raced; the other one won: update that one.
            report = Report.objects.select_for_update().get(author=member, client_key=key)
            created = False
            for name, value in fields.items():
                setattr(report, name, value)
            report.save()
        if send_key is not None:
            _record_send(member, send_key, report, ReportSend.Kind.NEW if created else ReportSend.Kind.EDIT)
        if remove_photo_ids:
            report.photos.filter(pk__in=list(remove_photo_ids)).delete()
        existing = report.photos.count()
        if existing + len(cleaned) > MAX_PHOTOS:
            raise TransitionError(_("Maksimal %(max)s foto per laporan.") % {"max": MAX_PHOTOS})
        for n, photo in enumerate(cleaned, start=existing):
            stored = ReportPhoto(
                report=report, format=photo.format, width=photo.width, height=photo.height, order=n
            )
            stored.file.save("foto", photo.content, save=False)
            stored.save()
        if not created and report.state == Report.State.SUBMITTED:
            # The village may be reading it: the timeline says it changed (and a decision taken on the
            # earlier text is refused, see workflow.do_transition's `seen`).
            ReportEvent.objects.create(
                report=report, action=EDIT, from_state=report.state, to_state=report.state,
                actor=member.user, created_at=report.updated_at,
            )  # fmt: skip
    return SaveResult(report, created)


def _record_send(member, send_key, report, kind) -> None:
    try:
        with transaction.atomic():
            ReportSend.objects.create(
                village=member.village, member=member, key=send_key, report=report, kind=kind
            )
    except IntegrityError:
        # A copy of this send committed first (its row is visible now that ours was refused).
        raise AlreadySent(ReportSend.objects.get(member=member, key=send_key)) from None


def find_send(member, send_key) -> ReportSend | None:
    """The earlier saved send with this key, if any."""
    if send_key is None:
        return None
    with scope(village=member.village):
        return ReportSend.objects.select_related("report").filter(member=member, key=send_key).first()


def prune_sends(older_than_days: int) -> int:
    """Forget sends older than `older_than_days`: a copy arriving later than that would be saved again."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    with scopes_disabled():
        return ReportSend.objects.filter(created_at__lt=cutoff).delete()[0]
