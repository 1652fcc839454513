"""What a visitor sees on a village's Transparansi section: figures, charts, downloads, in fixed queries."""

import csv
import gzip
import io
import json

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope
from openpyxl import load_workbook

from sinergi.core.formatting import rupiah, rupiah_short
from sinergi.finance import workbook
from sinergi.finance.models import BudgetVersion
from sinergi.finance.tests.helpers import published_budget

pytestmark = pytest.mark.django_db

PAGE = "/marang-kayu/sebuntal/transparansi/"
WIRE_BUDGET = 14 * 1024  # the village home's budget (bench/weight.py): page, CSS and charts
HEADERS_ALLOWANCE = 2 * 600  # response headers of the two requests (HTML, CSS), generously


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def test_the_page_shows_the_published_budget_and_its_realisation(client, sebuntal, operator):
    _version, budget = published_budget(sebuntal, operator, seed=4, realisation=True)
    body = client.get(PAGE).content.decode()
    assert rupiah(budget.total_income) in body
    assert rupiah(budget.total_spending) in body
    assert rupiah_short(budget.total_income) in body
    assert f"({rupiah(budget.total_spending - budget.total_income)})" in body  # the deficit, covered by SiLPA
    assert "<svg" in body and 'role="img"' in body and "<script" not in body
    for _code, name, place, *_rest in budget.activities[:5]:
        assert name in body and place in body
    assert "Tidak dilaksanakan" in body and "Belum selesai" in body  # Pasal 72: unfinished kegiatan
    assert "Sisa anggaran" in body
    assert "Pertanyaan dan pengaduan" in body
    # The year's stable address shows the same; a year without a budget does not exist.
    assert client.get(f"{PAGE}tahun/2025/").status_code == 200
    assert client.get(f"{PAGE}tahun/2024/").status_code == 404


def test_drafts_are_not_public(client, sebuntal, operator):
    version, budget = published_budget(sebuntal, operator, seed=4)
    with scope(village=sebuntal.pk):
        BudgetVersion.objects.filter(pk=version.pk).update(state="draft")
    body = client.get(PAGE).content.decode()
    assert rupiah(budget.total_income) not in body
    assert client.get(f"{PAGE}tahun/2025/data/json/").status_code == 404


def test_downloads_carry_the_same_figures(client, sebuntal, operator):
    _version, budget = published_budget(sebuntal, operator, seed=6, realisation=True)
    data = json.loads(client.get(f"{PAGE}tahun/2025/data/json/").content)
    assert data["ringkasan"]["pendapatan"] == budget.total_income
    assert data["ringkasan"]["belanja"] == budget.total_spending
    assert data["ringkasan"]["silpa_tahun_berjalan"] == (
        budget.total_income - budget.total_spending + sum(x[2] for x in budget.financing)
    )
    assert data["realisasi"]["periode"] == "akhir_tahun"
    assert len(data["belanja"]) == len(budget.activities)

    rows = list(csv.reader(io.StringIO(client.get(f"{PAGE}tahun/2025/data/csv/").content.decode())))
    assert sum(int(r[11]) for r in rows[1:] if r[0] == "belanja") == budget.total_spending

    response = client.get(f"{PAGE}tahun/2025/data/xlsx/")
    assert response["Content-Disposition"].startswith("attachment")
    parsed = workbook.read_workbook(response.content)
    assert not parsed.problems and parsed.total_spending == budget.total_spending
    book = load_workbook(io.BytesIO(response.content))
    assert book["Realisasi"].max_row == 1 + len(budget.income) + len(budget.activities) + len(
        budget.financing
    )

    for bad in ("data/exe/", "baliho/json/", "rahasia/json/", "data/json/x/"):
        assert client.get(f"{PAGE}tahun/2025/{bad}").status_code == 404, bad


def test_years_and_versions_are_one_click_away(client, sebuntal, operator):
    published_budget(sebuntal, operator, seed=1, year=2025, realisation=True)
    published_budget(sebuntal, operator, seed=2, year=2026)
    body = client.get(PAGE).content.decode()
    assert f'href="{PAGE}tahun/2025/"' in body and f'href="{PAGE}perbandingan/"' in body
    comparison = client.get(f"{PAGE}perbandingan/").content.decode()
    assert "2025" in comparison and "2026" in comparison and "%" in comparison


def queries(client, url) -> int:
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_fixed_number_of_queries_whatever_the_number_of_kegiatan(
    client, sebuntal, santan_ulu, operator, other_operator
):
    published_budget(sebuntal, operator, seed=1, lines=5, realisation=True)
    published_budget(santan_ulu, other_operator, seed=1, lines=60, realisation=True)
    urls = ("", "tahun/2025/", "perbandingan/", "tahun/2025/data/json/", "tahun/2025/data/csv/")
    small = {u: queries(client, f"{PAGE}{u}") for u in urls}
    large = {u: queries(client, f"/marang-kayu/santan-ulu/transparansi/{u}") for u in urls}
    assert small == large
    # Beyond what any village page costs (the page, its site, menu and village home): ten for the budget.
    assert small[""] <= queries(client, "/marang-kayu/sebuntal/ppid/") + 10, small


def test_the_page_stays_within_the_weight_budget(client, sebuntal, operator):
    published_budget(sebuntal, operator, seed=9, realisation=True)
    html = client.get(PAGE).content
    with open(finders.find("sinergi/site.css"), "rb") as css:
        stylesheet = css.read()
    wire = len(gzip.compress(html, 6)) + len(gzip.compress(stylesheet, 6)) + HEADERS_ALLOWANCE
    assert wire <= WIRE_BUDGET, f"{wire} bytes on the wire"
    assert html.count(b'<link rel="stylesheet"') == 1 and b"<img" not in html  # two requests at most
