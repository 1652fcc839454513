"""Exactly-once sends: the memory of handled sends is in the database, not the cache (which empties)."""

import uuid
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from sinergi.kim.models import ReportSend
from sinergi.kim.services import AlreadySent, save_report
from sinergi.kim.tests.member_helpers import JSON, NEW_REPORT, photo, report_data, reports_of

pytestmark = pytest.mark.django_db


def edit_url(report) -> str:
    return f"/kim/laporan/{report.pk}/ubah/"


def test_a_new_report_sent_twice_with_the_cache_emptied_between_is_one_report(member_client, member):
    data = report_data(action="submit")
    first = member_client.post(NEW_REPORT, {**data, "photos": [photo()]})
    cache.clear()  # a restarted worker, a flushed Redis: nothing remembered there any more
    again = member_client.post(NEW_REPORT, {**data, "photos": [photo()]})

    [report] = reports_of(member)
    assert len(report.photos.all()) == 1
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]


def test_an_edit_with_two_photos_sent_twice_with_the_cache_emptied_between_keeps_two_photos(
    member_client, member
):
    member_client.post(NEW_REPORT, report_data(action="draft"))
    [report] = reports_of(member)
    edit = report_data(client_key=str(report.client_key), action="draft")

    first = member_client.post(edit_url(report), {**edit, "photos": [photo("a.jpg"), photo("b.jpg")]}, **JSON)
    cache.clear()
    again = member_client.post(edit_url(report), {**edit, "photos": [photo("a.jpg"), photo("b.jpg")]}, **JSON)

    [report] = reports_of(member)
    assert len(report.photos.all()) == 2
    assert first.status_code == again.status_code == 200
    assert again.json()["replay"] is True
    assert {k: v for k, v in again.json().items() if k != "replay"} == {
        k: v for k, v in first.json().items() if k != "replay"
    }


def test_the_replayed_edit_without_javascript_goes_where_the_first_went(member_client, member):
    member_client.post(NEW_REPORT, report_data(action="draft"))
    [report] = reports_of(member)
    edit = report_data(client_key=str(report.client_key), action="submit")

    first = member_client.post(edit_url(report), {**edit, "photos": [photo()]})
    cache.clear()
    again = member_client.post(edit_url(report), {**edit, "photos": [photo()]})

    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] == f"/kim/laporan/{report.pk}/"
    [report] = reports_of(member)
    assert len(report.photos.all()) == 1


def test_each_saved_send_is_recorded_once_as_new_or_edit(member_client, member):
    data = report_data(action="draft")
    member_client.post(NEW_REPORT, data)
    [report] = reports_of(member)
    member_client.post(edit_url(report), report_data(client_key=str(report.client_key)))
    member_client.post(
        edit_url(report), report_data(client_key=str(report.client_key), send_key=data["send_key"])
    )

    with scope(village=member.village):
        kinds = sorted(ReportSend.objects.filter(member=member).values_list("kind", flat=True))
    assert kinds == ["edit", "new"]


def test_saving_a_send_already_saved_changes_nothing_and_says_so(member):
    key = uuid.uuid4()
    fields = {"title": "Kerja bakti warga di balai desa Sebuntal", "body": "Isi laporan."}
    first = save_report(member, client_key=uuid.uuid4(), fields=fields, photos=[photo()], send_key=key)

    with pytest.raises(AlreadySent) as raised:
        save_report(member, client_key=first.report.client_key, fields={**fields, "title": "Judul lain sekali"},
                    photos=[photo()], send_key=key)  # fmt: skip

    assert raised.value.send.report == first.report
    [report] = reports_of(member)
    assert report.title == fields["title"] and len(report.photos.all()) == 1


def test_old_send_keys_are_pruned_after_the_retention(member_client, member):
    member_client.post(NEW_REPORT, report_data())
    member_client.post(NEW_REPORT, report_data())
    with scopes_disabled():
        old = ReportSend.objects.filter(member=member).first()
        ReportSend.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))

    call_command("kim_prune", days=30)

    with scopes_disabled():
        assert ReportSend.objects.filter(member=member).count() == 1
        assert not ReportSend.objects.filter(pk=old.pk).exists()
