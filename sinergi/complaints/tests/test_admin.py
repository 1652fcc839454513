"""The village's side in the Wagtail admin: queue, case screen, held items, dashboard, reminders,
the regency's figures; and that one village's staff never reach another village's cases."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from sinergi.complaints.models import Complaint, ComplaintSettings
from sinergi.complaints.tests.factories import make_case

pytestmark = pytest.mark.django_db
S = Complaint.State


def test_the_queue_shows_the_villages_cases_with_held_and_overdue_flags(
    operator_client, sebuntal, santan_ulu
):
    make_case(sebuntal, "Saluran tersumbat")
    make_case(sebuntal, "Slot gacor", held=("judi_online",))
    late = make_case(sebuntal, "Lampu jalan mati")
    with scope(village=sebuntal.pk):
        Complaint.objects.filter(pk=late.pk).update(
            verify_due=timezone.localdate() - datetime.timedelta(days=1)
        )
    make_case(santan_ulu, "Urusan Santan Ulu")
    body = operator_client.get(reverse("complaints_admin:queue")).content.decode()
    assert "Saluran tersumbat" in body and "Slot gacor" in body and "Mengandung kata promosi judi" in body
    assert "Terlambat verifikasi" in body
    assert "Urusan Santan Ulu" not in body
    held = operator_client.get(reverse("complaints_admin:queue"), {"ditahan": "1"}).content.decode()
    assert "Slot gacor" in held and "Saluran tersumbat" not in held


def test_the_queue_costs_the_same_queries_with_more_cases(operator_client, sebuntal):
    make_case(sebuntal, "Satu")
    operator_client.get(reverse("complaints_admin:queue"))
    with CaptureQueriesContext(connection) as few:
        operator_client.get(reverse("complaints_admin:queue"))
    for n in range(10):
        make_case(sebuntal, f"Lagi {n}", state=S.VERIFIED)
    with CaptureQueriesContext(connection) as many:
        operator_client.get(reverse("complaints_admin:queue"))
    assert len(many) == len(few)


def test_the_operator_verifies_replies_and_resolves_from_the_case_screen(operator_client, operator, sebuntal):
    case = make_case(sebuntal, email="warga@contoh.id")
    screen = reverse("complaints_admin:case", args=[case.pk])
    body = operator_client.get(screen).content.decode()
    assert "Verifikasi" in body and "Budi Santoso" in body
    operator_client.post(screen, {"tindakan": "verify"})
    expected = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    operator_client.post(
        screen, {"tindakan": "follow_up", "comment": "Kami kirim tim besok.", "expected_on": expected}
    )
    operator_client.post(screen, {"tindakan": "resolve", "comment": "Sudah dibersihkan."})
    with scope(village=sebuntal.pk):
        case = Complaint.objects.get(pk=case.pk)
        actors = set(case.events.exclude(action="submit").values_list("actor", flat=True))
    assert case.state == S.RESOLVED and case.expected_on.isoformat() == expected and actors == {operator.pk}


def test_a_stale_decision_is_refused(operator_client, sebuntal):
    case = make_case(sebuntal)
    screen = reverse("complaints_admin:case", args=[case.pk])
    stale = (case.updated_at - datetime.timedelta(seconds=5)).isoformat()
    operator_client.post(screen, {"tindakan": "verify", "seen": stale})
    with scope(village=sebuntal.pk):
        assert Complaint.objects.get(pk=case.pk).state == S.RECEIVED


def test_held_items_are_released_or_deleted(operator_client, sebuntal):
    real = make_case(sebuntal, "Bukan spam", held=("terlalu_cepat",))
    spam = make_case(sebuntal, "Togel", held=("judi_online",))
    operator_client.post(reverse("complaints_admin:case", args=[real.pk]), {"tindakan": "release"})
    operator_client.post(reverse("complaints_admin:delete_held", args=[spam.pk]))
    with scope(village=sebuntal.pk):
        assert not Complaint.objects.get(pk=real.pk).held
        assert not Complaint.objects.filter(pk=spam.pk).exists()
    # A case that is not held is never deleted.
    assert operator_client.post(reverse("complaints_admin:delete_held", args=[real.pk])).status_code == 404


def test_another_village_operator_can_neither_see_nor_act(other_operator_client, sebuntal):
    case = make_case(sebuntal, "Rahasia Sebuntal")
    screen = reverse("complaints_admin:case", args=[case.pk])
    assert other_operator_client.get(screen).status_code == 404
    assert other_operator_client.post(screen, {"tindakan": "verify"}).status_code == 404
    assert (
        other_operator_client.post(reverse("complaints_admin:delete_held", args=[case.pk])).status_code == 404
    )
    assert (
        "Rahasia Sebuntal"
        not in other_operator_client.get(reverse("complaints_admin:queue")).content.decode()
    )
    assert other_operator_client.get(reverse("complaints_admin:figures")).status_code == 403


def test_the_regency_admin_sees_forwarded_cases_of_all_villages(client, regency_admin, sebuntal, santan_ulu):
    from sinergi.complaints.workflow import act

    for village, title in ((sebuntal, "Jalan kabupaten rusak"), (santan_ulu, "Jembatan kabupaten")):
        case = make_case(village, title, state=S.VERIFIED)
        act(case, "forward", roles={"operator"}, comment="Jalan kabupaten.", forwarded_to="kabupaten")
    make_case(sebuntal, "Tidak diteruskan", state=S.VERIFIED)
    client.force_login(regency_admin)
    body = client.get(reverse("complaints_admin:queue"), {"diteruskan": "1"}).content.decode()
    assert "Jalan kabupaten rusak" in body and "Jembatan kabupaten" in body and "Tidak diteruskan" not in body


def test_the_dashboard_panel_shows_counts_and_ages(operator_client, sebuntal):
    make_case(sebuntal, "Menunggu")
    make_case(sebuntal, "Spam", held=("judi_online",))
    body = operator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pengaduan warga" in body and "Menunggu verifikasi: <strong>1</strong>" in body
    assert "Ditahan penyaring spam: <strong>1</strong>" in body


def test_the_reminder_goes_to_operators_of_villages_with_overdue_cases(operator, sebuntal, santan_ulu):
    late = make_case(sebuntal, "Terlambat")
    make_case(santan_ulu, "Baru")
    with scopes_disabled():
        Complaint.objects.filter(pk=late.pk).update(
            verify_due=timezone.localdate() - datetime.timedelta(days=2)
        )
    mail.outbox.clear()
    out = io.StringIO()
    call_command("complaints_remind", "--now", stdout=out)
    assert "1 pengingat" in out.getvalue()
    assert [m.to for m in mail.outbox] == [[operator.email]]
    assert "melewati batas waktu" in mail.outbox[0].subject


def test_targets_are_the_regencys_setting(sebuntal, regency):
    settings = ComplaintSettings.for_regency(regency)
    assert (settings.verify_days, settings.reply_days) == (3, 10)
    settings.verify_days = 1
    settings.save()
    case = make_case(sebuntal)
    from sinergi.casework.calendar import WorkingCalendar

    calendar = WorkingCalendar(regency)
    assert case.verify_due == calendar.deadline(case.received_at, 1).date


def test_figures_per_village_and_month_in_csv_and_excel(client, regency_admin, sebuntal, santan_ulu):
    make_case(sebuntal, "A", state=S.RESOLVED)
    make_case(sebuntal, "B", state=S.REJECTED)
    make_case(sebuntal, "C", held=("judi_online",))
    make_case(santan_ulu, "D", state=S.VERIFIED)
    client.force_login(regency_admin)
    url = reverse("complaints_admin:figures")
    body = client.get(url, {"urut": "-received"}).content.decode()
    assert sebuntal.name in body and "Spam atau iklan: 1" in body
    rows = list(
        csv.reader(io.StringIO(client.get(url, {"format": "csv", "urut": "-received"}).content.decode()))
    )
    assert rows[0][0] == "Desa/kelurahan"
    sebuntal_row = next(r for r in rows if r[0] == sebuntal.name)
    assert sebuntal_row[3:9] == ["3", "1", "1", "1", "Spam atau iklan: 1", "1"]
    assert rows[1][0] == sebuntal.name  # sorted by received, most first
    book = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content))
    assert book.active["A1"].value == "Desa/kelurahan" and book.active.max_row == 3


def test_figures_cost_the_same_queries_with_more_villages_and_cases(
    client, regency_admin, sebuntal, santan_ulu
):
    make_case(sebuntal, "A", state=S.RESOLVED)
    client.force_login(regency_admin)
    url = reverse("complaints_admin:figures")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for village in (sebuntal, santan_ulu):
        for n in range(4):
            make_case(village, f"Lagi {n}", state=S.RESOLVED)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
