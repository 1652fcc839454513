"""The report form at /kim/laporan/baru/ and /kim/laporan/<pk>/ubah/, without JavaScript and as report.js sends it."""

import io
import re
import uuid

import pytest
from django.test import Client
from django_scopes import scope
from PIL import Image

from sinergi.core.tests.helpers import bomb_png_bytes
from sinergi.kim.models import Report, ReportEvent
from sinergi.kim.tests.member_helpers import (
    JSON,
    NEW_REPORT,
    jpeg,
    photo,
    report_data,
    reports_of,
    text_of,
)
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db
S = Report.State


def edit_url(report) -> str:
    return f"/kim/laporan/{report.pk}/ubah/"


def test_the_form_has_a_fresh_key_for_people_without_javascript(member_client, member):
    page = member_client.get(NEW_REPORT)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="client_key"' in html and 'name="send_key"' in html
    assert "KIM Sebuntal Bersatu" in html  # preset to the member's KIM
    assert 'type="file"' in html and 'accept="image/*"' in html and "multiple" in html
    assert "Kabar KIM" in html  # the village's news categories
    assert "Orang yang ada di foto sudah setuju fotonya diterbitkan" in html
    assert "Simpan draf" in html and "Kirim ke desa" in html
    other = member_client.get(NEW_REPORT).content.decode()
    key = html.split('name="client_key" value="')[1][:36]
    assert uuid.UUID(key) and key not in other


def test_saving_a_draft_keeps_it_and_shows_the_hints(member_client, member):
    response = member_client.post(NEW_REPORT, report_data(action="draft"))

    [report] = reports_of(member)
    assert report.state == S.DRAFT
    assert report.title == "Warga Dusun II gotong royong membersihkan parit"
    assert report.place == "Dusun II RT 05" and str(report.event_date) == "2025-08-16"
    assert response.status_code == 302 and response["Location"] == edit_url(report)
    page = member_client.get(response["Location"])
    assert "tersimpan" in text_of(page)
    assert "Petunjuk menulis" in text_of(page)
    assert "Sertakan minimal satu foto kegiatan." in text_of(page)


