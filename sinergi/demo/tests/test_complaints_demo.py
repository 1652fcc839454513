"""The complaint demo: a dozen cases per Marang Kayu village across categories and states, with public
replies, loaded once."""

import io

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from sinergi.complaints.models import Complaint, ComplaintsPage
from sinergi.demo.complaints_content import load_complaints_demo
from sinergi.regions.models import Village

pytestmark = pytest.mark.django_db


def test_each_village_gets_a_dozen_cases_across_states_with_replies(sebuntal):
    villages = Village.objects.filter(district__code="64.02.17").count()
    assert load_complaints_demo(io.StringIO()) == 12 * villages
    assert load_complaints_demo(io.StringIO()) == 0  # idempotent
    with scopes_disabled():
        cases = Complaint.objects.filter(village=sebuntal)
        assert cases.count() == 12
        assert set(cases.values_list("state", flat=True)) >= {
            "diterima", "diverifikasi", "ditindaklanjuti", "selesai", "ditolak",
        }  # fmt: skip
        assert len(set(cases.values_list("category", flat=True))) >= 6
        assert cases.filter(events__action="follow_up", events__comment__gt="").exists()
    page = ComplaintsPage.objects.get(village=sebuntal)
    body = Client().get(page.url).content.decode()
    assert "Gorong-gorong RT 05 tersumbat" in body and "Jembatan kayu RT 03 lapuk" not in body
