"""What happens to an information request or an objection: submission, the PPID's and the atasan's
decisions, and who hears of them. Every change of state goes through casework.workflow.perform with
the tables of request_workflow.

Personal data (name, NIK, address, phone, e-mail) never goes into an e-mail, a log line or an export:
e-mails carry the registration number, the state and the tracking link only.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled
from wagtail.documents import get_document_model

from sinergi.accounts.access import may_manage
from sinergi.casework import notify, tracking
from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.workflow import CITIZEN, OPERATOR, SYSTEM, TransitionError, perform
from sinergi.ppid import request_law as law
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.request_workflow import (
    ATASAN,
    OBJECTION_TABLE,
    REQUEST_TABLE,
    objection_state_label,
    request_state_label,
)

REQUEST_SERIES = "PPID"
OBJECTION_SERIES = "KEB"
R = InformationRequest.State
O = Objection.State  # noqa: E741


def ppid_page(village):
    from sinergi.ppid.models import PpidPage

    if village.page_id is None:
        return None
    return PpidPage.objects.child_of(village.page).first()


def tracking_url(case) -> str:
    """Public tracking address of a request (or of the request an objection is about)."""
    request = case.request if isinstance(case, Objection) else case
    page = ppid_page(request.village)
    if page is None:
        return ""
    url = page.url or ""
    return f"{url}lacak/{tracking.display_code(request.tracking_code)}/"


def admin_url(case) -> str:
    try:
        if isinstance(case, Objection):
            return reverse("ppid_requests:objection", args=[case.pk])
        return reverse("ppid_requests:request", args=[case.pk])
    except NoReverseMatch:
        return ""


def roles_for(user, case, *, code: str = "") -> set[str]:
    """The roles `user` (or the holder of tracking `code`) holds for `case`."""
    roles = set()
    if user is not None and may_manage(user, case.village_id):
        roles |= {OPERATOR, ATASAN}
    request = case.request if isinstance(case, Objection) else case
    if code and code == request.tracking_code:
        roles.add(CITIZEN)
    return roles


def _deadline_fields(deadline) -> dict:
    return {
        "due_date": deadline.date,
        "due_unconfirmed": ",".join(str(y) for y in deadline.unconfirmed_years),
    }


# --------------------------------------------------------------------------- submission


def submit_request(village, fields: dict, *, held_reasons=(), calendar=None, now=None):
    """Store a citizen's request, number it and register it (or hold it as spam); returns it."""
    now = now or timezone.now()
    calendar = calendar or WorkingCalendar(village.district.regency)
    year = timezone.localtime(now).year
    with scope(village=village.pk), transaction.atomic():
        number = tracking.next_number(village, REQUEST_SERIES, year)
        request = InformationRequest.objects.create(
            village=village,
            number=number,
            year=year,
            reference=tracking.registration(number, "PPID", village, year),
            tracking_code=tracking.new_tracking_code(),
            received_at=now,
            consent_at=now,
            **fields,
        )

        def apply(case, transition, moment):
            if transition.name == "hold":
                case.held_reason = ",".join(held_reasons)[:120]
            else:
                case.__dict__.update(_deadline_fields(calendar.deadline(case.received_at, law.ANSWER_DAYS)))

        action = "hold" if held_reasons else "register"
        request, _event = perform(
            request, action, table=REQUEST_TABLE, roles={SYSTEM}, apply=apply, notify=notify_request
        )
    return request


def ground_arose_on(request, calendar, today) -> datetime.date:
    """When the ground of an objection arose: the answer's date, or the day after an unanswered
    request's deadline passed (Pasal 35(1) huruf c/g)."""
    if request.answered_at:
        return timezone.localdate(request.answered_at)
    if request.due_date and request.due_date < today:
        return request.due_date
    return calendar.received_on(request.received_at)


