"""The public DIP is served from the page cache, and a change to the DIP is seen at once."""

import pytest
from django.urls import reverse

from sinergi.ppid.dip_models import DipItem
from sinergi.ppid.tests.dip_helpers import dip_url, document, entry

pytestmark = pytest.mark.django_db


def test_an_operators_link_is_seen_on_the_cached_dip_at_once(
    client, operator, sebuntal, django_capture_on_commit_callbacks
):
    url = dip_url(sebuntal)
    assert "APB Desa Sebuntal 2026" not in client.get(url).content.decode()
    apb = document(sebuntal, "APB Desa Sebuntal 2026")
    staff = type(client)()
    staff.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("ppid_dip_admin:entry", kwargs={"entry_id": entry(sebuntal, "apb-desa").pk}),
            {"page": "", "document": apb.pk, "note": "", "updated_on": ""},
        )
    assert "APB Desa Sebuntal 2026" in client.get(url).content.decode()


def test_a_catalogue_change_is_seen_on_the_cached_dip_at_once(
    client, sebuntal, regency, django_capture_on_commit_callbacks
):
    url = dip_url(sebuntal)
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        DipItem.objects.create(
            regency=regency, info_class="berkala", title="Data stunting desa", source="Perbup"
        )
    assert "Data stunting desa" in client.get(url).content.decode()
