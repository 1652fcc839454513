"""Builders for the admin-side KIM tests: sent reports, backdated ones, photos."""

import datetime as dt
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scope

from sinergi.core.tests.helpers import jpeg_bytes
from sinergi.kim.models import Report, ReportEvent
from sinergi.kim.services import save_report
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.workflow import do_transition


def submitted(member, title="Gotong royong membersihkan parit di Dusun II", **fields):
    return do_transition(write_report(member, title, **fields), "submit", by=member.user)


def with_photo(member, title="Posyandu Melati menimbang balita di Dusun I"):
    photo = SimpleUploadedFile("foto.jpg", jpeg_bytes(40, 30), content_type="image/jpeg")
    report = save_report(
        member,
        client_key=uuid.uuid4(),
        fields={"title": title, "body": "Kader posyandu menimbang balita.", "consent_confirmed": True},
        photos=[photo],
    ).report
    return do_transition(report, "submit", by=member.user)


def backdate(report, days: float, *, action="submit"):
    """Make the report's latest `action` (and its submitted_at for "submit") `days` old."""
    when = timezone.now() - dt.timedelta(days=days)
    with scope(village=report.village_id):
        event = ReportEvent.objects.filter(report=report, action=action).latest("created_at", "pk")
        ReportEvent.objects.filter(pk=event.pk).update(created_at=when)
        if action == "submit":
            Report.objects.filter(pk=report.pk).update(submitted_at=when)
    report.refresh_from_db()
    return report
