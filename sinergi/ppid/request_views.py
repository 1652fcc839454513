"""What the public tracking page shows of a request: state, dates, deadline, answer, objections and
the route to the Komisi Informasi. Nothing about the requester. A fixed number of queries."""

from django.utils import timezone
from django_scopes import scope

from sinergi.casework import tracking
from sinergi.casework.calendar import WorkingCalendar
from sinergi.ppid import request_law as law
from sinergi.ppid.models import PpidRegencySettings
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.request_workflow import OBJECTION_TABLE, REQUEST_TABLE


def tracking_context(page, case) -> dict:
    village = page.village_home.village
    regency = village.district.regency
    today = timezone.localdate()
    with scope(village=village.pk):
        events = [e for e in case.events.all() if e.public]
        objections = list(
            case.objections.exclude(state__in=[Objection.State.NEW, Objection.State.HELD]).prefetch_related(
                "events"
            )
        )
        documents = list(case.documents.all()) if case.state in InformationRequest.ANSWERED_STATES else []
    for event in events:
        event.label = REQUEST_TABLE.label(event.action)
    for objection in objections:
        objection.public_events = [e for e in objection.events.all() if e.public]
        for event in objection.public_events:
            event.label = OBJECTION_TABLE.label(event.action)
        objection.ground_labels = law.objection_labels(objection.grounds)
    answered = case.state in InformationRequest.ANSWERED_STATES
    late_unanswered = case.is_open and case.due_date and case.due_date < today
    may_object = (answered or late_unanswered) and case.state != InformationRequest.State.HELD
    may_object = may_object and not any(o.is_open for o in objections)
    unconfirmed = case.due_unconfirmed
    dispute = any(
        o.state in (Objection.State.UPHELD, Objection.State.DISMISSED) or o.is_overdue(today)
        for o in objections
    )
    return {
        "case": case,
        "code": tracking.display_code(case.tracking_code),
        "events": events,
        "objections": objections,
        "documents": documents,
        "answered": answered,
        "overdue": case.is_overdue(today),
        "unconfirmed": unconfirmed,
        "received_on": WorkingCalendar(regency).received_on(case.received_at),
        "exemptions": law.exemption_labels(case.exemption_grounds),
        "may_object": may_object,
        "commission": PpidRegencySettings.for_regency(regency) if dispute else None,
        "law": law,
    }
