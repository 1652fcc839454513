"""The complaint's states and transitions, tested as a table: every row (source, actor, target) and
every forbidden combination, each through casework.workflow.perform."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_scopes import scope

from sinergi.casework.workflow import CITIZEN, OPERATOR, TransitionError
from sinergi.complaints.models import Complaint
from sinergi.complaints.tests.factories import make_case
from sinergi.complaints.workflow import TABLE, act

pytestmark = pytest.mark.django_db
S = Complaint.State

# (action, actor, sources, target) — the table as the issue gives it; None: the state stays.
EXPECTED = {
    ("verify", OPERATOR, frozenset({S.RECEIVED}), S.VERIFIED),
    ("reject", OPERATOR, frozenset({S.RECEIVED, S.VERIFIED}), S.REJECTED),
    ("follow_up", OPERATOR, frozenset({S.VERIFIED}), S.IN_PROGRESS),
    ("reply", OPERATOR, frozenset({S.VERIFIED, S.IN_PROGRESS}), None),
    ("resolve", OPERATOR, frozenset({S.IN_PROGRESS}), S.RESOLVED),
    ("forward", OPERATOR, frozenset({S.VERIFIED, S.IN_PROGRESS}), None),
    ("merge", OPERATOR, frozenset({S.RECEIVED, S.VERIFIED, S.IN_PROGRESS}), S.MERGED),
    ("release", OPERATOR, frozenset({S.RECEIVED}), None),
    ("add_info", CITIZEN, frozenset({S.RECEIVED, S.VERIFIED, S.IN_PROGRESS}), None),
    ("confirm", CITIZEN, frozenset({S.IN_PROGRESS, S.RESOLVED}), S.RESOLVED),
    ("reopen", CITIZEN, frozenset({S.RESOLVED}), S.IN_PROGRESS),
}

STATE_PATHS = {
    S.RECEIVED: None,
    S.VERIFIED: S.VERIFIED,
    S.IN_PROGRESS: S.IN_PROGRESS,
    S.RESOLVED: S.RESOLVED,
    S.REJECTED: S.REJECTED,
}


def test_the_table_is_the_one_the_issue_describes():
    assert {(t.name, t.actor, t.sources, t.target) for t in TABLE} == EXPECTED
    assert TABLE.states() == set(S.values)
    # Every state is reachable from diterima; ditolak and digabung are ends.
    assert TABLE.reachable(S.RECEIVED) == set(S.values)
    assert TABLE.reachable(S.REJECTED) == {S.REJECTED}
    assert TABLE.reachable(S.MERGED) == {S.MERGED}


def _details(village, action):
    details = {
        "expected_on": timezone.localdate() + datetime.timedelta(days=5),
        "rejection": "duplikat",
        "forwarded_to": "kecamatan",
    }
    if action == "merge":
        details["into"] = make_case(village, "Yang lain", state=S.VERIFIED)
    return details


ROWS = [(t.name, state) for t in TABLE for state in S.values if state in STATE_PATHS]


@pytest.mark.parametrize(("action", "state"), ROWS)
def test_every_action_from_every_state_for_every_role(action, state, sebuntal):
    """Allowed rows move to the target (or keep the state) and record one event; all else is refused."""
    transition = TABLE[action]
    held = ("judi_online",) if action == "release" else ()
    for role in (OPERATOR, CITIZEN):
        case = make_case(sebuntal, f"{action} {state} {role}", state=STATE_PATHS[state], held=held)
        if action == "reopen" and state == S.RESOLVED:
            pass
        with scope(village=sebuntal.pk):
            events_before = case.events.count()
        allowed = state in transition.sources and role == transition.actor
        try:
            moved, event = act(case, action, roles={role}, comment="Alasan.", **_details(sebuntal, action))
        except PermissionDenied:
            assert role != transition.actor, (action, state, role)
            moved = None
        except TransitionError:
            assert state not in transition.sources, (action, state, role)
            moved = None
        with scope(village=sebuntal.pk):
            fresh = Complaint.objects.get(pk=case.pk)
            events_after = fresh.events.count()
        if allowed:
            assert moved is not None, (action, state, role)
            assert fresh.state == (transition.target or state)
            assert events_after == events_before + 1
            assert event.action == action and event.from_state == state
        else:
            assert moved is None, (action, state, role)
            assert fresh.state == state and events_after == events_before


def test_a_reason_is_required_where_the_table_says_so(sebuntal):
    case = make_case(sebuntal)
    with pytest.raises(TransitionError):
        act(case, "reject", roles={OPERATOR}, comment="", rejection="spam")
    with pytest.raises(TransitionError, match="ke mana"):
        act(case, "reject", roles={OPERATOR}, comment="Urusan jalan provinsi.", rejection="bukan_kewenangan")
    case, _event = act(
        case,
        "reject",
        roles={OPERATOR},
        comment="Urusan jalan provinsi.",
        rejection="bukan_kewenangan",
        redirect_to="Dinas PUPR Provinsi Kalimantan Timur",
    )
    assert case.rejection == "bukan_kewenangan" and case.redirect_to.startswith("Dinas PUPR")


def test_follow_up_needs_a_reply_and_an_expected_date_and_counts_as_first_reply(sebuntal):
    case = make_case(sebuntal, state=S.VERIFIED)
    with pytest.raises(TransitionError, match="perkiraan"):
        act(case, "follow_up", roles={OPERATOR}, comment="Kami perbaiki.")
    case, _ = act(
        case, "follow_up", roles={OPERATOR}, comment="Kami perbaiki.",
        expected_on=timezone.localdate() + datetime.timedelta(days=3),
    )  # fmt: skip
    assert case.first_reply_at is not None and case.expected_on is not None


def test_reopen_once_and_only_within_the_regency_days(sebuntal):
    case = make_case(sebuntal, state=S.RESOLVED)
    case, _ = act(case, "reopen", roles={CITIZEN}, comment="Masih tersumbat.")
    assert case.state == S.IN_PROGRESS
    case, _ = act(case, "resolve", roles={OPERATOR}, comment="Sudah dibersihkan lagi.")
    with pytest.raises(TransitionError, match="sudah pernah"):
        act(case, "reopen", roles={CITIZEN}, comment="Lagi.")

    late = make_case(sebuntal, "Lampu jalan", state=S.RESOLVED)
    with scope(village=sebuntal.pk):
        Complaint.objects.filter(pk=late.pk).update(resolved_at=timezone.now() - datetime.timedelta(days=15))
    with pytest.raises(TransitionError, match="14 hari"):
        act(late, "reopen", roles={CITIZEN}, comment="Mati lagi.")


def test_merge_points_to_the_surviving_case_of_the_same_village(sebuntal, santan_ulu):
    survivor = make_case(sebuntal, "Jalan berlubang", state=S.VERIFIED)
    duplicate = make_case(sebuntal, "Jalan berlubang juga")
    elsewhere = make_case(santan_ulu, "Jalan di Santan")
    with pytest.raises(TransitionError):
        act(duplicate, "merge", roles={OPERATOR}, into=elsewhere)
    with pytest.raises(TransitionError):
        act(duplicate, "merge", roles={OPERATOR}, into=duplicate)
    merged, _ = act(duplicate, "merge", roles={OPERATOR}, into=survivor)
    assert merged.state == S.MERGED and merged.merged_into_id == survivor.pk


def test_a_double_click_records_one_event(sebuntal):
    case = make_case(sebuntal)
    act(case, "verify", roles={OPERATOR})
    with pytest.raises(TransitionError):
        act(case, "verify", roles={OPERATOR})
    with scope(village=sebuntal.pk):
        assert case.events.filter(action="verify").count() == 1
