"""Storing a new complaint: numbered, tracked, due dates from the regency's targets, photos cleaned."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope

from sinergi.casework.calendar import WorkingCalendar
from sinergi.casework.tracking import new_tracking_code, next_number, registration
from sinergi.complaints.models import Complaint, ComplaintPhoto, ComplaintSettings
from sinergi.complaints.workflow import set_due_dates

FIELDS = (
    "kind",
    "category",
    "title",
    "description",
    "location_text",
    "latitude",
    "longitude",
    "name",
    "email",
    "phone",
    "show_name",
    "may_publish",
)


def submit(village, data: dict, photos=(), held_reasons=(), *, calendar=None, settings=None) -> Complaint:
    """Store one complaint (and its photos) in one transaction; returns it. `held_reasons`: why the
    guard holds it (never public until an operator releases it)."""
    regency = village.district.regency
    calendar = calendar or WorkingCalendar(regency)
    settings = settings or ComplaintSettings.for_regency(regency)
    now = timezone.now()
    year = timezone.localdate(now).year
    for _attempt in range(3):  # a tracking-code collision (60 random bits) is retried
        try:
            with scope(village=village.pk), transaction.atomic():
                number = next_number(village, Complaint.SERIES, year)
                case = Complaint(
                    village=village,
                    number=number,
                    year=year,
                    reference=registration(number, Complaint.LABEL, village, year),
                    tracking_code=new_tracking_code(),
                    received_at=now,
                    held=bool(held_reasons),
                    held_reason=",".join(held_reasons)[:120],
                    **{f: data.get(f) for f in FIELDS if data.get(f) is not None},
                )
                case.village = village
                set_due_dates(case, calendar, settings)
                case.save()
                for n, photo in enumerate(photos):
                    stored = ComplaintPhoto(
                        complaint=case, format=photo.format, width=photo.width, height=photo.height, order=n
                    )
                    stored.file.save("foto", photo.content, save=False)
                    stored.save()
                case.events.create(
                    village=village, action="submit", to_state=case.state, public=True, created_at=now
                )
            break
        except IntegrityError:
            if _attempt == 2:
                raise
    from sinergi.complaints.notifications import notify_new

    transaction.on_commit(lambda: notify_new(case.pk))
    return case
