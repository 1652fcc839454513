"""Hostile text in the DIP's typed fields (the regency's catalogue: title, description, source; the
operator's note) stays text on the public DIP page, in the admin and in the downloads."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sinergi.core.tests.test_hostile_input import HOSTILE, inspect
from sinergi.ppid.dip_models import DipItem
from sinergi.ppid.tests.dip_helpers import dip_url, document, entry, link

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_catalogue_and_note_text_is_inert(name, client, operator, sebuntal, regency):
    hostile = HOSTILE[name]
    item = DipItem.objects.get(regency=regency, key="apb-desa")
    item.title = ("T1X " + hostile)[:300]
    item.description = ("T2X " + hostile)[:1000]
    item.source = ("T3X " + hostile)[:200]
    item.save()
    note = ("T4X " + hostile)[:300]
    link(sebuntal, "apb-desa", doc=document(sebuntal), updated_on=timezone.localdate(), note=note)
    stored = entry(sebuntal, "apb-desa")
    item.refresh_from_db()

    body = client.get(dip_url(sebuntal)).content.decode()
    assert not inspect(body, hostile)
    for token in ("T1X", "T2X", "T3X", "T4X"):
        assert token in body

    client.force_login(operator)
    admin_body = client.get(
        reverse("ppid_dip_admin:village", kwargs={"village_id": sebuntal.pk})
    ).content.decode()
    # The admin page has scripts of its own: look for the input itself, raw, not for any script tag.
    for fragment in ("<script>alert", "<img src=x", '<a href="javascript', "<b><i>unclosed", "<div><table>"):
        if fragment in hostile:
            assert fragment not in admin_body
    assert "T1X" in admin_body and "T3X" in admin_body
    client.logout()

    rows = list(csv.reader(io.StringIO(client.get(f"{dip_url(sebuntal)}csv/").content.decode("utf-8-sig"))))
    apb = next(r for r in rows if r[2].startswith("T1X"))
    assert (
        apb[2] == item.title and apb[10] == stored.note
    )  # as stored (invisible characters are cleaned on save)
    sheet = load_workbook(io.BytesIO(client.get(f"{dip_url(sebuntal)}excel/").content)).active
    cells = [row[2] for row in sheet.iter_rows(min_row=3) if str(row[2].value or "").startswith("T1X")]
    assert len(cells) == 1 and cells[0].data_type == "s"
