"""The APBDes journey of issue 11's "Done means", in Chromium, on a phone and on a desktop.

The operator downloads the template, fills it (here with openpyxl, as a spreadsheet program would),
uploads it, sees the preview with a deliberate error, fixes it, confirms and publishes; the public
Transparansi page shows the workbook's totals to the rupiah, and the poster PDF carries the same totals
(its text read back with pypdf).
"""

import io
import re
import uuid

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from sinergi.core.formatting import rupiah
from sinergi.finance import samples

pytestmark = pytest.mark.browser

OPERATOR = "operator.sebuntal"
PASSWORD = "sinergi-demo"
YEAR = "2027"  # the demo has 2025 and 2026; next year's budget is the operator's to add
PUBLIC = f"/marang-kayu/sebuntal/transparansi/tahun/{YEAR}/"


def sign_in(page: Page):
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nama pengguna|Username", re.I)).fill(OPERATOR)
    page.get_by_label(re.compile("Kata sandi|Password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Masuk|Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def with_text_in_a_number(data: bytes) -> bytes:
    book = load_workbook(io.BytesIO(data))
    book["Pendapatan"]["C4"] = "dua juta"  # the Dana Desa line, typed in words
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(page: Page, data: bytes, tmp_path, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    page.get_by_label("Tahun anggaran").select_option(YEAR)
    page.get_by_label("Isi berkas").select_option("apbdes")
    page.get_by_label("Berkas Excel (.xlsx)").set_input_files(str(path))
    # Both viewports publish a 2027 budget in the same demo: the second is a correction, with its reason.
    page.get_by_label("Alasan koreksi").fill("Uji peramban: angka dari templat baru")
    page.get_by_role("button", name="Unggah dan pratinjau").click()


def test_operator_imports_a_budget_and_the_public_sees_its_totals(page: Page, tmp_path, viewport_name, shoot):
    sign_in(page)
    page.goto("/admin/apbdes/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh templat Excel").click()
    template = download.value.path().read_bytes()
    budget = samples.sample_budget(uuid.uuid4().int % 1000, int(YEAR))
    filled = samples.fill_template(template, budget)

    page.get_by_role("link", name="Impor dari Excel").click()
    upload(page, with_text_in_a_number(filled), tmp_path, "apbdes-salah.xlsx")
    expect(page.get_by_role("heading", name=re.compile("masalah"))).to_be_visible()
    problems = page.get_by_role("table").filter(has_text="Masalah")
    expect(problems).to_contain_text("Pendapatan")
    expect(problems).to_contain_text("\u201cdua juta\u201d di tempat angka rupiah")
    expect(page.get_by_role("button", name=re.compile("Konfirmasi"))).to_have_count(0)
    shoot(page, "pratinjau-salah")

    page.get_by_role("link", name="Unggah berkas yang sudah diperbaiki").click()
    upload(page, filled, tmp_path, "apbdes.xlsx")
    expect(page.get_by_text(rupiah(budget.total_income), exact=True)).to_be_visible()
    expect(page.get_by_text(rupiah(budget.total_spending), exact=True)).to_be_visible()
    shoot(page, "pratinjau")
    page.get_by_role("button", name="Konfirmasi dan simpan sebagai draf").click()
    page.get_by_role("button", name="Terbitkan").click()
    expect(page.get_by_text("diterbitkan", exact=False).first).to_be_visible()

    page.goto(PUBLIC)
    summary = page.get_by_role("table").first
    expect(summary).to_contain_text(rupiah(budget.total_income))
    expect(summary).to_contain_text(rupiah(budget.total_spending))
    expect(page.get_by_role("img", name="Belanja per bidang")).to_be_visible()
    shoot(page, "halaman-publik")

    response = page.request.get(f"{PUBLIC}baliho/pdf/")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert rupiah(budget.total_income) in text
    assert rupiah(budget.total_spending) in text
