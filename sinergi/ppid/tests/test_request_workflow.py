"""The two transition tables, tested as tables: every row (source, actor, target) and what is forbidden."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django_scopes import scopes_disabled

from sinergi.casework.workflow import CITIZEN, OPERATOR, SYSTEM, TransitionError, perform
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.request_workflow import ATASAN, OBJECTION_TABLE, REQUEST_TABLE
from sinergi.ppid.tests.request_helpers import FIELDS, make_request, submit_objection

R = InformationRequest.State
O = Objection.State  # noqa: E741
ROLES = (SYSTEM, CITIZEN, OPERATOR, ATASAN)

# (action, source, actor, target): the whole request table, written out once more by hand.
REQUEST_ROWS = [
    ("register", R.NEW, SYSTEM, R.REGISTERED),
    ("hold", R.NEW, SYSTEM, R.HELD),
    ("release", R.HELD, OPERATOR, R.REGISTERED),
    ("extend", R.REGISTERED, OPERATOR, R.EXTENDED),
    *[
        (a, s, OPERATOR, t)
        for s in (R.REGISTERED, R.EXTENDED)
        for a, t in (
            ("grant", R.GRANTED),
            ("partly_grant", R.PARTLY_GRANTED),
            ("refuse", R.REFUSED),
            ("not_held", R.NOT_HELD),
        )
    ],
    *[("note", s, OPERATOR, None) for s in R.values],
]
OBJECTION_ROWS = [
    ("register", O.NEW, SYSTEM, O.REGISTERED),
    ("refuse_late", O.NEW, SYSTEM, O.LATE),
    ("hold", O.NEW, SYSTEM, O.HELD),
    ("release", O.HELD, OPERATOR, O.REGISTERED),
    ("uphold", O.REGISTERED, ATASAN, O.UPHELD),
    ("dismiss", O.REGISTERED, ATASAN, O.DISMISSED),
]


def _rows(table):
    return {(t.name, s, t.actor, t.target) for t in table for s in t.sources}


def test_the_request_table_is_exactly_the_rows_written_here():
    assert _rows(REQUEST_TABLE) == set(REQUEST_ROWS)


def test_the_objection_table_is_exactly_the_rows_written_here():
    assert _rows(OBJECTION_TABLE) == set(OBJECTION_ROWS)


def test_every_state_is_reachable_and_answers_are_final():
    assert REQUEST_TABLE.reachable(R.NEW) == set(R.values)
    assert OBJECTION_TABLE.reachable(O.NEW) == set(O.values)
    for final in InformationRequest.ANSWERED_STATES:
        assert {t.name for t in REQUEST_TABLE.available(final, ROLES)} == {"note"}
    for final in (O.UPHELD, O.DISMISSED, O.LATE):
        assert OBJECTION_TABLE.available(final, ROLES) == []


def test_a_citizen_can_take_no_transition_of_either_table():
    for state in R.values:
        assert REQUEST_TABLE.available(state, {CITIZEN}) == []
    for state in O.values:
        assert OBJECTION_TABLE.available(state, {CITIZEN}) == []


def test_the_operator_alone_cannot_answer_an_objection():
    assert OBJECTION_TABLE.available(O.REGISTERED, {OPERATOR}) == []


def _state_of(model, state, village):
    with scopes_disabled():
        case = model.objects.filter(village=village).first()
        model.objects.filter(pk=case.pk).update(state=state)
        return model.objects.get(pk=case.pk)


def _refused(case, table, action, role) -> bool:
    try:
        perform(case, action, table=table, roles={role}, comment="alasan")
    except (PermissionDenied, TransitionError):
        return True
    return False


@pytest.mark.django_db
def test_every_forbidden_request_move_is_refused(sebuntal):
    make_request(sebuntal)
    allowed = {(a, s, r) for a, s, r, _t in REQUEST_ROWS}
    moved = []
    for source in R.values:
        case = _state_of(InformationRequest, source, sebuntal)
        for transition, role in itertools.product(REQUEST_TABLE, ROLES):
            if (transition.name, source, role) not in allowed and not _refused(
                case, REQUEST_TABLE, transition.name, role
            ):
                moved.append((transition.name, source, role))
        with scopes_disabled():
            assert InformationRequest.objects.get(pk=case.pk).state == source
    assert moved == []


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "source", "role", "target"), REQUEST_ROWS)
def test_every_allowed_request_move_lands_where_the_table_says(sebuntal, action, source, role, target):
    make_request(sebuntal)
    case = _state_of(InformationRequest, source, sebuntal)
    case, event = perform(case, action, table=REQUEST_TABLE, roles={role}, comment="alasan")
    assert case.state == (target or source)
    assert (event.from_state, event.to_state, event.action) == (source, target or source, action)


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "source", "role", "target"), OBJECTION_ROWS)
def test_every_allowed_objection_move_lands_where_the_table_says(sebuntal, action, source, role, target):
    submit_objection(make_request(sebuntal), {"grounds": ["35c"], "reasons": "Belum dijawab."})
    case = _state_of(Objection, source, sebuntal)
    case, _event = perform(case, action, table=OBJECTION_TABLE, roles={role}, comment="alasan")
    assert case.state == target


@pytest.mark.django_db
def test_every_forbidden_objection_move_is_refused(sebuntal):
    submit_objection(make_request(sebuntal), {"grounds": ["35c"], "reasons": "Belum dijawab."})
    allowed = {(a, s, r) for a, s, r, _t in OBJECTION_ROWS}
    moved = []
    for source in O.values:
        case = _state_of(Objection, source, sebuntal)
        for transition, role in itertools.product(OBJECTION_TABLE, ROLES):
            if (transition.name, source, role) not in allowed and not _refused(
                case, OBJECTION_TABLE, transition.name, role
            ):
                moved.append((transition.name, source, role))
    assert moved == []


def test_helpers_fields_match_the_model():
    names = {f.name for f in InformationRequest._meta.get_fields()}
    assert set(FIELDS) <= names
