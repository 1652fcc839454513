"""The report page of the review queue: what the operator reads, and the decisions taken from it."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from sinergi.kim.models import Notification, Report, ReportEvent
from sinergi.kim.tests.admin_helpers import submitted, with_photo
from sinergi.kim.tests.member_helpers import report_data
from sinergi.kim.workflow import do_transition
from sinergi.villages.models import NewsPage

pytestmark = pytest.mark.django_db
S = Report.State


def detail(report):
    return reverse("kim_admin:report_detail", args=[report.pk])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def seen_on_page(client, report) -> str:
    """What the decision forms of the report's page carry: the version of the report on screen."""
    html = client.get(detail(report)).content.decode()
    values = set(re.findall(r'name="seen" value="([^"]+)"', html))
    assert len(values) == 1, values
    return values.pop()


def decide(client, report, action, comment="", seen=None):
    """The operator opens the report and takes a decision from its page."""
    seen = seen_on_page(client, report) if seen is None else seen
    return client.post(detail(report), {"action": action, "comment": comment, "seen": seen}, follow=True)


def state_of(report):
    with scope(village=report.village_id):
        return Report.objects.get(pk=report.pk).state


def test_the_page_shows_the_text_as_text_with_everything_the_operator_needs(
    operator_client, member, operator
):
    report = submitted(
        member,
        "Kerja bakti <script>alert(1)</script> di RT 05",
        body="Warga <b>bergotong royong</b>.\n\nDipimpin Ketua RT.",
        latitude="0.287400",
        longitude="117.468900",
    )
    do_transition(report, "request_revision", by=operator, comment="Sebutkan nama ketua RT.")
    report = do_transition(report, "submit", by=member.user)

    response = operator_client.get(detail(report))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Warga &lt;b&gt;bergotong royong&lt;/b&gt;.</p>" in html  # paragraphs, never HTML
    assert "<p>Dipimpin Ketua RT.</p>" in html
    assert "KIM Sebuntal Bersatu" in html and "Andi Saputra" in html
    assert "Dusun II RT 05" in html
    assert "mlat=0.287400" in html
    assert "Sebutkan nama ketua RT." in html  # the timeline, with the comment
    assert "operator.sebuntal" in html  # ... and who wrote it
    assert "Sertakan minimal satu foto kegiatan." in html  # a writing hint
    assert [t.name for t in response.context["transitions"]] == [
        "approve_publish",
        "approve_draft",
        "request_revision",
        "reject",
    ]


def test_approve_and_publish_links_to_the_live_article(
    operator_client, member, django_capture_on_commit_callbacks
):
    report = submitted(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(operator_client, report, "approve_publish")

    report.refresh_from_db()
    assert report.state == S.PUBLISHED and report.news_page.live
    assert any("sudah terbit" in m for m in messages_of(response))
    assert report.news_page.url in response.content.decode()
    assert "Lihat berita" in response.content.decode()
    with scope(village=report.village_id):
        assert Notification.objects.filter(user=member.user, report=report).exists()


def test_a_double_click_says_the_report_is_already_decided(operator_client, member):
    report = submitted(member)
    seen = seen_on_page(operator_client, report)
    decide(operator_client, report, "approve_publish", seen=seen)
    response = decide(operator_client, report, "approve_publish", seen=seen)  # the same page, clicked again

    assert response.status_code == 200
    assert any("sudah berstatus “Diterbitkan”" in m for m in messages_of(response))
    with scope(village=report.village_id):
        assert ReportEvent.objects.filter(report=report, action="approve_publish").count() == 1


@pytest.mark.parametrize("action", ["request_revision", "reject"])
def test_revision_and_rejection_need_a_comment(operator_client, member, action):
    report = submitted(member)
    response = decide(operator_client, report, action, comment="   ")
    assert response.status_code == 200
    assert any("alasan atau catatan" in m for m in messages_of(response))
    assert state_of(report) == S.SUBMITTED


def test_asking_for_a_revision_sends_the_comment_to_the_author(
    operator_client, member, django_capture_on_commit_callbacks
):
    report = submitted(member)
    with django_capture_on_commit_callbacks(execute=True):
        decide(operator_client, report, "request_revision", comment="Tambahkan jumlah warga yang hadir.")
    assert state_of(report) == S.REVISION
    assert "Tambahkan jumlah warga yang hadir." in mail.outbox[-1].body


def test_rejecting_records_the_reason(operator_client, member, operator):
    report = submitted(member)
    decide(operator_client, report, "reject", comment="Bukan kegiatan di desa kita.")
    assert state_of(report) == S.REJECTED
    with scope(village=report.village_id):
        event = ReportEvent.objects.get(report=report, action="reject")
    assert (event.actor, event.comment) == (operator, "Bukan kegiatan di desa kita.")


def test_approving_as_draft_links_to_the_page_editor(operator_client, member):
    report = submitted(member)
    response = decide(operator_client, report, "approve_draft")
    report.refresh_from_db()
    assert report.state == S.APPROVED_DRAFT and not report.news_page.live
    assert reverse("wagtailadmin_pages:edit", args=[report.news_page_id]) in response.content.decode()


def test_publishing_the_news_draft_in_wagtail_publishes_the_report(
    operator_client, member, operator, django_capture_on_commit_callbacks
):
    report = do_transition(submitted(member), "approve_draft", by=operator)
    page = report.news_page.specific

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=operator)

    assert state_of(report) == S.PUBLISHED
    with scope(village=report.village_id):
        event = ReportEvent.objects.filter(report=report).latest("pk")
        assert Notification.objects.filter(user=member.user, report=report).exists()
    assert (event.action, event.actor) == ("publish_news", operator)