def submit_objection(request, fields: dict, *, held_reasons=(), calendar=None, now=None):
    """Store an objection about `request`; registered, or refused as late (more than 30 working days
    after its ground arose, UU 14/2008 Pasal 36(1)), or held as spam."""
    now = now or timezone.now()
    village = request.village
    calendar = calendar or WorkingCalendar(village.district.regency)
    today = timezone.localdate(now)
    year = today.year
    arose = ground_arose_on(request, calendar, today)
    late = calendar.working_days_between(arose, calendar.received_on(now)) > law.OBJECTION_FILING_DAYS
    with scope(village=village.pk), transaction.atomic():
        number = tracking.next_number(village, OBJECTION_SERIES, year)
        objection = Objection.objects.create(
            village=village,
            request=request,
            number=number,
            year=year,
            reference=tracking.registration(number, "KEB", village, year),
            tracking_code=tracking.new_tracking_code(),
            received_at=now,
            ground_arose_on=arose,
            **fields,
        )

        def apply(case, transition, moment):
            if transition.name == "hold":
                case.held_reason = ",".join(held_reasons)[:120]
            elif transition.name == "register":
                case.__dict__.update(
                    _deadline_fields(calendar.deadline(case.received_at, law.OBJECTION_ANSWER_DAYS))
                )

        if held_reasons:
            action, comment = "hold", ""
        elif late:
            action = "refuse_late"
            comment = _(
                "Keberatan diajukan lebih dari %(n)s hari kerja setelah alasannya timbul (%(date)s); "
                "UU 14/2008 Pasal 36 ayat (1)."
            ) % {"n": law.OBJECTION_FILING_DAYS, "date": arose.strftime("%d-%m-%Y")}
        else:
            action, comment = "register", ""
        objection, _event = perform(
            objection,
            action,
            table=OBJECTION_TABLE,
            roles={SYSTEM},
            comment=comment,
            apply=apply,
            notify=notify_objection,
        )
    return objection


# --------------------------------------------------------------------------- decisions


