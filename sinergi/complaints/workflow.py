"""The states and transitions of a complaint: ONE table, run by casework.workflow.perform.

    diterima ──verify──▶ diverifikasi ──follow_up──▶ ditindaklanjuti ──resolve──▶ selesai
        │                    │    ▲                      ▲      │                    │
        └──reject──▶ ditolak ◀┘    └──── reply (note) ───┘      └─ citizen: confirm ─┘
    merge (diterima/diverifikasi/ditindaklanjuti) ──▶ digabung
    selesai ──reopen (citizen, once, within the regency's days)──▶ ditindaklanjuti

Notes that keep the state: reply (public), forward (to kecamatan/kabupaten), add_info (citizen),
release (a held case, by the operator), confirm (the citizen says it is resolved).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.workflow import CITIZEN, OPERATOR, Transition, TransitionError, TransitionTable, perform
from sinergi.complaints.models import Complaint, ComplaintSettings
from sinergi.core.cache import invalidate_public_pages

S = Complaint.State
OPEN = frozenset({S.RECEIVED, S.VERIFIED, S.IN_PROGRESS})

TABLE = TransitionTable(
    [
        Transition("verify", frozenset({S.RECEIVED}), S.VERIFIED, OPERATOR, gettext_lazy("Verifikasi")),
        Transition(
            "reject",
            frozenset({S.RECEIVED, S.VERIFIED}),
            S.REJECTED,
            OPERATOR,
            gettext_lazy("Tolak"),
            comment_required=True,
        ),
        Transition(
            "follow_up",
            frozenset({S.VERIFIED}),
            S.IN_PROGRESS,
            OPERATOR,
            gettext_lazy("Tindak lanjuti (tanggapan publik)"),
            comment_required=True,
        ),
        Transition(
            "reply",
            frozenset({S.VERIFIED, S.IN_PROGRESS}),
            None,
            OPERATOR,
            gettext_lazy("Tanggapan publik"),
            comment_required=True,
        ),
        Transition(
            "resolve",
            frozenset({S.IN_PROGRESS}),
            S.RESOLVED,
            OPERATOR,
            gettext_lazy("Nyatakan selesai"),
            comment_required=True,
        ),
        Transition(
            "forward",
            frozenset({S.VERIFIED, S.IN_PROGRESS}),
            None,
            OPERATOR,
            gettext_lazy("Teruskan ke kecamatan/kabupaten"),
            comment_required=True,
        ),
        Transition("merge", OPEN, S.MERGED, OPERATOR, gettext_lazy("Gabungkan ke pengaduan lain")),
        Transition(
            "release",
            frozenset({S.RECEIVED}),
            None,
            OPERATOR,
            gettext_lazy("Lepaskan dari tahanan"),
            public=False,
        ),
        Transition(
            "add_info",
            OPEN,
            None,
            CITIZEN,
            gettext_lazy("Tambahan keterangan dari pelapor"),
            comment_required=True,
            public=False,
        ),
        Transition(
            "confirm",
            frozenset({S.IN_PROGRESS, S.RESOLVED}),
            S.RESOLVED,
            CITIZEN,
            gettext_lazy("Pelapor menyatakan sudah selesai"),
        ),
        Transition(
            "reopen",
            frozenset({S.RESOLVED}),
            S.IN_PROGRESS,
            CITIZEN,
            gettext_lazy("Pelapor membuka kembali"),
            comment_required=True,
        ),
    ]
)

# The operator's actions that show a public text: the timeline line the public reads.
REPLIES = {"follow_up", "reply", "resolve"}


def event_label(action: str) -> str:
    if action == "submit":
        return _("Diterima")
    return TABLE.label(action)


def state_label(state: str) -> str:
    return str(dict(S.choices).get(state, state))


def roles_for(user, case, *, citizen: bool = False) -> set[str]:
    """The roles of the person acting on `case`: operator when they manage its village, citizen when
    the request carries the case's tracking code (`citizen=True`)."""
    from sinergi.accounts.access import may_manage

    roles = set()
    if user is not None and may_manage(user, case.village_id):
        roles.add(OPERATOR)
    if citizen:
        roles.add(CITIZEN)
    return roles


