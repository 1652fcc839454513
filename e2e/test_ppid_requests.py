"""A citizen asks Desa Sebuntal for its APB Desa on a phone, and the law's clock, in Chromium.

The citizen fills in the request form (no JavaScript needed), gets a registration number and a
printable receipt with a tracking code. The operator (acting as PPID) extends the deadline with a
reason, then answers with a PDF. The citizen sees the answer on the tracking page, objects, and the
operator (acting as atasan PPID) answers the objection; the tracking page then shows the route to
the Komisi Informasi. Screenshots go to e2e/artifacts/.
"""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PPID = "/marang-kayu/sebuntal/ppid/"
OPERATOR = "operator.sebuntal"
PASSWORD = "sinergi-demo"
# A structurally valid NIK of Kutai Kartanegara (64.02): never shown back in full.
NIK = "6402015204900001"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def viewport_name() -> str:
    return "ponsel"


def sign_in_operator(page: Page) -> None:
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nama pengguna|Username", re.I)).fill(OPERATOR)
    page.get_by_label(re.compile("Kata sandi|Password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Masuk|Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def test_a_citizen_asks_for_the_apb_desa_and_objects_to_the_answer(page: Page, new_context, shoot, tmp_path):
    # The citizen asks.
    page.goto(f"{PPID}permohonan/")
    expect(page.get_by_role("heading", name="Permohonan informasi publik")).to_be_visible()
    page.get_by_label("Nama lengkap").fill("Siti Aminah")
    page.get_by_label("NIK (16 digit)").fill(NIK)
    page.get_by_label("Alamat").fill("RT 03 Desa Sebuntal")
    page.get_by_label(re.compile("^Telepon")).fill("081234567890")
    page.get_by_label("Informasi yang diminta").fill("Salinan APB Desa Sebuntal tahun 2026")
    page.get_by_label("Tujuan penggunaan informasi").fill("Mengetahui penggunaan dana desa")
    page.get_by_label("Mencatat / mendapat salinan").check()
    page.get_by_label("Salinan elektronik (softcopy)").check()
    page.get_by_label("Diambil langsung").check()
    page.get_by_label(re.compile("Saya setuju data pribadi")).check()
    page.wait_for_timeout(3500)  # a person takes longer than the form's minimum fill time
    page.get_by_role("button", name="Kirim permohonan").click()
    expect(page.get_by_role("heading", name="Tanda terima permohonan informasi publik")).to_be_visible()
    reference = page.locator("td strong").first.inner_text()
    assert re.fullmatch(r"\d{3}/PPID-SBT/\d{4}", reference)
    code = page.locator("[data-kode]").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert NIK not in page.content()
    shoot(page, "tanda-terima")

    # The operator extends with a reason, then answers with a document.
    operator = new_context().new_page()
    sign_in_operator(operator)
    operator.goto("/admin/ppid/")
    operator.get_by_role("link", name=reference).click()
    expect(operator.get_by_text(NIK)).to_have_count(0)
    operator.get_by_label("Jawaban / alasan").fill("Dokumen sedang disalin dari arsip bendahara.")
    operator.get_by_role("button", name="Diperpanjang 7 hari kerja").click()
    expect(operator.get_by_text("Tersimpan")).to_be_visible()
    pdf = tmp_path / "apbdes-sebuntal-2026.pdf"
    pdf.write_bytes(PDF)
    operator.get_by_label("Jawaban / alasan").fill("APB Desa Sebuntal 2026 terlampir.")
    operator.get_by_label("Dokumen jawaban").set_input_files(str(pdf))
    operator.get_by_role("button", name="Dikabulkan", exact=True).click()
    expect(operator.get_by_text("Tersimpan")).to_be_visible()

    # The citizen sees the answer, then objects.
    page.goto(f"{PPID}lacak/")
    page.get_by_label("Kode lacak").fill(code.lower())
    page.get_by_role("button", name="Lihat").click()
    expect(page.locator("[data-status]")).to_contain_text("Dikabulkan")
    expect(page.locator("[data-answer]")).to_contain_text("APB Desa Sebuntal 2026 terlampir.")
    expect(page.get_by_text("Dokumen sedang disalin dari arsip bendahara.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Jawaban"))).to_be_visible()
    shoot(page, "jawaban")
    page.get_by_role("link", name="Ajukan keberatan atas permohonan ini").click()
    page.get_by_label("Permohonan ditanggapi tidak sebagaimana yang diminta", exact=True).check()
    page.get_by_label("Uraian keberatan").fill("Yang diberikan hanya ringkasan, bukan APB Desa lengkap.")
    page.wait_for_timeout(3500)
    page.get_by_role("button", name="Kirim keberatan").click()
    expect(page.locator("[data-objection-status]")).to_contain_text("menunggu tanggapan atasan PPID")

    # The atasan answers.
    operator.goto("/admin/ppid/")
    operator.get_by_role("link", name=reference).click()
    operator.get_by_role("link", name=re.compile(r"^Keberatan \d{3}.KEB-SBT.")).click()
    operator.get_by_label("Tanggapan / alasan").fill("APB Desa lengkap diserahkan; keberatan dikabulkan.")
    operator.get_by_role("button", name="Keberatan dikabulkan").click()
    expect(operator.get_by_text("Tanggapan tersimpan.")).to_be_visible()

    page.reload()
    expect(page.locator("[data-objection-status]")).to_contain_text("Keberatan dikabulkan")
    expect(page.get_by_text("APB Desa lengkap diserahkan; keberatan dikabulkan.")).to_be_visible()
    expect(page.get_by_text(re.compile("Komisi Informasi paling lambat"))).to_be_visible()
    shoot(page, "keberatan")


def test_a_request_received_on_the_friday_before_the_long_weekend_is_due_on_15_june_2026(page: Page):
    """The demo's request received Friday 29 May 2026 (1 June is Hari Lahir Pancasila): 10 working
    days later is Monday 15 June 2026, as the public register shows."""
    page.goto(f"{PPID}register/?tahun=2026")
    row = page.get_by_role("row").filter(has_text="29-5-2026").filter(has_text="RKP Desa tahun 2026")
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(4)).to_have_text("15-6-2026")
