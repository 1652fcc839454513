"""The KIM report workflow, written once: states, transitions, who may take them, and their effects.

Every change of a report's state goes through `do_transition` (views, admin actions, tests and
scheduled tasks alike), which checks the actor, locks the row against double clicks, records the
event on the report's timeline and notifies the people concerned.

    draft ──submit──▶ submitted ──approve_publish──▶ published
      ▲                 │  │  └──approve_draft──▶ approved_draft ──publish_news──▶ published
      └──(edit)── revision ◀─request_revision─┘  └──reject──▶ rejected
                    └──submit──▶ submitted
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope

from sinergi.accounts.access import may_manage
from sinergi.kim.models import Report, ReportEvent

State = Report.State

AUTHOR = "author"
OPERATOR = "operator"
SYSTEM = "system"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    actor: str
    label: str
    comment_required: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition("submit", frozenset({State.DRAFT, State.REVISION}), State.SUBMITTED, AUTHOR,
                   gettext_lazy("Kirim ke desa")),
        Transition("request_revision", frozenset({State.SUBMITTED}), State.REVISION, OPERATOR,
                   gettext_lazy("Minta revisi"), comment_required=True),
        Transition("approve_publish", frozenset({State.SUBMITTED}), State.PUBLISHED, OPERATOR,
                   gettext_lazy("Setujui dan terbitkan")),
        Transition("approve_draft", frozenset({State.SUBMITTED}), State.APPROVED_DRAFT, OPERATOR,
                   gettext_lazy("Setujui sebagai draf berita")),
        Transition("reject", frozenset({State.SUBMITTED}), State.REJECTED, OPERATOR,
                   gettext_lazy("Tolak"), comment_required=True),
        # The operator published the news page made from an approved draft (in the page editor).
        Transition("publish_news", frozenset({State.APPROVED_DRAFT}), State.PUBLISHED, SYSTEM,
                   gettext_lazy("Berita diterbitkan")),
    ]
}  # fmt: skip

# Timeline lines that are not transitions: the state stays, the event is recorded.
EDIT = "edit"  # the author changed a report that was waiting for the village
EVENT_LABELS = {EDIT: gettext_lazy("Diubah penulis")}


def event_label(action: str) -> str:
    """What a timeline line says for `action` (a transition's name or EDIT)."""
    transition = TRANSITIONS.get(action)
    return transition.label if transition else EVENT_LABELS.get(action, action)


# States in which the author may still change the report's content.
EDITABLE_BY_AUTHOR = frozenset({State.DRAFT, State.SUBMITTED, State.REVISION})
# States that count as a decision by the village, for the figures.
DECIDED = frozenset({State.PUBLISHED, State.APPROVED_DRAFT, State.REJECTED})


class TransitionError(Exception):
    """The transition cannot happen now; the message is for the person who tried."""


def is_village_operator(user, village) -> bool:
    """Village operator, regency admin or superuser: the rule of sinergi.accounts.access."""
    return may_manage(user, village)


def is_author(user, report) -> bool:
    return bool(user and user.is_authenticated and report.author.user_id == user.pk)


def may_take(user, report, transition: Transition) -> bool:
    if transition.actor == AUTHOR:
        return is_author(user, report) and report.author.is_active and report.kim.is_active
    if transition.actor == OPERATOR:
        return is_village_operator(user, report.village)
    return transition.actor == SYSTEM and (user is None or is_village_operator(user, report.village))


def available_transitions(user, report) -> list[Transition]:
    return [
        t
        for t in TRANSITIONS.values()
        if report.state in t.sources and t.actor != SYSTEM and may_take(user, report, t)
    ]


def do_transition(report: Report, action: str, *, by, comment: str = "", seen=None) -> Report:
    """Move `report` along `action`, as user `by` (None for the system). Returns the fresh report.

    `seen`: the report's updated_at when the person deciding opened it. If the author changed the
    report since, nothing happens: the decision would be about a text the person has not read.
    """
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise TransitionError(_("Tindakan tidak dikenal."))
    comment = (comment or "").strip()
    with scope(village=report.village_id), transaction.atomic():
        locked = (
            Report.objects.select_for_update()
            .select_related("village__district__regency", "author", "kim")
            .get(pk=report.pk)
        )
        if not may_take(by, locked, transition):
            raise PermissionDenied(_("Anda tidak berhak melakukan tindakan ini pada laporan ini."))
        if locked.state not in transition.sources:
            raise TransitionError(
                _("Laporan ini sekarang berstatus “%(state)s”; tindakan “%(action)s” tidak bisa dilakukan.")
                % {"state": locked.get_state_display(), "action": transition.label}
            )
        if seen is not None and locked.updated_at != seen:
            raise TransitionError(
                _("Penulis mengubah laporan ini setelah Anda membukanya. Periksa isinya lagi, lalu putuskan.")
            )
        if transition.comment_required and not comment:
            raise TransitionError(_("Tuliskan alasan atau catatan untuk penulis."))
        if action == "submit" and not locked.consent_confirmed and locked.photos.exists():
            raise TransitionError(_("Pastikan orang yang ada di foto sudah setuju fotonya diterbitkan."))

        from_state = locked.state
        now = timezone.now()
        if transition.name in ("approve_publish", "approve_draft"):
            from sinergi.kim.publishing import create_news_page

            locked.news_page = create_news_page(locked, publish=transition.name == "approve_publish", by=by)
        locked.state = transition.target
        if transition.target == State.SUBMITTED:
            locked.submitted_at = now
            locked.decided_at = None
        elif transition.target in DECIDED or transition.target == State.REVISION:
            locked.decided_at = locked.decided_at if transition.name == "publish_news" else now
        locked.save()
        event = ReportEvent.objects.create(
            report=locked, action=transition.name, from_state=from_state, to_state=transition.target,
            actor=by if by is not None and by.is_authenticated else None, comment=comment, created_at=now,
        )  # fmt: skip

        from sinergi.kim.notifications import notify_transition

        transaction.on_commit(lambda: notify_transition(locked.pk, event.pk))
    return locked