def test_sending_to_the_village_submits_it(
    member_client, member, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(NEW_REPORT, report_data(action="submit"))

    [report] = reports_of(member)
    assert report.state == S.SUBMITTED and report.submitted_at
    assert response["Location"] == f"/kim/laporan/{report.pk}/"
    assert "Terkirim" in text_of(member_client.get(response["Location"]))
    with scope(village=report.village):
        assert ReportEvent.objects.filter(report=report, action="submit").count() == 1
        assert operator.kim_notifications.count() == 1  # the village operator hears of it


def test_a_category_of_the_village_is_kept(member_client, member):
    from sinergi.villages.models import NewsCategory, NewsIndexPage

    index = NewsIndexPage.objects.child_of(member.village.page).get()
    category = NewsCategory.objects.get(page=index, slug="kim")
    member_client.post(NEW_REPORT, report_data(category=str(category.pk)))
    assert reports_of(member)[0].category == category


def test_a_category_of_another_village_is_refused(member_client, member, santan_ulu):
    from sinergi.villages.models import NewsCategory, NewsIndexPage

    foreign = NewsCategory.objects.get(page=NewsIndexPage.objects.child_of(santan_ulu.page).get(), slug="kim")
    response = member_client.post(NEW_REPORT, report_data(category=str(foreign.pk)))
    assert response.status_code == 400
    assert reports_of(member) == []


def test_sending_without_text_keeps_a_draft_and_says_why(member_client, member):
    response = member_client.post(NEW_REPORT, report_data(action="submit", body=""))
    [report] = reports_of(member)
    assert report.state == S.DRAFT
    assert "Isi laporan belum ditulis." in text_of(response)
    assert f'action="{edit_url(report)}"' in response.content.decode()  # the next send edits this report


def test_photos_need_the_consent_box_before_sending(member_client, member):
    data = report_data(action="submit", consent_confirmed=None)
    response = member_client.post(NEW_REPORT, {**data, "photos": [photo("warga.jpg")]})
    [report] = reports_of(member)
    assert report.state == S.DRAFT and len(report.photos.all()) == 1
    assert "Centang kotak ini" in text_of(response)


def test_without_consent_the_error_is_at_the_consent_box_and_the_draft_is_announced(member_client, member):
    data = report_data(action="submit", consent_confirmed=None)

    response = member_client.post(NEW_REPORT, {**data, "photos": [photo("warga.jpg")]})

    html = response.content.decode()
    box = re.search(r'<input type="checkbox" name="consent_confirmed"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in box
    assert 'aria-describedby="id_consent_confirmed_error' in box
    error = html[html.index('id="id_consent_confirmed_error"') :]
    assert error.index("Centang kotak ini") < 300  # the message is the box's own, right below it
    # Not silently a draft: the page says it was kept as a draft and not sent.
    assert "tersimpan sebagai draf, tetapi belum terkirim ke desa" in text_of(response)


# --------------------------------------------------------------------------- sent again and again


def test_the_same_report_sent_five_times_is_one_report(member_client, member):
    data = report_data(action="submit")
    answers = []
    for attempt in range(5):
        # A retry from the phone's queue carries the same send key; a new tap carries a new one.
        send = {**data, "send_key": data["send_key"] if attempt % 2 else str(uuid.uuid4())}
        answers.append(member_client.post(NEW_REPORT, {**send, "photos": [photo("parit.jpg")]}, **JSON))

    reports = reports_of(member)
    assert len(reports) == 1
    assert reports[0].state == S.SUBMITTED
    assert len(reports[0].photos.all()) == 1
    for response in answers:
        assert response.status_code == 200
        assert response.json()["ok"] is True
        assert response.json()["id"] == reports[0].pk
        assert response.json()["state"] == "submitted"
    assert [r.json()["replay"] for r in answers] == [False, True, True, True, True]


def test_a_repeated_send_after_the_village_decided_still_succeeds(member_client, member, operator):
    data = report_data(action="submit")
    first = member_client.post(NEW_REPORT, data, **JSON).json()
    with scope(village=member.village):
        report = Report.objects.get(pk=first["id"])
    do_transition(report, "approve_publish", by=operator)

    again = member_client.post(NEW_REPORT, data, **JSON)

    assert again.status_code == 200
    assert again.json()["ok"] is True and again.json()["state"] == "published"
    assert len(reports_of(member)) == 1


def test_a_repeated_send_without_javascript_goes_to_the_report(member_client, member):
    data = report_data(action="submit")
    first = member_client.post(NEW_REPORT, data)
    for _n in range(4):
        again = member_client.post(NEW_REPORT, data)
        assert again.status_code == 302 and again["Location"] == first["Location"]
    assert len(reports_of(member)) == 1


def test_the_json_answer_says_what_happened(member_client, member):
    response = member_client.post(NEW_REPORT, report_data(action="draft"), **JSON)
    body = response.json()
    report = reports_of(member)[0]
    assert body["ok"] is True and body["saved"] is True
    assert body["id"] == report.pk and body["client_key"] == str(report.client_key)
    assert body["state"] == "draft" and body["state_label"] == "Draf"
    assert body["url"] == edit_url(report) and body["detail_url"] == f"/kim/laporan/{report.pk}/"


def test_invalid_input_answers_400_and_saves_nothing(member_client, member):
    response = member_client.post(NEW_REPORT, report_data(title="", latitude="-0.5"), **JSON)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["id"] is None
    assert "title" in body["errors"] and "__all__" in body["errors"]
    assert reports_of(member) == []


def test_coordinates_are_kept_rounded_and_must_be_in_indonesia(member_client, member):
    member_client.post(NEW_REPORT, report_data(latitude="-0.4123456789", longitude="117.1234567"))
    report = reports_of(member)[0]
    assert str(report.latitude) == "-0.412346" and str(report.longitude) == "117.123457"
    response = member_client.post(NEW_REPORT, report_data(latitude="51.5", longitude="-0.12"))
    assert "di luar wilayah Indonesia" in text_of(response)


# --------------------------------------------------------------------------- photos


def test_photo_metadata_is_gone_after_upload(member_client, member):
    original = jpeg(gps=True)
    assert b"KameraRahasia" in original and Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)

    member_client.post(NEW_REPORT, {**report_data(), "photos": [photo("dengan-gps.jpg", original)]})

    [stored] = reports_of(member)[0].photos.all()
    stored.file.open("rb")
    content = stored.file.read()
    stored.file.close()
    image = Image.open(io.BytesIO(content))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert b"KameraRahasia" not in content and b"Pemilik Foto" not in content and b"Exif" not in content
    assert "dengan-gps" not in stored.file.name and stored.file.name.startswith("kim/laporan/")


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("surat.jpg", lambda: b"%PDF-1.4 ini bukan foto", "bukan foto yang bisa dibaca"),
        ("bom.png", bomb_png_bytes, "bom.png"),  # 20,000 x 20,000 pixels in a few dozen kilobytes
        (
            "raksasa.jpg",
            lambda: b"\xff\xd8\xff\xe0" + b"\0" * (40 * 1024 * 1024),
            "terlalu besar (maksimal 10 MB)",
        ),
    ],
    ids=["not-an-image", "bomb", "40-mb"],
)
def test_a_refused_photo_is_named_and_the_rest_of_the_report_is_kept(
    member_client, member, name, make, expected
):
    content = make()
    # A report already saved with one photo.
    member_client.post(NEW_REPORT, {**report_data(), "photos": [photo("pertama.jpg")]})
    report = reports_of(member)[0]
    data = report_data(
        client_key=str(report.client_key),
        action="submit",
        body="Teks baru yang tidak boleh hilang dari formulir.",
    )

    response = member_client.post(
        edit_url(report), {**data, "photos": [photo("kedua.jpg"), photo(name, content)]}
    )

    page = text_of(response)
    assert response.status_code == 200
    assert name in page
    assert expected in page
    assert "Teks baru yang tidak boleh hilang dari formulir." in response.content.decode()
    report = reports_of(member)[0]
    assert report.state == S.DRAFT  # not sent with a photo missing
    assert report.body == "Teks baru yang tidak boleh hilang dari formulir."
    assert len(report.photos.all()) == 2  # the earlier one and the good new one


