"""The public DIP of a village: every class, what is available with its link and date, what is out of
date, downloads as Excel and CSV; a fixed number of queries."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from sinergi.core.tests.factories import make_news, section
from sinergi.ppid.dip_models import add_months
from sinergi.ppid.tests.dip_helpers import dip_url, document, link
from sinergi.villages.models import ProfilePage, StandardPage

pytestmark = pytest.mark.django_db


def test_the_dip_page_shows_every_class_and_links_what_is_available(client, sebuntal):
    today = timezone.localdate()
    apb = document(sebuntal, "APB Desa Sebuntal 2026")
    link(sebuntal, "apb-desa", doc=apb, updated_on=today)
    link(sebuntal, "profil-visi-misi", page=section(sebuntal, ProfilePage), updated_on=today)
    response = client.get(dip_url(sebuntal))
    body = response.content.decode()
    assert response.status_code == 200
    for heading in (
        "Informasi berkala",
        "Informasi serta merta",
        "Informasi tersedia setiap saat",
        "Informasi dikecualikan",
    ):
        assert f"<h2>{heading}</h2>" in body
    assert f'<a href="{apb.url}">Anggaran Pendapatan dan Belanja Desa (APB Desa)</a>' in body
    assert section(sebuntal, ProfilePage).url in body
    assert "Belum tersedia" in body  # the items nobody linked yet
    assert "perlu dicek" in body
    assert today.strftime("%Y-%m-%d") in body


def test_a_periodic_entry_older_than_its_period_shows_out_of_date(client, sebuntal):
    today = timezone.localdate()
    old = add_months(today, -13)
    link(sebuntal, "apb-desa", doc=document(sebuntal), updated_on=old)  # yearly
    link(sebuntal, "rpjm-desa", doc=document(sebuntal), updated_on=old)  # no period: never stale
    link(sebuntal, "program-berjalan", doc=document(sebuntal), updated_on=add_months(today, -5))  # semester
    body = client.get(dip_url(sebuntal)).content.decode()
    rows = {row.split("</td>")[1]: row for row in body.split("<tr")[1:] if "</td>" in row}

    def row_of(title):
        return next(r for key, r in rows.items() if title in key)

    assert "Perlu diperbarui" in row_of("(APB Desa)")
    assert "kedaluwarsa sejak" in row_of("(APB Desa)")
    assert "Perlu diperbarui" not in row_of("RPJM Desa")
    assert "Perlu diperbarui" not in row_of("Matriks program dan kegiatan yang sedang berjalan")


@pytest.mark.parametrize(
    ("updated", "period_months", "today", "stale"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28), False),  # one month on: the last day of February
        (dt.date(2026, 1, 31), 1, dt.date(2026, 3, 1), True),
        (dt.date(2025, 7, 1), 6, dt.date(2026, 1, 1), False),
        (dt.date(2025, 7, 1), 6, dt.date(2026, 1, 2), True),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28), False),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 3, 1), True),
    ],
)
def test_out_of_date_means_older_than_the_period_in_calendar_months(updated, period_months, today, stale):
    from sinergi.ppid.dip_models import DipItem, Period

    period = {1: Period.MONTHLY, 6: Period.SEMESTER, 12: Period.YEARLY}[period_months]
    first_stale_day = DipItem(period=period).stale_after(updated)
    assert (first_stale_day <= today) is stale


def test_a_linked_page_that_is_unpublished_is_not_offered_to_the_public(client, sebuntal):
    page = section(sebuntal, ProfilePage)
    hidden = StandardPage(title="Rencana kerja rahasia", slug="rencana-kerja")
    sebuntal.page.add_child(instance=hidden)
    hidden.save_revision().publish()
    link(sebuntal, "rkp-desa", page=hidden, updated_on=timezone.localdate())
    hidden.unpublish()
    link(sebuntal, "profil-visi-misi", page=page, updated_on=timezone.localdate())
    body = client.get(dip_url(sebuntal)).content.decode()
    assert "Rencana kerja rahasia" not in body
    assert hidden.url_path.rstrip("/").rsplit("/", 1)[-1] not in body


def test_the_dip_page_has_a_fixed_number_of_queries(client, sebuntal, django_assert_num_queries):
    from django.core.cache import cache

    url = dip_url(sebuntal)
    client.get(url)
    cache.clear()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as empty:
        assert client.get(url).status_code == 200
    for n, key in enumerate(("apb-desa", "rkp-desa", "rpjm-desa", "laporan-keuangan", "perdes-apb-desa")):
        link(sebuntal, key, doc=document(sebuntal, f"Dokumen {n}"), updated_on=timezone.localdate())
    for key in ("profil-visi-misi", "profil-struktur"):
        link(sebuntal, key, page=make_news(sebuntal, f"Berita {key}"), updated_on=timezone.localdate())
    cache.clear()
    with django_assert_num_queries(len(empty.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_dip_downloads_as_csv_and_excel(client, sebuntal):
    today = timezone.localdate()
    apb = document(sebuntal, "APB Desa Sebuntal 2026")
    link(sebuntal, "apb-desa", doc=apb, updated_on=today, note='=HYPERLINK("http://jahat.example")')
    response = client.get(f"{dip_url(sebuntal)}csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Golongan", "No.", "Informasi"]
    apb_row = next(r for r in rows if r[2] == "Anggaran Pendapatan dan Belanja Desa (APB Desa)")
    assert apb_row[6] == "Tersedia" and apb_row[7].endswith(apb.url) and apb_row[3] == "Perki 1/2018 Pasal 2"
    assert apb_row[10].startswith("'=")  # a formula typed as a note stays text in a spreadsheet
    assert {r[0] for r in rows[1:]} == {
        "Informasi berkala",
        "Informasi serta merta",
        "Informasi tersedia setiap saat",
        "Informasi dikecualikan",
    }

    response = client.get(f"{dip_url(sebuntal)}excel/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "Sebuntal" in values[0][0]
    apb_row = next(r for r in values if r[2] == "Anggaran Pendapatan dan Belanja Desa (APB Desa)")
    assert apb_row[6] == "Tersedia"
    assert apb_row[10] == '=HYPERLINK("http://jahat.example")'
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == apb_row[10])
    assert cell.data_type == "s"  # stored as text, not as a formula


def test_another_villages_dip_shows_only_its_own_links(client, sebuntal, santan_ulu):
    link(sebuntal, "apb-desa", doc=document(sebuntal, "APB Sebuntal"), updated_on=timezone.localdate())
    body = client.get(dip_url(santan_ulu)).content.decode()
    assert "APB Sebuntal" not in body
