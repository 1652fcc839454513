"""The regency's and the kecamatan's index dashboards: who sees which villages, the columns, sorting,
filters, the bands per kecamatan, a village's trend and items, and a fixed number of queries."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sinergi.accounts.services import make_district_viewer
from sinergi.monitoring.tests.dashboard_helpers import everything_but, make_score
from sinergi.regions.models import District, Village

pytestmark = pytest.mark.django_db

MARANG_KAYU = "64.02.17"
TENGGARONG = "64.02.06"
INDEX = reverse("monitoring_dashboard:index")


def viewer_of(code: str, username: str):
    user = get_user_model().objects.create_user(username=username, password="uji-sandi-sinergi")
    make_district_viewer(user, District.objects.get(code=code))
    return user


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def scored(sebuntal, santan_ulu, today):
    """Sebuntal: 90 today (Informatif), 60 a month ago; Santan Ulu: 35 today; one Tenggarong village: 75."""
    make_score(sebuntal, today - dt.timedelta(days=31), everything_but("B.apbdes", "C.ppid", "F.serta_merta"))
    make_score(
        sebuntal,
        today,
        everything_but("E.kontak"),
        facts={
            "kim_reports_submitted_30d": 4,
            "kim_reports_published_30d": 3,
            "kim_activities_30d": 2,
            "last_news_date": (today - dt.timedelta(days=2)).isoformat(),
        },
    )
    make_score(santan_ulu, today, {"A.profil_desa": 10, "A.pemerintahan": 25})
    tenggarong = Village.objects.filter(district__code=TENGGARONG).order_by("code").first()
    make_score(tenggarong, today, everything_but("A.pemerintahan"))
    return tenggarong


def body_rows(response) -> list[str]:
    """The villages' rows of the per-village table, as text."""
    html = response.content.decode()
    table = (
        html.split('id="idx-villages"', 1)[1] if 'id="idx-villages"' in html else html.rsplit("<h2>", 1)[1]
    )
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in table.split("<tr>")[2:]]


def test_the_regency_admin_sees_every_village_with_score_band_change_blocks_and_kim(
    client, regency_admin, scored
):
    client.force_login(regency_admin)
    response = client.get(INDEX)
    assert response.status_code == 200
    rows = body_rows(response)
    assert len(rows) == Village.objects.count()
    first = rows[0]  # sorted by score, highest first
    assert first.startswith("Desa Sebuntal Marang Kayu 90,00 Informatif +30,00")
    # Blocks A-F, then KIM submitted/published/activities, then the last news date.
    assert "35,00 20,00 15,00 15,00 0,00 5,00 4 3 2" in first
    assert any(r.startswith("Desa Santan Ulu Marang Kayu 35,00 Tidak Informatif —") for r in rows)
    assert sum("Belum dinilai" in r for r in rows) == Village.objects.count() - 3


def test_a_kecamatan_viewer_sees_only_its_kecamatan(client, scored, sebuntal):
    client.force_login(viewer_of(TENGGARONG, "camat.tenggarong"))
    response = client.get(INDEX)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sebuntal" not in text and "Marang Kayu" not in text
    assert len(body_rows(response)) == Village.objects.filter(district__code=TENGGARONG).count()
    # Another kecamatan in the query string is ignored, a village outside is not found, its report neither.
    marang_kayu = District.objects.get(code=MARANG_KAYU)
    assert "Sebuntal" not in client.get(INDEX, {"kecamatan": marang_kayu.pk}).content.decode()
    assert client.get(reverse("monitoring_dashboard:village", args=[sebuntal.pk])).status_code == 404
    assert client.get(reverse("monitoring_dashboard:report", args=[marang_kayu.pk])).status_code == 404

    client.force_login(viewer_of(MARANG_KAYU, "camat.marangkayu"))
    rows = body_rows(client.get(INDEX))
    assert rows[0].startswith("Desa Sebuntal")
    assert len(rows) == Village.objects.filter(district__code=MARANG_KAYU).count()
    assert client.get(reverse("monitoring_dashboard:village", args=[sebuntal.pk])).status_code == 200


