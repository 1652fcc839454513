"""The KIM newsroom's whole story, in Chromium on a phone-sized screen.

A member of KIM Sebuntal signs in, writes a report with a photo (carrying the camera's GPS position)
while the phone has no signal, and the report waits on the phone. The signal comes back: the first
send reaches the server but its answer is lost on the way back (the phone cannot tell it arrived),
so the phone sends it again; the village still gets it exactly once. The operator asks for a
revision, the member fixes the text and sends it again, the operator publishes, and the article is
on the village website credited to the KIM and the member, with no location in any photo served.

Every step is checked as a person sees it (headings, messages, links by their names) and leaves a
screenshot in e2e/artifacts/.
"""

import io
import re
import uuid
from urllib.parse import urljoin

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

VILLAGE = "/marang-kayu/sebuntal/"
MEMBER_EMAIL = "kim.sebuntal@kim.example"  # the demo's KIM member account (kim.sebuntal)
OPERATOR = "operator.sebuntal"
PASSWORD = "sinergi-demo"
NEW_REPORT = "/kim/laporan/baru/"
GPS_IFD = 0x8825


@pytest.fixture
def viewport_name() -> str:
    """The whole story happens on a phone (the conftest's fixture would run it on a desktop too)."""
    return "ponsel"


def photo_with_location(path) -> bytes:
    """A phone camera's JPEG: a picture with the make, the owner and the GPS position in its EXIF."""
    image = Image.new("RGB", (1200, 900))
    for x in range(0, 1200, 40):  # stripes, so that the photo is not a flat colour
        image.paste((40 + x % 200, 120, 200 - x % 160), (x, 0, x + 20, 900))
    exif = Image.Exif()
    exif[0x010F] = "KameraHPWarga"  # camera make
    exif[0x013B] = "Pemilik HP"  # artist
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (0.0, 18.0, 30.5), 3: "E", 4: (117.0, 23.0, 10.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif)
    content = buffer.getvalue()
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(GPS_IFD), "the test photo must carry a location"
    path.write_bytes(content)
    return content


def watch_errors(page: Page) -> list[str]:
    """JavaScript errors and server errors on a page; network failures are this story's subject."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"JavaScript error: {exc}"))
    page.on(
        "response",
        lambda r: errors.append(f"{r.request.method} {r.url}: HTTP {r.status}") if r.status >= 500 else None,
    )
    return errors


def status_line(page: Page):
    return page.get_by_role("status")


def sign_in_operator(page: Page) -> None:
    page.goto("/admin/login/")
    page.get_by_label(re.compile("Nama pengguna|Username", re.I)).fill(OPERATOR)
    page.get_by_label(re.compile("Kata sandi|Password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Masuk|Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_in_queue(page: Page, title: str) -> None:
    """The operator opens the review queue and the report in it, which must be listed once."""
    page.goto("/admin/kim/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Laporan KIM")
    links = page.get_by_role("main").get_by_role("link", name=title, exact=True)
    expect(links).to_have_count(1)
    links.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def assert_no_camera_data(content: bytes, where: str) -> None:
    image = Image.open(io.BytesIO(content))
    assert not image.getexif().get_ifd(GPS_IFD), f"{where} carries a GPS position"
    assert not image.getexif(), f"{where} carries EXIF data: {dict(image.getexif())}"
    assert b"KameraHPWarga" not in content and b"Pemilik HP" not in content, f"{where} names the camera"


def image_urls(page: Page) -> list[str]:
    """Every image the article offers: each <img>'s src and srcset candidates, and the share image."""
    urls = page.eval_on_selector_all(
        "main img, main source",
        """els => els.flatMap(e => [e.getAttribute('src')].concat(
               (e.getAttribute('srcset') || '').split(',').map(c => c.trim().split(/\\s+/)[0])))
             .filter(Boolean)""",
    )
    urls += page.eval_on_selector_all('meta[property="og:image"]', "els => els.map(e => e.content)")
    return sorted({urljoin(page.url, u) for u in urls})


