"""Deadlines in working days (UU 14/2008 Pasal 22, 36, 37) as the citizen and the operator see them,
and the reminder three working days before."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.casework import tracking
from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.workflow import TransitionError
from sinergi.ppid.models import PpidRegencySettings
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.request_reminders import remind_ppid_deadlines
from sinergi.ppid.tests.request_helpers import (
    act_on_objection,
    act_on_request,
    local,
    make_request,
    page_url,
    submit_objection,
)

pytestmark = pytest.mark.django_db


def test_a_request_received_on_the_friday_before_the_long_weekend_is_due_on_15_june_2026(sebuntal):
    case = make_request(sebuntal, at=local(2026, 5, 29, 10, 0))
    assert case.due_date == datetime.date(2026, 6, 15)
    assert case.due_unconfirmed == ""


def test_after_office_hours_the_count_starts_from_the_next_working_day(sebuntal):
    before = make_request(sebuntal, at=local(2026, 5, 29, 10, 0))
    after = make_request(sebuntal, at=local(2026, 5, 29, 17, 0))
    assert after.due_date > before.due_date
    calendar = WorkingCalendar(sebuntal.district.regency)
    assert calendar.received_on(after.received_at) == datetime.date(2026, 6, 2)


def test_one_extension_of_seven_working_days_with_a_reason(sebuntal, operator):
    case = make_request(sebuntal, at=local(2026, 5, 29, 10, 0))
    with pytest.raises(TransitionError):
        act_on_request(case, "extend", user=operator, comment="")
    case, _event = act_on_request(case, "extend", user=operator, comment="Dokumen di arsip kecamatan.")
    calendar = WorkingCalendar(sebuntal.district.regency)
    assert case.due_date == calendar.add_working_days(datetime.date(2026, 6, 15), 7).date
    assert calendar.working_days_between(datetime.date(2026, 6, 15), case.due_date) == 7
    assert case.extension_reason == "Dokumen di arsip kecamatan."
    with pytest.raises(TransitionError):
        act_on_request(case, "extend", user=operator, comment="Lagi.")


def test_a_deadline_in_a_year_without_holiday_data_is_shown_with_a_warning(client, sebuntal):
    case = make_request(sebuntal, at=local(2027, 12, 24, 10, 0))
    assert case.due_date.year == 2028 and case.due_unconfirmed == "2028"
    page = client.get(f"{page_url(sebuntal)}lacak/{tracking.display_code(case.tracking_code)}/")
    assert "kalender libur tahun 2028 belum tersedia" in page.content.decode()


def test_a_refusal_must_name_its_exemption_ground_and_not_held_where_it_may_be(sebuntal, operator):
    case = make_request(sebuntal)
    with pytest.raises(TransitionError):
        act_on_request(case, "refuse", user=operator, comment="Tidak boleh.")
    with pytest.raises(TransitionError):
        act_on_request(case, "not_held", user=operator, comment="Tidak ada.")
    case, _event = act_on_request(
        case, "refuse", user=operator, comment="Data pribadi warga.", grounds=["17h", "99z"]
    )
    assert case.exemption_grounds == ["17h"] and case.answered_at


def test_an_objection_later_than_30_working_days_is_explained_and_refused(sebuntal, operator):
    case = make_request(sebuntal, at=timezone.now() - datetime.timedelta(days=120))
    with scopes_disabled():
        InformationRequest.objects.filter(pk=case.pk).update(
            state=InformationRequest.State.GRANTED, answered_at=timezone.now() - datetime.timedelta(days=90)
        )
        case.refresh_from_db()
    objection = submit_objection(case, {"grounds": ["35d"], "reasons": "Tidak sesuai."})
    assert objection.state == Objection.State.LATE
    with scopes_disabled():
        assert "Pasal 36" in objection.events.get().comment


def test_the_atasan_answers_and_the_route_to_the_komisi_informasi_is_shown(client, sebuntal, operator):
    PpidRegencySettings.for_regency(sebuntal.district.regency)
    PpidRegencySettings.objects.filter(regency=sebuntal.district.regency).update(
        commission_name="Komisi Informasi Provinsi Kalimantan Timur",
        commission_address="Jl. Contoh 1, Samarinda",
    )
    case = make_request(sebuntal)
    case, _e = act_on_request(case, "refuse", user=operator, comment="Rahasia.", grounds=["17h"])
    objection = submit_objection(case, {"grounds": ["35a"], "reasons": "Bukan rahasia."})
    calendar = WorkingCalendar(sebuntal.district.regency)
    assert objection.due_date == calendar.deadline(objection.received_at, 30).date
    objection, _e = act_on_objection(objection, "dismiss", user=operator, comment="Tetap dikecualikan.")
    assert objection.commission_deadline == calendar.add_working_days(timezone.localdate(), 14).date
    page = client.get(f"{page_url(sebuntal)}lacak/{case.tracking_code}/").content.decode()
    assert "Komisi Informasi Provinsi Kalimantan Timur" in page and "Jl. Contoh 1, Samarinda" in page
    assert "Tetap dikecualikan." in page


def test_operators_are_reminded_three_working_days_before_and_only_once(sebuntal, operator):
    calendar = WorkingCalendar(sebuntal.district.regency)
    near = make_request(sebuntal)
    far = make_request(sebuntal)
    today = timezone.localdate()
    with scopes_disabled():
        InformationRequest.objects.filter(pk=near.pk).update(
            due_date=calendar.add_working_days(today, 3).date
        )
        InformationRequest.objects.filter(pk=far.pk).update(due_date=calendar.add_working_days(today, 4).date)
    mail.outbox.clear()
    assert remind_ppid_deadlines.call() == 1
    reminder = [m for m in mail.outbox if m.to == ["operator@sebuntal.test"]]
    assert len(reminder) == 1 and near.reference in reminder[0].body and far.reference not in reminder[0].body
    assert "Siti" not in reminder[0].body
    assert remind_ppid_deadlines.call() == 0


def test_a_new_regional_holiday_moves_the_due_date_of_open_requests(
    sebuntal, operator, django_capture_on_commit_callbacks
):
    from sinergi.casework.models import Holiday

    case = make_request(sebuntal, at=local(2026, 5, 29, 10, 0))
    answered = make_request(sebuntal, at=local(2026, 5, 29, 10, 0))
    act_on_request(answered, "grant", user=operator, comment="Terlampir.")
    with django_capture_on_commit_callbacks(execute=True):
        Holiday.objects.create(
            regency=sebuntal.district.regency, date=datetime.date(2026, 6, 10), name="Hari jadi"
        )
    with scopes_disabled():
        assert InformationRequest.objects.get(pk=case.pk).due_date == datetime.date(
            2026, 6, 17
        )  # 16 June is 1 Muharram
        assert InformationRequest.objects.get(pk=answered.pk).due_date == datetime.date(2026, 6, 15)