def test_a_refused_photo_in_a_json_send_names_it_and_keeps_the_report(member_client, member):
    data = report_data(action="submit")
    response = member_client.post(
        NEW_REPORT, {**data, "photos": [photo("baik.jpg"), photo("rusak.jpg", b"bukan gambar")]}, **JSON
    )
    body = response.json()
    assert response.status_code == 200
    assert body["ok"] is False and body["saved"] is True and body["state"] == "draft"
    assert any("rusak.jpg" in m for m in body["errors"]["photos"])
    assert len(reports_of(member)[0].photos.all()) == 1


def test_more_than_ten_photos_are_refused_by_name(member_client, member):
    photos = [photo(f"foto-{n}.jpg") for n in range(1, 13)]
    response = member_client.post(NEW_REPORT, {**report_data(), "photos": photos})
    assert "foto-11.jpg" in text_of(response) and "foto-12.jpg" in text_of(response)
    assert "maksimal 10 foto" in text_of(response)
    assert len(reports_of(member)[0].photos.all()) == 10


def test_a_photo_can_be_removed(member_client, member):
    member_client.post(NEW_REPORT, {**report_data(), "photos": [photo("a.jpg"), photo("b.jpg")]})
    report = reports_of(member)[0]
    first = report.photos.all()[0]
    member_client.post(
        edit_url(report), {**report_data(client_key=str(report.client_key)), "remove_photos": [first.pk]}
    )
    assert [p.pk for p in reports_of(member)[0].photos.all()] != [first.pk]
    assert len(reports_of(member)[0].photos.all()) == 1


def test_an_oversized_request_is_refused_before_it_is_read(member_client, member, settings):
    settings.KIM_MAX_REQUEST_BYTES = 1024 * 1024
    content = jpeg(1600, 1600, colour=(1, 2, 3)) + b"\0" * (2 * 1024 * 1024)

    response = member_client.post(NEW_REPORT, {**report_data(), "photos": [photo("besar.jpg", content)]})

    assert response.status_code == 413
    assert "Kiriman terlalu besar" in text_of(response)
    assert reports_of(member) == []
    json_response = member_client.post(
        NEW_REPORT, {**report_data(), "photos": [photo("besar.jpg", content)]}, **JSON
    )
    assert json_response.status_code == 413 and "terlalu besar" in json_response.json()["message"]


def test_the_size_limit_is_ten_photos_of_ten_megabytes_and_a_margin(member_client, member):
    from sinergi.kim import limits

    assert limits.max_request_bytes() == 105 * 1024 * 1024
    response = member_client.post(NEW_REPORT, report_data(), CONTENT_LENGTH=str(200 * 1024 * 1024))
    assert response.status_code == 413


# --------------------------------------------------------------------------- typed text, limits, hints


def test_pasted_html_is_kept_as_text_and_shown_as_text(member_client, member):
    pasted = '<script>alert("x")</script><b>Tebal</b> <img src=x onerror=alert(1)>'
    member_client.post(NEW_REPORT, report_data(title=f"Judul {pasted}", body=f"Paragraf {pasted}"))
    report = reports_of(member)[0]
    assert report.body == f"Paragraf {pasted}"  # stored as typed

    html = member_client.get(f"/kim/laporan/{report.pk}/").content.decode()
    assert "<script>alert" not in html and "<b>Tebal</b>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Tebal&lt;/b&gt;" in html
    edit = member_client.get(edit_url(report)).content.decode()
    assert "<script>alert" not in edit


