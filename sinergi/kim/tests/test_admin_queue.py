"""The operator's review queue: waiting reports first with their age, state filter, own villages only,
and a fixed number of queries whatever the number of reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
