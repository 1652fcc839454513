"""A complaint's stored due dates follow the regency's holiday table and its response targets."""

import datetime
from zoneinfo import ZoneInfo

from django_scopes import scopes_disabled

from sinergi.casework.models import Holiday
from sinergi.complaints.models import Complaint, ComplaintSettings
from sinergi.complaints.tests.factories import make_case

FRIDAY_BEFORE_LONG_WEEKEND = datetime.datetime(2026, 5, 29, 10, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def received_on_friday(case):
    with scopes_disabled():
        Complaint.objects.filter(pk=case.pk).update(received_at=FRIDAY_BEFORE_LONG_WEEKEND)
        return Complaint.objects.get(pk=case.pk)


def due(case):
    with scopes_disabled():
        fresh = Complaint.objects.get(pk=case.pk)
    return fresh.verify_due, fresh.reply_due


def test_a_new_regional_holiday_moves_open_cases_only(sebuntal, django_capture_on_commit_callbacks):
    open_case = received_on_friday(make_case(sebuntal))
    closed = received_on_friday(make_case(sebuntal, "Lampu jalan mati", state=Complaint.State.RESOLVED))
    closed_before = due(closed)
    with django_capture_on_commit_callbacks(execute=True):
        Holiday.objects.create(
            regency=sebuntal.district.regency, date=datetime.date(2026, 6, 3), name="Hari jadi"
        )
    # 30-31 May weekend, 1 June Hari Lahir Pancasila, 3 June the regency's holiday, 16 June 1 Muharam.
    assert due(open_case) == (datetime.date(2026, 6, 5), datetime.date(2026, 6, 17))
    assert due(closed) == closed_before


def test_changing_the_regency_targets_moves_open_cases(sebuntal, django_capture_on_commit_callbacks):
    case = received_on_friday(make_case(sebuntal))
    settings = ComplaintSettings.for_regency(sebuntal.district.regency)
    settings.verify_days, settings.reply_days = 5, 7
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    assert due(case) == (datetime.date(2026, 6, 8), datetime.date(2026, 6, 10))