def test_publishing_through_the_page_editor_form_publishes_the_report(operator_client, member, operator):
    from sinergi.core.tests.helpers import harvest_form

    report = do_transition(submitted(member), "approve_draft", by=operator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[report.news_page_id])
    data = harvest_form(operator_client.get(edit_url).content.decode(), "page-edit-form")
    data["action-publish"] = ["action-publish"]
    response = operator_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert state_of(report) == S.PUBLISHED


def test_the_operator_cannot_jump_to_publish_news_without_publishing_the_page(
    operator_client, member, operator
):
    report = do_transition(submitted(member), "approve_draft", by=operator)
    response = decide(operator_client, report, "publish_news", seen=report.updated_at.isoformat())
    assert any("Tindakan tidak dikenal" in m for m in messages_of(response))
    assert state_of(report) == S.APPROVED_DRAFT


def test_photos_are_served_to_the_villages_staff_only(
    client, member, operator, other_operator, regency_admin
):
    report = with_photo(member)
    with scope(village=report.village_id):
        photo = report.photos.get()
    url = reverse("kim_admin:report_photo", args=[report.pk, photo.pk])

    client.force_login(operator)
    page = client.get(detail(report)).content.decode()
    assert url in page
    assert photo.file.url not in page  # never the MEDIA address
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"

    client.force_login(regency_admin)
    assert client.get(url).status_code == 200

    client.force_login(other_operator)
    assert client.get(url).status_code == 404
    assert client.get(detail(report)).status_code == 404


def test_a_photo_of_another_report_is_not_found_under_this_one(operator_client, member):
    first = with_photo(member)
    second = submitted(member, "Laporan kedua tanpa foto dari warga Dusun II")
    with scope(village=first.village_id):
        photo = first.photos.get()
    url = reverse("kim_admin:report_photo", args=[second.pk, photo.pk])
    assert operator_client.get(url).status_code == 404


def test_another_villages_operator_cannot_decide(other_operator_client, member):
    report = submitted(member)
    response = other_operator_client.post(detail(report), {"action": "approve_publish"})
    assert response.status_code == 404
    assert state_of(report) == S.SUBMITTED


def test_approving_a_report_with_photos_makes_them_the_articles_images(operator_client, member):
    report = with_photo(member)
    response = decide(operator_client, report, "approve_publish")

    report.refresh_from_db()
    assert report.state == S.PUBLISHED
    image = report.news_page.image
    assert (image.width, image.height) == (40, 30)
    assert image.collection == report.village.collection
    assert response.status_code == 200


def test_a_decision_on_a_text_the_author_changed_since_is_refused(operator_client, member):
    report = submitted(member, body="Warga bergotong royong membersihkan parit.")
    seen = seen_on_page(operator_client, report)  # the operator reads the report ...

    # ... meanwhile the author changes the waiting report from the phone.
    member_client = Client()
    member_client.force_login(member.user)
    edited = report_data(title=report.title, body="Teks baru yang belum dibaca operator desa.")
    assert member_client.post(f"/kim/laporan/{report.pk}/ubah/", edited).status_code == 302

    response = decide(operator_client, report, "approve_publish", seen=seen)

    assert "Penulis mengubah laporan ini setelah Anda membukanya" in " ".join(messages_of(response))
    assert state_of(report) == S.SUBMITTED
    assert not NewsPage.objects.filter(title=report.title).exists()
    page = response.content.decode()
    assert "Diubah penulis" in page and "Teks baru yang belum dibaca" in page  # the timeline and the text

    # Having read the new text, the operator decides.
    response = decide(operator_client, report, "approve_publish")
    assert state_of(report) == S.PUBLISHED
    assert "Teks baru yang belum dibaca operator desa." in str(NewsPage.objects.get(title=report.title).body)


def test_a_decision_without_the_version_it_was_taken_on_changes_nothing(operator_client, member):
    report = submitted(member)
    for seen in ("", "bukan-tanggal", "2026-11-27T10:00:00"):  # missing, malformed, without a time zone
        response = operator_client.post(
            detail(report), {"action": "approve_publish", "seen": seen}, follow=True
        )
        assert "Periksa laporannya lagi" in " ".join(messages_of(response))
    assert state_of(report) == S.SUBMITTED
