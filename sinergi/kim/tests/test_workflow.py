"""The report workflow as a table: every action from every state, by every kind of person."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django_scopes import scope

from sinergi.kim.models import Notification, Report, ReportEvent
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.workflow import TRANSITIONS, TransitionError, do_transition
from sinergi.villages.models import NewsPage

pytestmark = pytest.mark.django_db
S = Report.State

EXPECTED = {
    # (state, action): the state it leads to, or None when it is not allowed from there
    (S.DRAFT, "submit"): S.SUBMITTED,
    (S.REVISION, "submit"): S.SUBMITTED,
    (S.SUBMITTED, "request_revision"): S.REVISION,
    (S.SUBMITTED, "approve_publish"): S.PUBLISHED,
    (S.SUBMITTED, "approve_draft"): S.APPROVED_DRAFT,
    (S.SUBMITTED, "reject"): S.REJECTED,
    (S.APPROVED_DRAFT, "publish_news"): S.PUBLISHED,
}


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_the_transition_table(state, action, member, operator):
    report = write_report(member)
    with scope(village=report.village):
        Report.objects.filter(pk=report.pk).update(state=state)
    report.refresh_from_db()
    actor = member.user if TRANSITIONS[action].actor == "author" else operator
    target = EXPECTED.get((state, action))

    if target is None:
        with pytest.raises(TransitionError):
            do_transition(report, action, by=actor, comment="catatan")
        report.refresh_from_db()
        assert report.state == state
    else:
        assert do_transition(report, action, by=actor, comment="catatan").state == target


def test_only_the_author_may_submit(member, lead, operator):
    report = write_report(member)
    for intruder in (lead.user, operator):
        with pytest.raises(PermissionDenied):
            do_transition(report, "submit", by=intruder)


def test_a_member_cannot_decide_and_another_villages_operator_cannot_either(member, other_operator, lead):
    report = do_transition(write_report(member), "submit", by=member.user)
    for intruder in (member.user, lead.user, other_operator):
        with pytest.raises(PermissionDenied):
            do_transition(report, "approve_publish", by=intruder)
    report.refresh_from_db()
    assert report.state == S.SUBMITTED


def test_revision_and_rejection_need_a_comment(member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    for action in ("request_revision", "reject"):
        with pytest.raises(TransitionError, match="alasan"):
            do_transition(report, action, by=operator, comment="  ")


def test_approving_twice_creates_one_news_page(member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    do_transition(report, "approve_publish", by=operator)
    with pytest.raises(TransitionError, match="Diterbitkan"):
        do_transition(report, "approve_publish", by=operator)
    assert NewsPage.objects.filter(title=report.title).count() == 1


def test_publishing_credits_the_kim_and_the_member(client, member, operator):
    report = do_transition(write_report(member), "submit", by=member.user)
    report = do_transition(report, "approve_publish", by=operator)

    page = report.news_page
    assert page.live
    assert page.credit == "KIM Sebuntal Bersatu (Andi Saputra)"
    html = client.get(page.url).content.decode()
    assert "KIM Sebuntal Bersatu (Andi Saputra)" in html
    assert "Warga Dusun II bergotong royong" in html


def test_the_first_paragraph_leads_the_article_once_a_long_one_stays_whole_a_single_one_is_the_text(
    client, member, operator
):
    short = do_transition(write_report(member), "submit", by=member.user)
    page = do_transition(short, "approve_publish", by=operator).news_page
    html = client.get(page.url).content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    assert article.count("Warga Dusun II bergotong royong membersihkan parit pada Sabtu pagi.") == 1
    assert page.intro.startswith("Warga Dusun II") and "Dipimpin" not in page.intro
    assert "<p>Kegiatan dipimpin Ketua RT.</p>" in html

    # A first paragraph too long for the lead is shortened there and kept whole in the text.
    long_first = "Warga Dusun III menanam 500 bibit pohon di tepi sungai. " * 8
    report = write_report(
        member, title="Penanaman pohon di Dusun III", body=long_first + "\n\nSelesai siang."
    )
    page = do_transition(
        do_transition(report, "submit", by=member.user), "approve_publish", by=operator
    ).news_page
    assert page.intro.endswith("…") and len(page.intro) <= 300
    assert long_first.strip() in client.get(page.url).content.decode()

    # A one-paragraph report is the article's whole text, without a lead that would repeat it.
    single = "Posyandu Melati membagikan 120 paket makanan bergizi untuk balita pada Rabu pagi."
    report = write_report(member, title="Paket gizi untuk balita", body=single)
    page = do_transition(
        do_transition(report, "submit", by=member.user), "approve_publish", by=operator
    ).news_page
    html = client.get(page.url).content.decode()
    assert page.intro == "" and page.search_description == single
    assert html[html.index("<article") : html.index("</article>")].count(single) == 1
    assert f'<meta name="description" content="{single}">' in html


def test_every_transition_is_recorded_with_who_and_why_and_notifies(
    member, operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = do_transition(write_report(member), "submit", by=member.user)
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(report, "request_revision", by=operator, comment="Tambahkan nama ketua RT.")

    with scope(village=report.village):
        events = list(ReportEvent.objects.filter(report=report).values_list("action", "actor", "comment"))
        author_notes = list(Notification.objects.filter(user=member.user).values_list("message", flat=True))
        operator_notes = Notification.objects.filter(user=operator).count()
    assert events == [
        ("submit", member.user.pk, ""),
        ("request_revision", operator.pk, "Tambahkan nama ketua RT."),
    ]
    assert any("Tambahkan nama ketua RT." in note for note in author_notes)
    assert operator_notes == 1
    assert [m.to for m in mail.outbox] == [[operator.email], [member.user.email]]
    assert "Tambahkan nama ketua RT." in mail.outbox[1].body


def test_the_village_is_told_when_a_revised_report_comes_back(
    member, operator, django_capture_on_commit_callbacks
):
    report = do_transition(write_report(member, title="Rapat RT"), "submit", by=member.user)
    do_transition(report, "request_revision", by=operator, comment="Tambahkan tanggal.")
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(report, "submit", by=member.user)
    with scope(village=report.village):
        [note] = Notification.objects.filter(user=operator)
    assert (
        note.message
        == "Laporan dari KIM Sebuntal Bersatu sudah direvisi dan menunggu verifikasi lagi: “Rapat RT”."
    )
    assert mail.outbox[-1].to == [operator.email]


def test_a_comment_typed_on_several_lines_still_reaches_the_member_by_e_mail(
    member, operator, django_capture_on_commit_callbacks
):
    report = do_transition(write_report(member, title="Rapat RT"), "submit", by=member.user)
    with django_capture_on_commit_callbacks(execute=True):
        do_transition(
            report, "request_revision", by=operator, comment="Mohon:\n- nama ketua RT\n- jumlah warga"
        )

    [sent] = mail.outbox
    assert sent.to == [member.user.email]
    assert "\n" not in sent.subject and sent.subject.startswith("[Sinergi] ")
    assert "Mohon:\n- nama ketua RT\n- jumlah warga" in sent.body  # the body keeps the lines
