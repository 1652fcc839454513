"""Builders for the complaint tests."""

import datetime

from django.utils import timezone
from django_scopes import scope

from sinergi.casework.workflow import OPERATOR
from sinergi.complaints.models import Complaint, ComplaintCategory, ComplaintsPage
from sinergi.complaints.services import submit
from sinergi.complaints.workflow import act


def page_of(village) -> ComplaintsPage:
    return ComplaintsPage.objects.get(village=village)


def category(village, slug="infrastruktur"):
    categories = ComplaintCategory.for_regency(village.district.regency)
    return next(c for c in categories if c.slug == slug)


def make_case(
    village, title="Gorong-gorong tersumbat", *, state=None, held=(), photos=(), **fields
) -> Complaint:
    data = {
        "kind": "pengaduan",
        "category": category(village, fields.pop("category_slug", "infrastruktur")),
        "title": title,
        "description": fields.pop("description", "Air meluap ke jalan setiap hujan."),
        "location_text": "RT 03",
        "name": "Budi Santoso",
        "may_publish": True,
        **fields,
    }
    case = submit(village, data, photos, held)
    path = {
        None: [],
        Complaint.State.VERIFIED: ["verify"],
        Complaint.State.IN_PROGRESS: ["verify", "follow_up"],
        Complaint.State.RESOLVED: ["verify", "follow_up", "resolve"],
        Complaint.State.REJECTED: ["reject"],
    }[state]
    for action in path:
        case, _event = act(
            case,
            action,
            roles={OPERATOR},
            comment=f"Tanggapan {action}",
            expected_on=timezone.localdate() + datetime.timedelta(days=7),
            rejection="spam",
        )
    with scope(village=village.pk):
        return Complaint.objects.get(pk=case.pk)
