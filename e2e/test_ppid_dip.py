"""A citizen on a phone reads Sebuntal's PPID profile and its Daftar Informasi Publik, and downloads it
as Excel. Screenshots go to e2e/artifacts/."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PPID = "/marang-kayu/sebuntal/ppid/"


@pytest.fixture
def viewport_name() -> str:
    return "ponsel"  # the brief asks for a phone; the DIP table must read at 360 px


def test_citizen_reads_the_dip_on_a_phone_and_downloads_the_excel(page: Page, shoot):
    page.goto(PPID)
    expect(page.get_by_role("heading", level=1)).to_have_text("PPID")
    expect(page.get_by_role("heading", name="Profil PPID")).to_be_visible()
    expect(page.get_by_role("heading", name="Maklumat pelayanan")).to_be_visible()
    shoot(page, "profil-ppid")

    page.get_by_role("link", name="Daftar Informasi Publik (DIP)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Daftar Informasi Publik")
    for name in (
        "Informasi berkala",
        "Informasi serta merta",
        "Informasi tersedia setiap saat",
        "Informasi dikecualikan",
    ):
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    berkala = page.locator("section#berkala")
    expect(berkala.get_by_role("link", name="Profil Pemerintah Desa: visi dan misi")).to_be_visible()
    expect(berkala).to_contain_text("Perlu diperbarui")  # the demo's out-of-date financial report
    # The page fits the phone: nothing but the table scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360 + 1
    shoot(page, "dip")

    with page.expect_download() as info:
        page.get_by_role("link", name="Excel").click()
    download = info.value
    assert download.suggested_filename.startswith("dip-sebuntal-")
    assert download.suggested_filename.endswith(".xlsx")
    # Playwright stores the file under a random name without extension, which openpyxl refuses by name.
    with open(download.path(), "rb") as workbook:
        sheet = load_workbook(workbook).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "Sebuntal" in rows[0][0]
    assert rows[1][:3] == ["Golongan", "No.", "Informasi"]
    assert any(r[2] == "Profil Pemerintah Desa: visi dan misi" and r[6] == "Tersedia" for r in rows[2:])
