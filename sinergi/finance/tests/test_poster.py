"""The notice-board poster: PDF and PNG, A3 and banner, with the totals the page shows and a local QR code."""

import io

import pytest
from django_scopes import scope
from PIL import Image
from pypdf import PdfReader

from sinergi.core.formatting import rupiah
from sinergi.finance.tests.helpers import published_budget

pytestmark = pytest.mark.django_db

BASE = "/marang-kayu/sebuntal/transparansi/tahun/2025/baliho/"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("fmt", ["a3", "spanduk"])
def test_the_poster_pdf_carries_the_budget_totals(client, sebuntal, operator, fmt):
    _version, budget = published_budget(sebuntal, operator, seed=2, realisation=True)
    response = client.get(f"{BASE}pdf/?format={fmt}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert rupiah(budget.total_income) in text
    assert rupiah(budget.total_spending) in text
    assert "Desa Sebuntal" in text
    assert "Sisa anggaran" in text and "pengaduan" in text
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    width_mm, height_mm = float(page.mediabox.width) / 72 * 25.4, float(page.mediabox.height) / 72 * 25.4
    assert (round(width_mm), round(height_mm)) == ((297, 420) if fmt == "a3" else (900, 300))


def test_the_poster_png_is_an_image_for_whatsapp(client, sebuntal, operator):
    published_budget(sebuntal, operator, seed=2)
    response = client.get(f"{BASE}png/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.width == 1240 and image.height > image.width
    assert len(response.content) < 600 * 1024


def test_the_qr_code_is_made_locally_and_points_to_the_page(sebuntal):
    from sinergi.finance.poster import qr_png

    image = Image.open(io.BytesIO(qr_png("http://127.0.0.1/marang-kayu/sebuntal/transparansi/")))
    assert image.width == image.height and image.width > 200


def test_the_poster_keeps_the_typography_people_paste(client, sebuntal, operator):
    """En dash, curly quotes and letters beyond Latin-1 reach the PDF as typed, not as '?'."""
    version, _budget = published_budget(sebuntal, operator, seed=2)
    name = "Jalan \u201cUsaha Tani\u201d \u2013 RT 04 \u00b7 Pak \u015eahrul"
    with scope(village=sebuntal.pk):
        largest = max(version.activities.all(), key=lambda a: sum(x.amount for x in a.lines.all()))
        largest.name = name
        largest.save()
    text = pdf_text(client.get(f"{BASE}pdf/").content)
    assert name in text
    assert "?" not in text.replace("?format", "")
