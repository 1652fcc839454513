"""The demo gives every Marang Kayu village requests in every state, one overdue, one extended and
one with an objection, and loading it twice adds nothing."""

import io

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.demo.ppid_requests_content import load_ppid_request_demo
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.regions.models import Village

pytestmark = pytest.mark.django_db


def test_every_village_gets_requests_in_every_state_once():
    assert load_ppid_request_demo(io.StringIO()) > 0
    assert load_ppid_request_demo(io.StringIO()) == 0
    today = timezone.localdate()
    with scopes_disabled():
        for village in Village.objects.filter(district__code="64.02.17"):
            cases = list(InformationRequest.objects.filter(village=village))
            states = {c.state for c in cases}
            assert states == set(InformationRequest.State.values) - {InformationRequest.State.NEW}, (
                village.name
            )
            assert any(c.is_overdue(today) for c in cases), village.name
            assert Objection.objects.filter(village=village, state=Objection.State.REGISTERED).count() == 1
