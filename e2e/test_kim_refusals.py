"""The report form on a phone tells the truth when the server refuses, and shows errors where to act.

The demo's KIM member signs in with the username `make demo` prints. The server (played by
`page.route`) answers 429 with its reason: the phone shows that reason, does not claim the report
waits for signal and does not send it again by itself; "Coba kirim lagi" sends it when the member
asks. Sending photos without the consent box says so at the box and moves there. An offline send
moves the page to the confirmation.
"""

import io
import json
import re
import uuid

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

USERNAME = "kim.sebuntal"  # printed by load_demo
PASSWORD = "sinergi-demo"
NEW_REPORT = "/kim/laporan/baru/"
REASON = (
    "Anda sudah mengirim 20 laporan ke desa dalam satu jam terakhir. "
    "Simpan sebagai draf dulu, lalu kirim lagi nanti."
)
BODY = "Warga Dusun Dua membersihkan parit pada Minggu pagi, dipimpin Ketua RT 05, diikuti 40 warga."


@pytest.fixture
def viewport_name() -> str:
    return "ponsel"


@pytest.fixture
def member(new_context):
    context = new_context()
    page = context.new_page()
    # The queue's retry interval, shortened: a report stuck in a retry loop would be sent again at once.
    page.add_init_script("window.sinergiKimRetryMs = 1000;")
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"JavaScript error: {exc}"))
    page.goto("/kim/masuk/")
    page.get_by_label("Nama pengguna, nomor HP atau surel").fill(USERNAME)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halo, ")
    yield page
    assert not errors, errors


def write(page, title):
    page.goto(NEW_REPORT)
    page.get_by_label("Judul").fill(title)
    page.get_by_label("Isi laporan").fill(BODY)


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (40, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_throttled_send_shows_the_reason_and_is_not_retried_in_a_loop(member):
    title = f"Kerja bakti parit Dusun Dua {uuid.uuid4().hex[:6]}"
    posts: list[str] = []

    def throttled(route):
        if route.request.method != "POST":
            route.continue_()
            return
        posts.append(route.request.url)
        body = {"ok": False, "saved": False, "message": REASON, "errors": {"__all__": [REASON]}}
        route.fulfill(status=429, content_type="application/json", body=json.dumps(body))

    member.route("**" + NEW_REPORT, throttled)
    write(member, title)
    member.get_by_role("button", name="Kirim ke desa").click()

    status = member.get_by_role("status")
    expect(status).to_contain_text(REASON)
    expect(status).not_to_contain_text("Tersimpan di HP")
    expect(status).to_be_in_viewport()
    queue = member.locator("#kim-queue")
    expect(queue).to_contain_text(f"{title} — Belum terkirim: {REASON}")
    expect(queue).not_to_contain_text("menunggu sinyal")
    member.wait_for_timeout(5000)  # five retry intervals
    assert len(posts) == 1, f"the refused report was sent again by itself: {posts}"

    # The member asks for it: "Coba kirim lagi" sends it, now to the real server.
    member.unroute("**" + NEW_REPORT)
    queue.get_by_role("button", name="Coba kirim lagi").click()
    expect(status).to_contain_text(f"Terkirim: {title}")
    expect(queue).to_be_hidden()


def test_photos_without_consent_are_stopped_at_the_consent_box(member, tmp_path):
    posts: list[str] = []
    member.on(
        "request", lambda r: posts.append(r.url) if r.method == "POST" and NEW_REPORT in r.url else None
    )
    write(member, f"Posyandu Melati {uuid.uuid4().hex[:6]}")
    photo = tmp_path / "warga.jpg"
    photo.write_bytes(jpeg())
    member.get_by_label(re.compile(r"^Tambah foto")).set_input_files(str(photo))

    member.get_by_role("button", name="Kirim ke desa").click()

    consent = member.get_by_label("Orang yang ada di foto sudah setuju fotonya diterbitkan")
    error = member.locator("#id_consent_confirmed_jserror")
    expect(error).to_contain_text("Centang kotak ini setelah orang yang ada di foto setuju")
    expect(consent).to_be_focused()
    expect(consent).to_have_attribute("aria-invalid", "true")
    expect(consent).to_have_attribute("aria-describedby", re.compile(r"id_consent_confirmed_jserror"))
    expect(error).to_be_in_viewport()
    assert posts == [], "nothing is sent (or silently kept as a draft) without the consent"


def test_an_offline_send_moves_the_page_to_the_confirmation(member):
    title = f"Rapat warga RT 05 {uuid.uuid4().hex[:6]}"
    write(member, title)
    member.context.set_offline(True)
    button = member.get_by_role("button", name="Kirim ke desa")
    button.scroll_into_view_if_needed()

    button.click()

    status = member.get_by_role("status")
    expect(status).to_contain_text(f"Tersimpan di HP, akan dikirim saat ada sinyal: {title}")
    expect(status).to_be_in_viewport()
    expect(status).to_be_focused()
    member.context.set_offline(False)
    expect(status).to_contain_text(f"Terkirim: {title}")