def act(case, action: str, *, roles, by=None, comment: str = "", seen=None, **details):
    """Move `case` along `action` through casework's perform; `details` carry the action's own fields:
    expected_on (follow_up), rejection and redirect_to (reject), forwarded_to (forward), into (merge)."""
    from sinergi.complaints.notifications import notify_change

    def apply(locked, transition, now):
        name = transition.name
        if name == "verify":
            locked.verified_at = now
        elif name == "reject":
            rejection = details.get("rejection") or ""
            if rejection not in Complaint.Rejection.values:
                raise TransitionError(_("Pilih alasan penolakan."))
            if rejection == Complaint.Rejection.NOT_OURS and not (details.get("redirect_to") or "").strip():
                raise TransitionError(_("Tuliskan ke mana warga sebaiknya mengajukan hal ini."))
            locked.rejection = rejection
            locked.redirect_to = (details.get("redirect_to") or "").strip()[:200]
            locked.rejected_at = now
        elif name == "follow_up":
            expected = details.get("expected_on")
            if expected is None:
                raise TransitionError(_("Isi perkiraan tanggal selesai."))
            if expected < timezone.localdate(now):
                raise TransitionError(_("Perkiraan tanggal selesai tidak boleh sebelum hari ini."))
            locked.expected_on = expected
        elif name == "forward":
            target = details.get("forwarded_to") or ""
            if target not in Complaint.Forward.values:
                raise TransitionError(_("Pilih tujuan penerusan: kecamatan atau kabupaten."))
            locked.forwarded_to = target
            locked.forwarded_at = now
        elif name == "merge":
            into = details.get("into")
            if into is None or into.pk == locked.pk or into.village_id != locked.village_id:
                raise TransitionError(_("Pilih pengaduan lain dari desa ini sebagai tujuan penggabungan."))
            if into.state not in OPEN | {S.RESOLVED}:
                raise TransitionError(_("Pengaduan tujuan sudah ditolak atau digabung."))
            locked.merged_into = into
        elif name == "release":
            if not locked.held:
                raise TransitionError(_("Pengaduan ini tidak sedang ditahan."))
            locked.held = False
        elif name == "resolve":
            locked.resolved_at = now
        elif name == "confirm":
            locked.citizen_confirmed_at = now
            if locked.resolved_at is None:
                locked.resolved_at = now
        elif name == "reopen":
            if locked.reopened_at is not None:
                raise TransitionError(_("Pengaduan ini sudah pernah dibuka kembali; kirim pengaduan baru."))
            days = ComplaintSettings.for_regency(locked.village.district.regency).reopen_days
            if locked.resolved_at and (now - locked.resolved_at).days > days:
                raise TransitionError(
                    _("Pengaduan hanya bisa dibuka kembali dalam %(days)s hari setelah selesai.")
                    % {"days": days}
                )
            locked.reopened_at = now
            locked.resolved_at = None
            locked.citizen_confirmed_at = None
        if name in REPLIES and locked.first_reply_at is None:
            locked.first_reply_at = now

    result = perform(
        case,
        action,
        table=TABLE,
        roles=roles,
        by=by,
        comment=comment,
        apply=apply,
        notify=notify_change,
        seen=seen,
        state_label=state_label,
    )
    # The public list, case pages and feed may show it now (or no longer): cached pages are stale.
    invalidate_public_pages()
    return result


def set_due_dates(case, calendar: WorkingCalendar | None = None, settings: ComplaintSettings | None = None):
    """Compute the verification and first-reply due dates from the regency's targets (not saved)."""
    regency = case.village.district.regency
    calendar = calendar or WorkingCalendar(regency)
    settings = settings or ComplaintSettings.for_regency(regency)
    case.verify_due = calendar.deadline(case.received_at, settings.verify_days).date
    case.reply_due = calendar.deadline(case.received_at, settings.reply_days).date
    return case


def recompute_due_dates(regency=None) -> int:
    """Compute again the stored due dates of open complaints (of `regency`, or of every regency) after
    the holiday table or the regency's targets changed; returns how many changed."""
    from django_scopes import scopes_disabled

    from sinergi.regions.models import Regency

    changed = 0
    for current in [regency] if regency is not None else list(Regency.objects.all()):
        calendar, settings = WorkingCalendar(current), ComplaintSettings.for_regency(current)
        with scopes_disabled():
            cases = Complaint.objects.filter(village__district__regency=current, state__in=OPEN)
            for case in cases.only("pk", "received_at", "verify_due", "reply_due", "village_id"):
                verify = calendar.deadline(case.received_at, settings.verify_days).date
                reply = calendar.deadline(case.received_at, settings.reply_days).date
                if (case.verify_due, case.reply_due) != (verify, reply):
                    Complaint.objects.filter(pk=case.pk).update(verify_due=verify, reply_due=reply)
                    changed += 1
    return changed
