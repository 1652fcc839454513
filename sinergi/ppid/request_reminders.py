"""Reminding village operators of PPID deadlines: REMIND_DAYS_BEFORE (3) working days before a
request's or an objection's deadline, and every day once it has passed. Run daily by `ppid_remind`
(docs/operations.md). A case is reminded at most once per deadline date (`reminded_for`), and once
more when its deadline has passed."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext
from django_scopes import scopes_disabled
from django_tasks import task

from sinergi.casework import notify
from sinergi.casework.calendar import WorkingCalendar
from sinergi.ppid import request_law as law
from sinergi.ppid.request_models import InformationRequest, Objection


def due_for_reminder(calendar, due_date, today) -> bool:
    """True when `today` is at most REMIND_DAYS_BEFORE working days before `due_date` (or after it)."""
    return due_date <= today or calendar.working_days_between(today, due_date) <= law.REMIND_DAYS_BEFORE


@task()
def remind_ppid_deadlines() -> int:
    """E-mail each village's operators a list of its cases near or past their deadline; returns the
    number of cases reminded of. Personal data of requesters is never in the e-mail."""
    today = timezone.localdate()
    reminded = 0
    calendars = {}
    with scopes_disabled():
        horizon = today + datetime.timedelta(days=10)  # 3 working days are never more than 10 calendar days
        cases = [
            *InformationRequest.objects.filter(state__in=InformationRequest.OPEN_STATES, due_date__lte=horizon)
            .select_related("village__district__regency"),
            *Objection.objects.filter(state__in=Objection.OPEN_STATES, due_date__lte=horizon)
            .select_related("village__district__regency"),
        ]  # fmt: skip
        by_village = {}
        for case in cases:
            regency = case.village.district.regency
            calendar = calendars.setdefault(regency.pk, WorkingCalendar(regency))
            if not due_for_reminder(calendar, case.due_date, today):
                continue
            mark = today if case.due_date < today else case.due_date
            if case.reminded_for == mark:
                continue
            by_village.setdefault(case.village, []).append(case)
            type(case).objects.filter(pk=case.pk).update(reminded_for=mark)
    for village, items in by_village.items():
        lines = []
        for case in sorted(items, key=lambda c: c.due_date):
            kind = gettext("Keberatan") if isinstance(case, Objection) else gettext("Permohonan")
            late = gettext(" (TERLAMBAT)") if case.due_date < today else ""
            lines.append(f"{kind} {case.reference}: {gettext('batas waktu')} {case.due_date:%d-%m-%Y}{late}")
        notify.email_operators(
            village,
            gettext("PPID %(village)s: %(n)s batas waktu mendekat") % {"village": village, "n": len(items)},
            lines,
            _queue_url(),
        )
        reminded += len(items)
    return reminded


def _queue_url() -> str:
    from django.urls import reverse

    return reverse("ppid_requests:queue")
