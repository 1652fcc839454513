"""The daily reminder (`manage.py kim_remind`): operators hear about reports waiting too long, and
only those."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django_scopes import scopes_disabled

from sinergi.kim.models import KimSettings, Notification
from sinergi.kim.tests.admin_helpers import backdate, submitted

pytestmark = pytest.mark.django_db


def remind(*args) -> str:
    out = io.StringIO()
    call_command("kim_remind", *args, stdout=out)
    return out.getvalue()


def notified(user):
    with scopes_disabled():
        return list(Notification.objects.filter(user=user).values_list("message", "url"))


def test_only_reports_waiting_longer_than_the_regency_allows_are_reminded(
    member, other_member, operator, other_operator
):
    backdate(submitted(member), 4)  # Sebuntal: 4 days, over the default 3
    backdate(submitted(other_member), 1)  # Santan Ulu: 1 day
    mail.outbox.clear()

    output = remind()

    assert "1 pengingat dikirim" in output
    assert notified(operator) == [("1 laporan KIM menunggu verifikasi lebih dari 3 hari.", "/admin/kim/")]
    assert notified(other_operator) == []
    assert [m.to for m in mail.outbox] == [[operator.email]]
    assert "lebih dari 3 hari" in mail.outbox[0].body
    assert "/admin/kim/" in mail.outbox[0].body


def test_the_regency_setting_changes_the_threshold(member, operator, regency):
    KimSettings.objects.update_or_create(regency=regency, defaults={"review_reminder_days": 7})
    backdate(submitted(member), 4)
    assert "0 pengingat dikirim" in remind("--now")
    assert notified(operator) == []


def test_decided_reports_are_not_reminded(member, operator):
    from sinergi.kim.workflow import do_transition

    report = backdate(submitted(member), 10)
    do_transition(report, "reject", by=operator, comment="Bukan berita desa.")
    remind()
    assert notified(operator) == []


def test_with_a_task_queue_the_reminder_waits_for_the_worker(settings, member, operator):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backdate(submitted(member), 4)
    assert "db_worker" in remind()
    assert notified(operator) == []  # not yet: the worker sends it
    assert "1 pengingat dikirim" in remind("--now")
    assert len(notified(operator)) == 1