def test_member_report_from_offline_phone_to_published_article(new_context, tmp_path, shoot):
    title = f"Gotong royong membersihkan parit Dusun Dua {uuid.uuid4().hex[:6]}"
    body = (
        "Warga RT 05 Dusun Dua bergotong royong membersihkan parit sepanjang 300 meter pada hari Minggu "
        "pagi, 22 November 2026, di Jalan Poros Sebuntal.\n\n"
        "Kegiatan dipimpin Ketua RT 05 dan diikuti sekitar 40 warga, agar air hujan tidak lagi "
        "menggenangi jalan."
    )
    fix = "Kerja bakti ini juga didukung Pemerintah Desa Sebuntal dengan dua mobil pengangkut sampah."
    comment = "Mohon sebutkan siapa yang mendukung kegiatan ini."
    photo_path = tmp_path / "IMG_20261122_071502.jpg"
    photo_with_location(photo_path)

    # ------------------------------------------------------------ the member signs in on a phone
    member_context = new_context()
    member = member_context.new_page()
    member_errors = watch_errors(member)
    member.goto("/kim/")
    expect(member).to_have_url(re.compile(r"/kim/masuk/"))
    member.get_by_label("Nomor HP atau surel").fill(MEMBER_EMAIL)
    member.get_by_label("Kata sandi").fill(PASSWORD)
    member.get_by_role("button", name="Masuk", exact=True).click()
    expect(member.get_by_role("heading", level=1)).to_contain_text("Halo, ")
    member_name = member.get_by_role("heading", level=1).inner_text().removeprefix("Halo, ").strip()
    shoot(member, "anggota-masuk")

    member.get_by_role("link", name="Kirim Berita").last.click()  # the big button under the greeting
    expect(member.get_by_role("heading", level=1)).to_have_text("Kirim Berita")
    kim_name = member.locator("#kim-report-form p strong").first.inner_text().strip()
    expect(member.locator("#kim-report-form [name=client_key]")).to_have_value(re.compile(r"^[0-9a-f-]{36}$"))

    # ------------------------------------------------------------ no signal: the report waits on the phone
    member_context.set_offline(True)
    member.get_by_label("Judul").fill(title)
    member.get_by_label("Isi laporan").fill(body)
    member.get_by_label("Kategori").select_option(index=1)
    member.get_by_label("Tanggal kejadian").fill("2026-11-22")
    member.get_by_label("Tempat (dusun/RT)").fill("Dusun Dua RT 05")
    member.get_by_label(re.compile(r"^Tambah foto")).set_input_files(str(photo_path))
    member.get_by_label("Orang yang ada di foto sudah setuju fotonya diterbitkan").check()
    shoot(member, "laporan-tanpa-sinyal")
    member.get_by_role("button", name="Kirim ke desa").click()

    expect(status_line(member)).to_contain_text(f"Tersimpan di HP, akan dikirim saat ada sinyal: {title}")
    waiting = member.get_by_role("region", name="Tersimpan di HP, menunggu sinyal")
    expect(waiting).to_contain_text(f"{title} — menunggu sinyal")
    expect(member.get_by_label("Judul")).to_have_value("")  # a fresh form for the next report
    shoot(member, "tersimpan-di-hp")

    # ------------------------------------------------------------ the signal returns; the first answer is lost
    sends: list[int] = []

    def lose_the_answer(route):
        if route.request.method != "POST":
            route.continue_()
            return
        response = route.fetch()  # the server receives the report and answers ...
        sends.append(response.status)
        route.abort("connectionreset")  # ... but the answer never reaches the phone

    member.route("**" + NEW_REPORT, lose_the_answer)
    member_context.set_offline(False)
    for _ in range(150):  # the 'online' event sends it at once; give a slow machine 15 s
        if sends:
            break
        member.wait_for_timeout(100)
    assert sends == [200], f"the server should have accepted the first send, answered {sends}"
    expect(status_line(member)).to_contain_text(f"Tersimpan di HP, akan dikirim saat ada sinyal: {title}")
    expect(waiting).to_contain_text(title)  # the phone could not know: the report stays in its outbox
    member.unroute("**" + NEW_REPORT)

    # The phone tries again (on every page it opens) and the server answers as it did the first time.
    member.reload()
    expect(status_line(member)).to_contain_text(f"Terkirim: {title}")
    expect(member.get_by_role("region", name="Tersimpan di HP, menunggu sinyal")).to_be_hidden()
    shoot(member, "terkirim")
    status_line(member).get_by_role("link", name="Buka laporan").click()
    expect(member.get_by_role("heading", level=1)).to_have_text(title)
    expect(member.get_by_role("main")).to_contain_text("Menunggu Verifikasi")

    member.get_by_role("navigation", name="Menu KIM").get_by_role("link", name="Laporan saya").click()
    expect(member.get_by_role("main").get_by_role("link", name=title, exact=True)).to_have_count(1)

    # ------------------------------------------------------------ the operator asks for a revision
    operator_context = new_context()
    operator = operator_context.new_page()
    operator_errors = watch_errors(operator)
    sign_in_operator(operator)
    open_in_queue(operator, title)
    expect(operator.get_by_role("main")).to_contain_text("bergotong royong membersihkan parit")
    # The photo as stored, the very file that goes into the village's collection: already clean.
    stored_photo = operator.get_by_role("main").get_by_role("img", name=title)
    expect(stored_photo).to_have_count(1)
    response = operator.request.get(urljoin(operator.url, stored_photo.get_attribute("src")))
    assert response.ok, f"the stored photo: HTTP {response.status}"
    assert_no_camera_data(response.body(), "the stored photo")
    operator.get_by_label("Catatan revisi untuk penulis").fill(comment)
    shoot(operator, "operator-meninjau")
    operator.get_by_role("button", name="Minta revisi").click()
    expect(operator.get_by_role("main")).to_contain_text("Perlu Revisi")
    shoot(operator, "operator-minta-revisi")

    # ------------------------------------------------------------ the member sees why, fixes it, sends again
    member.get_by_role("navigation", name="Menu KIM").get_by_role("link", name="Laporan saya").click()
    member.get_by_role("main").get_by_role("link", name=title, exact=True).click()
    expect(member.get_by_role("main")).to_contain_text(
        re.compile(r"Desa meminta revisi:\s*" + re.escape(comment))
    )
    shoot(member, "diminta-revisi")
    member.get_by_role("main").get_by_role("link", name="Ubah", exact=True).click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Ubah laporan")
    member.get_by_label("Isi laporan").fill(body + "\n\n" + fix)
    member.get_by_role("button", name="Kirim ke desa").click()
    expect(member.get_by_role("heading", level=1)).to_have_text(title)
    expect(status_line(member)).to_contain_text(f"Terkirim: “{title}” sudah masuk ke desa")
    expect(member.get_by_role("main")).to_contain_text("Menunggu Verifikasi")
    shoot(member, "terkirim-lagi")

    # ------------------------------------------------------------ the operator publishes
    open_in_queue(operator, title)
    expect(operator.get_by_role("main")).to_contain_text(fix)
    operator.get_by_role("button", name="Setujui dan terbitkan").click()
    expect(operator.get_by_role("main")).to_contain_text("Diterbitkan")
    news_url = operator.get_by_role("link", name="Lihat berita").first.get_attribute("href")
    shoot(operator, "operator-terbitkan")

    # ------------------------------------------------------------ a visitor reads it on the village website
    visitor = new_context().new_page()
    visitor_errors = watch_errors(visitor)
    visitor.goto(VILLAGE + "berita/")
    visitor.get_by_role("main").get_by_role("link", name=title, exact=True).click()
    expect(visitor).to_have_url(re.compile(re.escape(news_url) + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    article = visitor.get_by_role("main")
    expect(article).to_contain_text(f"Oleh {kim_name} ({member_name})")
    expect(article).to_contain_text("bergotong royong membersihkan parit sepanjang 300 meter")
    expect(article).to_contain_text(fix)
    shoot(visitor, "berita-terbit")

    # The photo is there, and no image the article serves carries a location or camera data.
    expect(article.locator("img").first).to_be_visible()
    urls = image_urls(visitor)
    assert any("/media/" in u for u in urls), f"the article should show the member's photo: {urls}"
    for url in urls:
        response = visitor.request.get(url)
        assert response.ok, f"{url}: HTTP {response.status}"
        assert_no_camera_data(response.body(), url)

    # The village's KIM page lists it among the published reports, once.
    visitor.goto(VILLAGE + "kim/")
    expect(visitor.get_by_role("main").get_by_role("link", name=title, exact=True)).to_have_count(1)

    # The member sees it published, with the whole timeline.
    member.reload()
    expect(member.get_by_role("main")).to_contain_text("Diterbitkan")
    expect(member.get_by_role("main")).to_contain_text(comment)
    shoot(member, "anggota-lihat-terbit")

    errors = member_errors + operator_errors + visitor_errors
    assert not errors, "the pages did not load cleanly:\n  " + "\n  ".join(errors)
