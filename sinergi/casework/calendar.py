"""The working-day clock of the citizen services: deadlines counted in hari kerja.

A working day is a Monday to Friday that is neither a national holiday nor cuti bersama (from
`lokal-id`, which has them for the years whose SKB 3 Menteri is out) nor a holiday of the instance's
own table (`casework.Holiday`: the regency's own days off, and national days of years `lokal-id`
does not have yet). Dates are in the instance's time zone (settings.TIME_ZONE).

Counting (UU 14/2008 Pasal 22(7): "paling lambat 10 hari kerja sejak diterimanya permintaan"): the
day of receipt is not counted; a case received on a day off, or on a working day after the office
closes (`ServiceSettings.office_closes`), counts as received on the next working day. So a request
received on Friday 29 May 2026 before closing time is due on Monday 15 June 2026 (1 June, Hari Lahir
Pancasila, is skipped).

When a count crosses a year for which the instance has no national holiday data, the clock still
answers (counting weekends only for that year) and says which year it could not confirm: a deadline
is then shown with a warning instead of silently assuming there are no holidays.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.utils import timezone
from lokal import holidays as lokal_holidays

from sinergi.casework.models import Holiday, ServiceSettings

SATURDAY, SUNDAY = 5, 6
# Longest count we expect (30 working days and a bit): guards the loops against a runaway call.
MAX_DAYS = 3660


@dataclass(frozen=True)
class Deadline:
    """A due date and the working day its count started from (the deemed day of receipt)."""

    date: datetime.date
    received_on: datetime.date
    working_days: int
    unconfirmed_years: tuple[int, ...] = field(default=())

    @property
    def confirmed(self) -> bool:
        return not self.unconfirmed_years


class WorkingCalendar:
    """Working days of one regency (or of the instance, with regency=None).

    Loads the instance's holiday table once per calendar object (one query); build one per request
    or per task, not per case.
    """

    def __init__(self, regency=None, *, office_closes: datetime.time | None = None):
        self.regency = regency
        self._office_closes = office_closes

    @cached_property
    def office_closes(self) -> datetime.time:
        if self._office_closes is not None:
            return self._office_closes
        if self.regency is None:
            return datetime.time(16, 0)
        return ServiceSettings.for_regency(self.regency).office_closes

    @cached_property
    def _table(self) -> tuple[frozenset, frozenset]:
        rows = Holiday.objects.filter(regency__isnull=True)
        if self.regency is not None:
            rows = Holiday.objects.filter(regency=self.regency) | rows
        dates, national_years = set(), set()
        for date, kind, regency_id in rows.values_list("date", "kind", "regency_id"):
            dates.add(date)
            if kind == Holiday.Kind.NATIONAL and regency_id is None:
                national_years.add(date.year)
        return frozenset(dates), frozenset(national_years)

    def has_data_for(self, year: int) -> bool:
        """Whether the national holidays of `year` are known (lokal-id or the instance's table)."""
        return year in lokal_holidays.HOLIDAY_YEARS or year in self._table[1]

    def is_working_day(self, day: datetime.date) -> bool:
        if day.weekday() in (SATURDAY, SUNDAY) or day in self._table[0]:
            return False
        if day.year in lokal_holidays.HOLIDAY_YEARS:
            return lokal_holidays.is_working_day(day.isoformat())
        return True

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day after `day`."""
        for _n in range(MAX_DAYS):
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError("no working day found")

    def received_on(self, moment: datetime.datetime) -> datetime.date:
        """The day a case received at `moment` counts as received (a working day)."""
        local = timezone.localtime(moment)
        day = local.date()
        if self.is_working_day(day) and local.time() < self.office_closes:
            return day
        return self.next_working_day(day)

    def add_working_days(self, start: datetime.date, days: int) -> Deadline:
        """The date `days` working days after `start` (`start` itself not counted)."""
        unconfirmed = set()
        day = start
        counted = 0
        while counted < days:
            day += datetime.timedelta(days=1)
            if not self.has_data_for(day.year):
                unconfirmed.add(day.year)
            if self.is_working_day(day):
                counted += 1
        return Deadline(
            date=day, received_on=start, working_days=days, unconfirmed_years=tuple(sorted(unconfirmed))
        )

    def deadline(self, received_at: datetime.datetime, days: int) -> Deadline:
        """Due date of something that must be done within `days` working days of `received_at`."""
        return self.add_working_days(self.received_on(received_at), days)

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after `start` up to and including `end` (0 when `end` is not after `start`)."""
        if end <= start:
            return 0
        days = (end - start).days
        if days > MAX_DAYS:
            raise ValueError("range too long")
        return sum(1 for n in range(1, days + 1) if self.is_working_day(start + datetime.timedelta(days=n)))

    def working_days_taken(self, received_at: datetime.datetime, done_at: datetime.datetime) -> int:
        """How many working days something received at `received_at` took until `done_at`."""
        return self.working_days_between(self.received_on(received_at), timezone.localdate(done_at))

    def missing_years(self, today: datetime.date | None = None, ahead: int = 1) -> list[int]:
        """Years from this one to `ahead` years on whose national holidays the instance does not know."""
        year = (today or timezone.localdate()).year
        return [y for y in range(year, year + ahead + 1) if not self.has_data_for(y)]
