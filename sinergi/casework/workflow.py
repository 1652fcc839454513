"""Transition tables of citizen cases, and the one function that moves a case along one.

Each service writes its states and transitions as one table (a tuple of `Transition`) and calls
`perform` for every change of state, from views, admin screens, tasks and tests alike. `perform`
checks that the actor's role may take the transition, locks the row (a double click finds the case
already moved and gets a message, not a second event), checks the state and the reason, lets the
service apply its effects, records who, when and why on the case's timeline (`case.events`), and
hands the notification to the service after the transaction commits.

Roles are names the service gives (e.g. "citizen", "operator", "atasan", "system"); who holds which
role for a case is the service's own rule, passed in as `roles`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

CITIZEN = "citizen"
OPERATOR = "operator"
SYSTEM = "system"


class TransitionError(Exception):
    """The transition cannot happen now; the message is for the person who tried."""


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str | None  # None: the state stays (a note on the timeline)
    actor: str
    label: str
    comment_required: bool = False
    public: bool = True  # shown on the public timeline


class TransitionTable:
    def __init__(self, transitions: Iterable[Transition]):
        self.transitions = {}
        for transition in transitions:
            if transition.name in self.transitions:
                raise ValueError(f"duplicate transition {transition.name}")
            self.transitions[transition.name] = transition

    def __getitem__(self, name: str) -> Transition:
        try:
            return self.transitions[name]
        except KeyError:
            raise TransitionError(_("Tindakan tidak dikenal.")) from None

    def __iter__(self):
        return iter(self.transitions.values())

    def available(self, state: str, roles: Iterable[str]) -> list[Transition]:
        roles = set(roles)
        return [t for t in self if state in t.sources and t.actor in roles]

    def label(self, action: str) -> str:
        transition = self.transitions.get(action)
        return str(transition.label) if transition else action

    def states(self) -> set[str]:
        found = set()
        for transition in self:
            found |= set(transition.sources)
            if transition.target:
                found.add(transition.target)
        return found

    def reachable(self, start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            state = todo.pop()
            for transition in self:
                if state in transition.sources and transition.target and transition.target not in seen:
                    seen.add(transition.target)
                    todo.append(transition.target)
        return seen


def perform(
    case,
    action: str,
    *,
    table: TransitionTable,
    roles: Iterable[str],
    by=None,
    comment: str = "",
    apply: Callable | None = None,
    notify: Callable | None = None,
    seen=None,
    state_label: Callable | None = None,
):
    """Move `case` along `action`; returns (the fresh case, the recorded event).

    `apply(locked_case, transition, now)` makes the service's own changes (dates, answers) and may
    raise TransitionError. `notify(case_pk, event_pk)` runs after commit. `seen`: the case's
    updated_at when the deciding person opened it; if it changed since, nothing happens.
    """
    transition = table[action]
    comment = (comment or "").strip()
    model = type(case)
    with scope(village=case.village_id), transaction.atomic():
        locked = model.objects.select_for_update().get(pk=case.pk)
        if transition.actor not in set(roles):
            raise PermissionDenied(_("Anda tidak berhak melakukan tindakan ini."))
        if locked.state not in transition.sources:
            current = state_label(locked.state) if state_label else locked.state
            raise TransitionError(
                _("Status sekarang “%(state)s”; tindakan “%(action)s” tidak bisa dilakukan.")
                % {"state": current, "action": transition.label}
            )
        if seen is not None and locked.updated_at != seen:
            raise TransitionError(
                _("Berkas ini diubah orang lain setelah Anda membukanya. Periksa lagi, lalu putuskan.")
            )
        if transition.comment_required and not comment:
            raise TransitionError(_("Tuliskan alasannya."))
        now = timezone.now()
        from_state = locked.state
        if apply is not None:
            apply(locked, transition, now)
        if transition.target:
            locked.state = transition.target
        locked.save()
        event = locked.events.create(
            village_id=locked.village_id,
            action=transition.name,
            from_state=from_state,
            to_state=locked.state,
            actor=by if by is not None and by.is_authenticated else None,
            comment=comment,
            public=transition.public,
            created_at=now,
        )
        if notify is not None:
            transaction.on_commit(lambda: notify(locked.pk, event.pk))
    return locked, event