def test_an_operator_and_a_visitor_are_refused(client, operator, scored):
    assert client.get(INDEX).status_code == 302  # to the sign-in page
    client.force_login(operator)
    assert client.get(INDEX).status_code == 403
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_viewer_finds_the_dashboard_in_its_menu(client, scored):
    client.force_login(viewer_of(MARANG_KAYU, "camat.marangkayu"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in home


def test_sort_by_any_column_and_filter_by_kecamatan_and_band(client, regency_admin, scored, sebuntal):
    client.force_login(regency_admin)
    ascending = body_rows(client.get(INDEX, {"urut": "nilai"}))
    assert ascending[0].startswith("Desa Santan Ulu") and ascending[2].startswith("Desa Sebuntal")
    by_block_a = body_rows(client.get(INDEX, {"urut": "-blok_a"}))
    assert by_block_a[0].startswith("Desa Santan Ulu") or by_block_a[0].startswith("Desa Sebuntal")
    assert not by_block_a[2].startswith(("Desa Sebuntal", "Desa Santan Ulu"))  # Tenggarong's A is 10
    by_kim = body_rows(client.get(INDEX, {"urut": "-kim_dikirim"}))
    assert by_kim[0].startswith("Desa Sebuntal")
    by_name = body_rows(client.get(INDEX, {"urut": "desa"}))
    names = [r.split(" Marang Kayu")[0].split(" Tenggarong")[0] for r in by_name]
    assert names == sorted(names, key=str.lower)

    tenggarong = District.objects.get(code=TENGGARONG)
    only = body_rows(client.get(INDEX, {"kecamatan": tenggarong.pk}))
    assert len(only) == Village.objects.filter(district=tenggarong).count()
    informatif = body_rows(client.get(INDEX, {"kategori": "informatif"}))
    assert len(informatif) == 1 and informatif[0].startswith("Desa Sebuntal")
    unscored = body_rows(client.get(INDEX, {"kategori": "belum"}))
    assert len(unscored) == Village.objects.count() - 3
    # The sort links keep the filters.
    page = client.get(INDEX, {"kategori": "informatif"}).content.decode()
    assert "kategori=informatif&amp;urut=-desa" in page


def test_bands_per_kecamatan_as_svg_and_table(client, regency_admin, scored):
    client.force_login(regency_admin)
    html = client.get(INDEX).content.decode()
    svg = html.split('<svg class="idx-chart"', 1)[1].split("</svg>", 1)[0]
    assert "Informatif: 1 desa" in svg and "Tidak Informatif: 1 desa" in svg
    assert "Cukup Informatif: 1 desa" in svg  # Tenggarong's 75
    marang_kayu = html.split('<th scope="row">Marang Kayu</th>', 1)[1].split("</tr>", 1)[0]
    numbers = re.findall(r'<td class="number">(\d+)</td>', marang_kayu)
    assert numbers == [
        "1",
        "0",
        "0",
        "0",
        "1",
        str(Village.objects.filter(district__code=MARANG_KAYU).count() - 2),
        str(Village.objects.filter(district__code=MARANG_KAYU).count()),
    ]


def test_village_page_shows_trend_of_twelve_months_and_items(client, regency_admin, sebuntal, today):
    for months_back, earned in (
        (11, {"A.profil_desa": 10}),
        (5, everything_but("B.apbdes")),
        (0, everything_but()),
    ):
        year, month = today.year, today.month - months_back
        while month < 1:
            year, month = year - 1, month + 12
        day = dt.date(year, month, min(today.day, 28))
        make_score(sebuntal, day, earned)
    client.force_login(regency_admin)
    response = client.get(reverse("monitoring_dashboard:village", args=[sebuntal.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    trend_table = html.split("Tren 12 bulan", 1)[1]
    months = re.findall(r'<th scope="row">([A-Za-z]+ \d{4})</th><td class="number">([^<]+)</td>', trend_table)
    assert len(months) == 12
    assert months[0][1] == "10,00" and months[6][1] == "80,00" and months[-1][1] == "100,00"
    assert months[1][1] == "—"
    assert html.count("<rect") >= 12  # one bar per month
    # Items: all earned today, so nothing is missing; every rule is listed with its points.
    assert "Susunan pemerintahan desa" in html and "25,00 / 25,00" in html


def test_fixed_number_of_queries_for_3_or_20_villages(client, regency_admin, today):
    villages = list(Village.objects.order_by("code")[:20])
    assert len(villages) == 20
    client.force_login(regency_admin)
    client.get(INDEX)  # warm the session and the user's caches

    def count(n):
        for v in villages[:n]:
            make_score(v, today - dt.timedelta(days=35), {"A.profil_desa": 10})
            make_score(v, today, everything_but("B.apbdes"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(INDEX).status_code == 200
        with CaptureQueriesContext(connection) as exports:
            response = client.get(reverse("monitoring_dashboard:export", args=["kekurangan", "csv"]))
            b"".join(response.streaming_content)
        with CaptureQueriesContext(connection) as report:
            assert (
                client.get(reverse("monitoring_dashboard:report", args=[villages[0].district_id])).status_code
                == 200
            )
        return len(queries), len(exports), len(report)

    assert count(3) == count(20)


def test_change_since_last_month_uses_the_score_of_30_days_earlier(client, regency_admin, sebuntal, today):
    make_score(sebuntal, today - dt.timedelta(days=60), {"A.profil_desa": 10})
    make_score(sebuntal, today - dt.timedelta(days=30), {"A.profil_desa": 10, "A.pemerintahan": 25})
    make_score(sebuntal, today - dt.timedelta(days=3), everything_but())
    client.force_login(regency_admin)
    row = body_rows(client.get(INDEX))[0]
    assert row.startswith("Desa Sebuntal Marang Kayu 100,00 Informatif +65,00"), row


def test_rows_are_paged_and_the_page_links_keep_filter_and_sort(client, regency_admin, scored, monkeypatch):
    from sinergi.monitoring import dashboard_views

    monkeypatch.setattr(dashboard_views, "PER_PAGE", 5)
    client.force_login(regency_admin)
    marang_kayu = District.objects.get(code=MARANG_KAYU)
    query = {"kecamatan": marang_kayu.pk, "urut": "desa"}
    first = client.get(INDEX, query)
    html = first.content.decode()
    assert len(body_rows(first)) == 5
    assert f"kecamatan={marang_kayu.pk}" in html and "urut=desa" in html and "p=2" in html
    seen = []
    for number in (1, 2, 3):
        seen += [r.split(" Marang Kayu")[0] for r in body_rows(client.get(INDEX, {**query, "p": number}))]
    assert len(seen) == len(set(seen)) == Village.objects.filter(district=marang_kayu).count()
    assert seen == sorted(seen, key=str.lower)
