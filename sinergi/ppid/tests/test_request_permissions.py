"""A citizen who holds the tracking code of a Santan Ulu request (the citizen persona) can follow that
request and object to it, and nothing of Sebuntal's: neither its requests nor the admin. (The
anonymous visitor, the KIM member and Santan Ulu's operator are swept over every URL of this
feature, public routes included, by sinergi/core/tests/test_permission_matrix.py.)"""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from sinergi.casework import tracking
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.tests.request_helpers import NIK, act_on_request, form_data, make_request, page_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen_world(sebuntal, santan_ulu, operator, other_operator):
    own = make_request(santan_ulu, requester_name="Warga Santan")
    act_on_request(own, "grant", user=other_operator, comment="Terlampir.")
    theirs = make_request(sebuntal, requester_name="Rahasia Sebuntal", information="Data Sebuntal")
    act_on_request(theirs, "refuse", user=operator, comment="Ditolak.", grounds=["17h"])
    return own, theirs


def test_the_citizen_follows_and_objects_to_their_own_request(client, citizen_world, santan_ulu):
    own, _theirs = citizen_world
    code = tracking.display_code(own.tracking_code)
    assert client.get(f"{page_url(santan_ulu)}lacak/{code}/").status_code == 200
    response = client.post(
        f"{page_url(santan_ulu)}keberatan/", form_data(kode=code, grounds=["35d"], reasons="Kurang lengkap.")
    )
    assert response.status_code == 302


def test_the_citizen_reaches_nothing_of_sebuntal(client, citizen_world, sebuntal):
    own, theirs = citizen_world
    code = tracking.display_code(own.tracking_code)
    base = page_url(sebuntal)
    # Their own code at Sebuntal's address finds nothing; an objection with it changes nothing.
    assert client.get(f"{base}lacak/{code}/").status_code == 404
    assert client.get(f"{base}tanda-terima/{code}/").status_code == 404
    response = client.post(f"{base}keberatan/", form_data(kode=code, grounds=["35a"], reasons="Coba."))
    assert response.status_code == 404
    with scopes_disabled():
        assert not Objection.objects.exists()
    # The admin: sent to the login page, nothing changed.
    for url in (
        reverse("ppid_requests:queue"),
        reverse("ppid_requests:request", args=[theirs.pk]),
        reverse("ppid_requests:regency"),
    ):
        assert client.get(url).status_code == 302
        client.post(url, {"action": "grant", "comment": "x"})
    with scopes_disabled():
        assert InformationRequest.objects.get(pk=theirs.pk).state == InformationRequest.State.REFUSED
    # Public pages of Sebuntal show no personal data of Sebuntal's requester.
    for path in ("register/", "laporan/", "permohonan/"):
        text = client.get(f"{base}{path}").content.decode()
        assert "Rahasia Sebuntal" not in text and NIK not in text
