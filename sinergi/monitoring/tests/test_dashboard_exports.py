"""CSV and Excel downloads of the scores and of every village's missing items."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sinergi.accounts.services import make_district_viewer
from sinergi.monitoring.tests.dashboard_helpers import everything_but, make_score
from sinergi.regions.models import District, Village

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(sebuntal, santan_ulu):
    today = timezone.localdate()
    make_score(sebuntal, today, everything_but("E.kontak"), facts={"kim_reports_submitted_30d": 4})
    make_score(santan_ulu, today - dt.timedelta(days=1), {"A.profil_desa": 10, "A.pemerintahan": 25})
    return today


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_scores_as_csv_and_excel(client, regency_admin, scored, sebuntal):
    client.force_login(regency_admin)
    rows = csv_rows(client.get(reverse("monitoring_dashboard:export", args=["nilai", "csv"])))
    header, body = rows[0], rows[1:]
    assert header[:7] == [
        "Kode desa",
        "Desa",
        "Kecamatan",
        "Tanggal nilai",
        "Nilai",
        "Kategori",
        "Perubahan sebulan",
    ]
    assert len(body) == Village.objects.count()
    sebuntal_row = next(r for r in body if r[0] == sebuntal.code)
    assert sebuntal_row[1:6] == ["Desa Sebuntal", "Marang Kayu", scored.isoformat(), "90.00", "Informatif"]
    assert sebuntal_row[7:13] == ["35.00", "20.00", "15.00", "15.00", "0.00", "5.00"]
    assert sebuntal_row[13] == "4"

    response = client.get(reverse("monitoring_dashboard:export", args=["nilai", "xlsx"]))
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("Kode desa", "Desa") and len(values) == Village.objects.count() + 1
    row = next(v for v in values if v[0] == sebuntal.code)
    assert float(row[4]) == 90.0 and row[5] == "Informatif"


def test_missing_items_of_every_village(client, regency_admin, scored, sebuntal, santan_ulu):
    client.force_login(regency_admin)
    rows = csv_rows(client.get(reverse("monitoring_dashboard:export", args=["kekurangan", "csv"])))
    body = rows[1:]
    by_village = {}
    for r in body:
        by_village.setdefault(r[0], []).append(r)
    assert [(r[5], r[6], r[10]) for r in by_village[sebuntal.code]] == [
        ("E.kontak", "Kontak kantor desa", "10.00")
    ]
    assert len(by_village[santan_ulu.code]) == 5  # B, C, D, E, F
    assert set(by_village) == {sebuntal.code, santan_ulu.code}  # unscored villages have no items
    assert all(r[11] for r in body)  # the "what is missing" text

    response = client.get(reverse("monitoring_dashboard:export", args=["kekurangan", "xlsx"]))
    values = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(values) == len(rows)


def test_the_kecamatan_filter_applies_and_a_viewer_gets_its_kecamatan_only(
    client, django_user_model, scored, sebuntal
):
    tenggarong = District.objects.get(code="64.02.06")
    viewer = django_user_model.objects.create_user(username="camat.tenggarong")
    make_district_viewer(viewer, tenggarong)
    client.force_login(viewer)
    for kind in ("nilai", "kekurangan"):
        url = reverse("monitoring_dashboard:export", args=[kind, "csv"])
        for query in ({}, {"kecamatan": sebuntal.district_id}):
            body = csv_rows(client.get(url, query))[1:]
            assert all(r[2] == tenggarong.name for r in body), body
            assert sebuntal.code not in {r[0] for r in body}


def test_unknown_kind_or_format_is_not_found(client, regency_admin):
    client.force_login(regency_admin)
    assert client.get(reverse("monitoring_dashboard:export", args=["rahasia", "csv"])).status_code == 404
    assert client.get(reverse("monitoring_dashboard:export", args=["nilai", "pdf"])).status_code == 404