def attach_documents(request, uploads, user) -> list:
    """Store answer documents in the village's collection, through the same checks as the admin's
    document upload (type, content, size); raises ValidationError with the message to show."""
    from django.conf import settings

    Document = get_document_model()
    documents = []
    for upload in uploads:
        if upload.size > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
            raise ValidationError(
                _("Berkas “%(name)s” terlalu besar (paling besar %(mb)s MB).")
                % {"name": upload.name, "mb": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE // (1024 * 1024)}
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise ValidationError(_("Jenis berkas ini tidak diizinkan."))
        document = Document(
            title=_("Jawaban %(ref)s") % {"ref": request.reference},
            file=upload,
            collection=request.village.collection,
            uploaded_by_user=user,
        )
        try:
            document.full_clean(exclude=["collection"] if request.village.collection is None else None)
        except ValidationError as error:
            raise ValidationError(" ".join(error.messages)) from error
        documents.append(document)
    return documents


def act_on_request(
    request, action: str, *, user, comment="", grounds=(), held_elsewhere="", uploads=(), seen=None
):
    """The PPID's transition on a request (extend, answer, release, note)."""
    calendar = WorkingCalendar(request.village.district.regency)
    grounds = [g for g in grounds if g in law.EXEMPTION_GROUNDS]
    if action == "refuse" and not grounds:
        raise TransitionError(_("Sebutkan dasar pengecualian (UU 14/2008 Pasal 17) penolakan ini."))
    if action == "not_held" and not (held_elsewhere or "").strip():
        raise TransitionError(_("Sebutkan badan publik yang mungkin menguasai informasi ini."))
    documents = attach_documents(request, uploads, user) if uploads else []

    def apply(case, transition, now):
        if transition.name == "extend":
            if case.extended_at:
                raise TransitionError(_("Permohonan hanya dapat diperpanjang satu kali."))
            case.extended_at = now
            case.extension_reason = comment
            case.__dict__.update(
                _deadline_fields(calendar.add_working_days(case.due_date, law.EXTENSION_DAYS))
            )
        elif transition.name == "release":
            case.held_reason = ""
            case.__dict__.update(_deadline_fields(calendar.deadline(case.received_at, law.ANSWER_DAYS)))
        elif transition.target in InformationRequest.ANSWERED_STATES:
            case.answered_at = now
            case.answer = comment
            case.exemption_grounds = grounds if transition.name == "refuse" else []
            case.held_elsewhere = held_elsewhere.strip() if transition.name == "not_held" else ""
            for document in documents:
                document.save()

    request, event = perform(
        request,
        action,
        table=REQUEST_TABLE,
        roles=roles_for(user, request),
        by=user,
        comment=comment,
        apply=apply,
        notify=notify_request,
        seen=seen,
        state_label=request_state_label,
    )
    if documents:
        with scope(village=request.village_id):
            request.documents.add(*documents)
    return request, event


def act_on_objection(objection, action: str, *, user, comment="", seen=None):
    """The atasan PPID's answer to an objection (or the operator releasing a held one)."""
    calendar = WorkingCalendar(objection.village.district.regency)

    def apply(case, transition, now):
        if transition.name == "release":
            case.held_reason = ""
            case.__dict__.update(
                _deadline_fields(calendar.deadline(case.received_at, law.OBJECTION_ANSWER_DAYS))
            )
        elif transition.target in (O.UPHELD, O.DISMISSED):
            case.answered_at = now
            case.answer = comment
            case.commission_deadline = commission_deadline(case, calendar, now)

    return perform(
        objection,
        action,
        table=OBJECTION_TABLE,
        roles=roles_for(user, objection),
        by=user,
        comment=comment,
        apply=apply,
        notify=notify_objection,
        seen=seen,
        state_label=objection_state_label,
    )


def commission_deadline(objection, calendar, now=None) -> datetime.date | None:
    """Last day to bring the dispute to the Komisi Informasi (UU 14/2008 Pasal 37(2)): 14 working
    days after the atasan's answer, or after the atasan's deadline passed unanswered."""
    if objection.answered_at or now:
        start = timezone.localdate(objection.answered_at or now)
    elif objection.due_date and objection.due_date < timezone.localdate():
        start = objection.due_date
    else:
        return None
    return calendar.add_working_days(start, law.COMMISSION_DAYS).date


# --------------------------------------------------------------------------- notifications

REQUEST_MESSAGES = {
    "register": _("Permohonan informasi Anda terdaftar dengan nomor %(ref)s. Batas waktu jawaban: %(due)s."),
    "release": _("Permohonan informasi Anda terdaftar dengan nomor %(ref)s. Batas waktu jawaban: %(due)s."),
    "extend": _("Jawaban atas permohonan %(ref)s diperpanjang sampai %(due)s."),
    "grant": _("Permohonan %(ref)s dikabulkan. Lihat jawabannya di halaman lacak."),
    "partly_grant": _("Permohonan %(ref)s dikabulkan sebagian. Lihat jawabannya di halaman lacak."),
    "refuse": _("Permohonan %(ref)s ditolak. Lihat alasan dan cara mengajukan keberatan di halaman lacak."),
    "not_held": _(
        "Informasi yang Anda minta (%(ref)s) tidak dikuasai desa. Lihat jawabannya di halaman lacak."
    ),
}
OBJECTION_MESSAGES = {
    "register": _("Keberatan %(ref)s dicatat; atasan PPID menanggapi paling lambat %(due)s."),
    "release": _("Keberatan %(ref)s dicatat; atasan PPID menanggapi paling lambat %(due)s."),
    "refuse_late": _("Keberatan %(ref)s tidak dapat diterima karena lewat batas waktu. Lihat halaman lacak."),
    "uphold": _("Keberatan %(ref)s dikabulkan atasan PPID. Lihat tanggapannya di halaman lacak."),
    "dismiss": _(
        "Keberatan %(ref)s ditolak atasan PPID. Lihat tanggapan dan langkah berikutnya di halaman lacak."
    ),
}


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def notify_request(case_pk: int, event_pk: int) -> None:
    with scopes_disabled():
        case = InformationRequest.objects.select_related("village__district__regency").get(pk=case_pk)
        event = case.events.get(pk=event_pk)
    params = {"ref": case.reference, "due": _date(case.due_date)}
    if event.action in REQUEST_MESSAGES and case.state != R.HELD:
        notify.email_citizen(
            case.email, _("PPID %(village)s: %(ref)s") % {"village": case.village, "ref": case.reference},
            [str(REQUEST_MESSAGES[event.action]) % params], tracking_url(case),
        )  # fmt: skip
    if event.action in ("register", "hold"):
        lines = [_("Permohonan informasi baru %(ref)s masuk.") % params]
        if case.state == R.HELD:
            lines.append(_("Permohonan ini ditahan sebagai dugaan spam; periksa lalu lepaskan bila wajar."))
        else:
            lines.append(_("Batas waktu jawaban: %(due)s.") % params)
        notify.email_operators(
            case.village, _("Permohonan informasi %(ref)s") % params, lines, admin_url(case)
        )


def notify_objection(case_pk: int, event_pk: int) -> None:
    with scopes_disabled():
        case = Objection.objects.select_related("village", "request").get(pk=case_pk)
        event = case.events.get(pk=event_pk)
    params = {"ref": case.reference, "due": _date(case.due_date)}
    if event.action in OBJECTION_MESSAGES and case.state != O.HELD:
        notify.email_citizen(
            case.request.email, _("PPID %(village)s: %(ref)s") % {"village": case.village, "ref": case.reference},
            [str(OBJECTION_MESSAGES[event.action]) % params], tracking_url(case),
        )  # fmt: skip
    if event.action in ("register", "hold"):
        notify.email_operators(
            case.village,
            _("Keberatan %(ref)s") % params,
            [
                _("Keberatan baru %(ref)s atas permohonan %(req)s.")
                % {**params, "req": case.request.reference}
            ],
            admin_url(case),
        )


# --------------------------------------------------------------------------- holiday table edits


def recompute_due_dates(regency=None) -> int:
    """Compute again the stored due dates of open requests and objections (of `regency`, or of every
    regency) after the holiday table changed; returns how many changed."""
    from sinergi.regions.models import Regency

    regencies = [regency] if regency is not None else list(Regency.objects.all())
    changed = 0
    for current in regencies:
        calendar = WorkingCalendar(current)
        with scopes_disabled():
            requests = InformationRequest.objects.filter(
                village__district__regency=current, state__in=InformationRequest.OPEN_STATES
            )
            for case in requests.only(
                "pk", "received_at", "extended_at", "due_date", "due_unconfirmed", "village_id"
            ):
                deadline = calendar.deadline(case.received_at, law.ANSWER_DAYS)
                if case.extended_at:
                    deadline = calendar.add_working_days(deadline.date, law.EXTENSION_DAYS)
                fields = _deadline_fields(deadline)
                if (case.due_date, case.due_unconfirmed) != (fields["due_date"], fields["due_unconfirmed"]):
                    InformationRequest.objects.filter(pk=case.pk).update(**fields)
                    changed += 1
            objections = Objection.objects.filter(
                village__district__regency=current, state__in=Objection.OPEN_STATES
            )
            for case in objections.only("pk", "received_at", "due_date", "due_unconfirmed", "village_id"):
                fields = _deadline_fields(calendar.deadline(case.received_at, law.OBJECTION_ANSWER_DAYS))
                if (case.due_date, case.due_unconfirmed) != (fields["due_date"], fields["due_unconfirmed"]):
                    Objection.objects.filter(pk=case.pk).update(**fields)
                    changed += 1
    return changed