LIMIT_REASON = "Anda sudah mengirim 3 laporan ke desa dalam satu jam terakhir"


def test_sending_is_rate_limited_per_member(member_client, member, settings, lead):
    settings.KIM_REPORTS_PER_HOUR = 3
    for _n in range(3):
        assert member_client.post(NEW_REPORT, report_data(action="submit")).status_code == 302

    response = member_client.post(
        NEW_REPORT, report_data(action="submit", title="Laporan keempat dalam satu jam")
    )

    assert response.status_code == 429
    assert LIMIT_REASON in text_of(response)
    assert "Laporan keempat dalam satu jam" in response.content.decode()  # the text stays in the form
    assert len(reports_of(member)) == 3
    assert member_client.post(NEW_REPORT, report_data(action="submit"), **JSON).status_code == 429
    # Another member has their own count.
    other = Client()
    other.force_login(lead.user)
    assert other.post(NEW_REPORT, report_data(action="submit")).status_code == 302


def test_the_refusal_over_the_limit_tells_the_phone_why(member_client, settings):
    settings.KIM_REPORTS_PER_HOUR = 3
    for _n in range(3):
        member_client.post(NEW_REPORT, report_data(action="submit"), **JSON)

    response = member_client.post(NEW_REPORT, report_data(action="submit"), **JSON)

    assert response.status_code == 429
    answer = response.json()
    # report.js shows `message` as it is: the reason, not "check the marked fields".
    assert LIMIT_REASON in answer["message"]
    assert "Periksa isian" not in answer["message"]
    assert answer["saved"] is False


def test_a_draft_is_saved_after_the_send_limit_is_reached(member_client, member, settings):
    settings.KIM_REPORTS_PER_HOUR = 3
    for _n in range(3):
        member_client.post(NEW_REPORT, report_data(action="submit"), **JSON)

    response = member_client.post(NEW_REPORT, report_data(title="Draf sesudah batas kirim"), **JSON)

    assert response.status_code == 200 and response.json()["ok"] is True
    assert [r.state for r in reports_of(member) if r.title == "Draf sesudah batas kirim"] == [S.DRAFT]


def test_drafts_have_a_looser_limit_of_their_own(member_client, member, settings):
    settings.KIM_DRAFTS_PER_HOUR = 2
    for n in range(2):
        assert member_client.post(NEW_REPORT, report_data(title=f"Draf {n}"), **JSON).json()["ok"] is True

    response = member_client.post(NEW_REPORT, report_data(title="Draf ketiga"), **JSON)

    assert response.status_code == 429
    assert "2 draf dalam satu jam" in response.json()["message"]
    assert "Draf ketiga" not in [r.title for r in reports_of(member)]
    # Sending to the village is a different count.
    assert member_client.post(NEW_REPORT, report_data(action="submit"), **JSON).json()["ok"] is True


def test_a_repeated_send_does_not_count_against_the_limit(member_client, member, settings):
    settings.KIM_REPORTS_PER_HOUR = 1
    data = report_data(action="submit")
    for _n in range(4):
        assert member_client.post(NEW_REPORT, data, **JSON).json()["ok"] is True


def test_the_hints_endpoint_returns_the_hints(member_client):
    response = member_client.post(
        "/kim/petunjuk/",
        {
            "title": "Rapat",
            "body": "Para warga rapat di balai desa pada Senin pagi.",
            "photo_count": "0",
            "place": "",
        },
    )
    assert response.status_code == 200
    hints = {h["key"]: h for h in response.json()["hints"]}
    assert set(hints) == {"what", "who", "when", "where", "title", "length", "photo"}
    assert hints["when"]["ok"] is True and hints["who"]["ok"] is True
    assert hints["title"]["ok"] is False and "Judul sebaiknya" in hints["title"]["message"]
    assert hints["photo"]["ok"] is False
    assert (
        member_client.post("/kim/petunjuk/", {"title": "x", "photo_count": "3"}).json()["hints"][-1]["ok"]
        is True
    )
    assert member_client.get("/kim/petunjuk/").status_code == 405


def test_the_hints_endpoint_is_for_members_only(db):
    assert Client().post("/kim/petunjuk/", {"title": "x"}, **JSON).status_code == 401


def test_a_title_and_place_pasted_over_several_lines_are_kept_on_one_line(member_client, member):
    member_client.post(
        NEW_REPORT, report_data(title="Gotong royong\r\nDusun II\tRT 05", place="Dusun II\nRT 05")
    )
    [report] = reports_of(member)
    assert report.title == "Gotong royong Dusun II RT 05"
    assert report.place == "Dusun II RT 05"
