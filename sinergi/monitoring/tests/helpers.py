"""Builders shared by the index tests."""

from django.utils import timezone

from sinergi.monitoring.compute import evaluate


def items_of(regency, village, day=None):
    """{check_id: item dict} of `village` computed now, without storing anything."""
    _ruleset, rows = evaluate(regency, day or timezone.localdate(), [village])
    return {item["check_id"]: item for item in rows[0][3]}


def republish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
