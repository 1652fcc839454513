"""The operator's review queue: waiting reports first with their age, state filter, own villages only,
and a fixed number of queries whatever the number of reports."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sinergi.accounts.services import make_village_operator
from sinergi.kim.tests.admin_helpers import backdate, submitted
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db
QUEUE = reverse("kim_admin:queue")


def titles(response):
    return [report.title for report in response.context["reports"]]


def test_waiting_reports_come_first_oldest_first_with_their_age(operator_client, member, operator):
    decided = submitted(member, "Laporan yang sudah ditolak warga Dusun I")
    do_transition(decided, "reject", by=operator, comment="Sudah pernah diberitakan.")
    recent = submitted(member, "Laporan baru tentang kerja bakti di RT 03")
    old = backdate(submitted(member, "Laporan lama tentang panen udang vaname"), 4)

    response = operator_client.get(QUEUE)

    assert response.status_code == 200
    assert titles(response) == [old.title, recent.title, decided.title]
    html = response.content.decode()
    assert "menunggu 4 hari" in html
    assert "Menunggu Verifikasi" in html


def test_drafts_stay_with_their_author(operator_client, member):
    write_report(member, "Draf yang belum dikirim ke desa sama sekali")
    assert titles(operator_client.get(QUEUE)) == []


def test_the_state_filter(operator_client, member, operator):
    waiting = submitted(member, "Laporan yang masih menunggu verifikasi")
    revised = submitted(member, "Laporan yang perlu direvisi penulisnya")
    do_transition(revised, "request_revision", by=operator, comment="Tambahkan nama kader.")

    assert titles(operator_client.get(QUEUE, {"status": "revision"})) == [revised.title]
    assert titles(operator_client.get(QUEUE, {"status": "submitted"})) == [waiting.title]
    # An unknown state shows everything rather than failing.
    assert len(titles(operator_client.get(QUEUE, {"status": "hacked"}))) == 2


def test_an_operator_sees_only_their_own_villages_reports(
    client, member, other_member, operator, regency_admin
):
    mine = submitted(member, "Laporan dari Sebuntal untuk operator Sebuntal")
    theirs = submitted(other_member, "Laporan dari Santan Ulu untuk operatornya")

    client.force_login(operator)
    assert titles(client.get(QUEUE)) == [mine.title]

    client.force_login(regency_admin)
    assert sorted(titles(client.get(QUEUE))) == sorted([mine.title, theirs.title])


def test_a_kim_member_without_staff_rights_cannot_open_the_queue(client, member):
    client.force_login(member.user)
    response = client.get(QUEUE)
    assert response.status_code in (302, 403)
    assert "Laporan yang" not in response.content.decode()


def _queries_for_queue(client, member, total):
    while len(client.get(QUEUE).context["reports"]) < total:
        submitted(member, "Laporan tentang kegiatan warga desa di balai")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE)
    assert len(response.context["reports"]) == total
    return len(queries)


def test_the_queue_costs_the_same_queries_for_3_or_30_reports(operator_client, member):
    few = _queries_for_queue(operator_client, member, 3)
    many = _queries_for_queue(operator_client, member, 30)
    assert few == many


def test_the_menu_shows_the_number_of_waiting_reports(operator_client, member):
    submitted(member)
    submitted(member, "Laporan kedua yang juga menunggu verifikasi")
    html = operator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Laporan KIM (2)" in html


def test_the_menu_item_is_hidden_from_staff_without_villages(client, django_user_model):
    from django.contrib.auth.models import Permission

    staff = django_user_model.objects.create_user("penulis.portal", password="x" * 12)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Laporan KIM" not in html
    assert client.get(QUEUE).status_code == 403


def test_the_home_panel_counts_waiting_reports_and_the_oldest_age(operator_client, member):
    backdate(submitted(member), 5)
    submitted(member, "Laporan kedua yang baru saja dikirim")

    html = operator_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Laporan KIM menunggu verifikasi" in html
    assert "<strong>2</strong> laporan menunggu keputusan Anda" in html
    assert "menunggu 5 hari" in html
    assert f"{QUEUE}?status=submitted" in html


def test_the_home_panel_costs_the_same_queries_for_1_or_20_villages_reports(operator_client, member):
    def home_queries():
        operator_client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as queries:
            operator_client.get(reverse("wagtailadmin_home"))
        return len(queries)

    submitted(member)
    one = home_queries()
    for n in range(19):
        submitted(member, f"Laporan nomor {n} tentang kegiatan warga desa")
    assert home_queries() == one


def panel_of(html: str) -> str:
    return html[html.index("Notifikasi baru") : html.index("Tandai semua sudah dibaca")]


def sent_with_notifications(member, title, capture):
    """A report sent with its notifications made (they are made once the transaction commits)."""
    with capture(execute=True):
        return submitted(member, title)


def test_the_operator_reads_new_report_notifications_on_the_home_panel_and_marks_them_read(
    operator, other_operator, member, django_capture_on_commit_callbacks
):
    operator_client = Client(enforce_csrf_checks=True)  # the button is a real form, with its token
    operator_client.force_login(operator)
    other_operator_client = Client()
    other_operator_client.force_login(other_operator)
    first = sent_with_notifications(
        member, "Posyandu Melati menimbang balita", django_capture_on_commit_callbacks
    )
    sent_with_notifications(member, "Panen raya padi di Dusun III", django_capture_on_commit_callbacks)
    home = reverse("wagtailadmin_home")

    html = operator_client.get(home).content.decode()
    panel = panel_of(html)
    assert "Posyandu Melati menimbang balita" in panel and "Panen raya padi di Dusun III" in panel
    assert "Posyandu Melati" not in other_operator_client.get(home).content.decode()  # another village's

    # Opening a report reads its notification; the button reads the rest.
    operator_client.get(reverse("kim_admin:report_detail", args=[first.pk]))
    html = operator_client.get(home).content.decode()
    assert "Posyandu Melati menimbang balita" not in html and "Panen raya padi di Dusun III" in html
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', panel_of(html)).group(1)
    response = operator_client.post(reverse("kim_admin:notifications_read"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "Notifikasi baru" not in operator_client.get(home).content.decode()
    assert operator_client.get(reverse("kim_admin:notifications_read")).status_code == 404


def test_the_home_panel_costs_the_same_queries_for_1_or_12_notifications(
    operator_client, member, django_capture_on_commit_callbacks
):
    def home_queries():
        operator_client.get(reverse("wagtailadmin_home"))
        with CaptureQueriesContext(connection) as queries:
            html = operator_client.get(reverse("wagtailadmin_home")).content.decode()
        return len(queries), html

    sent_with_notifications(
        member, "Laporan pertama tentang kegiatan warga", django_capture_on_commit_callbacks
    )
    one, _html = home_queries()
    for n in range(11):
        sent_with_notifications(
            member, f"Laporan nomor {n} tentang kegiatan warga", django_capture_on_commit_callbacks
        )
    twelve, html = home_queries()
    assert twelve == one
    assert html.count("tentang kegiatan warga”.</a>") == 5  # the newest five, the others by e-mail
    assert "Notifikasi lain ada di surel Anda." in html


def test_a_report_decided_since_is_no_longer_listed_as_new_on_the_home_panel(
    operator, sebuntal, member, django_capture_on_commit_callbacks, django_user_model
):
    colleague = django_user_model.objects.create_user("operator2.sebuntal", "op2@sebuntal.test", "x")
    make_village_operator(colleague, sebuntal)
    client = Client()
    client.force_login(operator)
    decided = sent_with_notifications(
        member, "Kerja bakti saluran air RT 04", django_capture_on_commit_callbacks
    )
    sent_with_notifications(member, "Lomba dayung perahu naga", django_capture_on_commit_callbacks)
    # Another operator of the village decides the first report: this operator never opened it.
    do_transition(decided, "reject", by=colleague, comment="Sudah diberitakan minggu lalu.")

    panel = panel_of(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "Kerja bakti saluran air RT 04" not in panel
    assert "Lomba dayung perahu naga" in panel
