"""Unpublished KIM photos are private files: never at a public address, shown only to the people who
may see them (author, their KIM lead, the village's operators), and gone from storage with their row.
Once a report is published, its article shows cleaned copies from the village's image collection.
"""

import re
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client
from django_scopes import scope, scopes_disabled

from sinergi.core.storage import move_to_private_storage
from sinergi.kim.models import Activity, ActivityPhoto, ReportPhoto
from sinergi.kim.services import save_report
from sinergi.kim.tests.member_helpers import jpeg, photo, report_data, reports_of
from sinergi.kim.workflow import do_transition

pytestmark = pytest.mark.django_db


def report_with_photo(member):
    return save_report(
        member,
        client_key=uuid.uuid4(),
        fields={"title": "Posyandu Melati", "body": "Kader menimbang balita.", "consent_confirmed": True},
        photos=[photo("posyandu.jpg", jpeg(120, 90, gps=True))],
    ).report


def first_photo(report):
    with scope(village=report.village_id):
        return report.photos.get()


def checked_url(report, item) -> str:
    return f"/kim/laporan/{report.pk}/foto/{item.pk}/"


def test_a_report_photo_is_not_served_at_any_public_media_address(member, settings):
    item = first_photo(report_with_photo(member))

    assert Client().get(f"/media/{item.file.name}").status_code == 404
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.jpg"))  # nothing of it in the public folder


def test_a_report_photo_is_shown_to_its_author_lead_and_operator_and_to_no_one_else(
    member, lead, other_member, operator, other_operator
):
    report = report_with_photo(member)
    url = checked_url(report, first_photo(report))

    def status_for(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client.get(url).status_code

    assert status_for(member.user) == 200
    assert status_for(lead.user) == 200
    assert status_for(operator) == 200
    assert status_for(other_operator) == 404
    assert status_for(other_member.user) == 404
    assert status_for(None) == 404


def test_a_report_photo_answers_with_the_cleaned_picture(member, operator_client):
    report = report_with_photo(member)
    response = operator_client.get(checked_url(report, first_photo(report)))

    content = b"".join(response.streaming_content)
    assert response["Content-Type"] == "image/jpeg"
    assert b"KameraRahasia" not in content and content.startswith(b"\xff\xd8")


def test_a_photo_removed_in_the_edit_form_is_deleted_from_storage(
    member_client, member, django_capture_on_commit_callbacks
):
    report = report_with_photo(member)
    item = first_photo(report)
    storage, name = item.file.storage, item.file.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            f"/kim/laporan/{report.pk}/ubah/",
            {**report_data(client_key=str(report.client_key)), "remove_photos": [item.pk]},
        )

    assert response.status_code == 302
    assert reports_of(member)[0].photos.all().count() == 0
    assert not storage.exists(name)
    assert Client().get(checked_url(report, item)).status_code == 404


def test_an_activity_photo_is_private_and_shown_to_its_kim_and_operator_only(
    member_client, member, lead, other_member, operator, other_operator
):
    data = {
        "kind": "diseminasi",
        "date": "2025-08-17",
        "place": "Balai Desa Sebuntal",
        "people_reached": "45",
        "description": "Sosialisasi jadwal posyandu.",
        "photos": [photo("kegiatan.jpg", jpeg(gps=True))],
    }
    assert member_client.post("/kim/kegiatan/", data).status_code == 302
    with scope(village=member.village):
        item = ActivityPhoto.objects.get(activity=Activity.objects.get())
    url = f"/kim/kegiatan/foto/{item.pk}/"

    assert Client().get(f"/media/{item.file.name}").status_code == 404
    statuses = []
    for user in (member.user, lead.user, operator, other_operator, other_member.user, None):
        client = Client()
        if user is not None:
            client.force_login(user)
        statuses.append(client.get(url).status_code)
    assert statuses == [200, 200, 200, 404, 404, 404]


def test_a_published_report_shows_its_photos_publicly_as_cleaned_copies(member, operator):
    report = report_with_photo(member)
    private_name = first_photo(report).file.name
    report = do_transition(report, "submit", by=member.user)
    report = do_transition(report, "approve_publish", by=operator)
    with scopes_disabled():
        page = report.news_page.specific

    html = Client().get(page.url).content.decode()
    addresses = set(re.findall(r'(?:src|content)="(/media/[^"]+)"', html))
    addresses |= {a.split()[0] for a in re.findall(r"/media/[^\s\",]+ \d+w", html)}
    addresses |= set(re.findall(r'content="https?://[^/"]+(/media/[^"]+)"', html))
    assert addresses, html
    for address in addresses:
        response = Client().get(address)
        assert response.status_code == 200, address
        assert b"KameraRahasia" not in b"".join(response.streaming_content)
    assert page.image.file.name != private_name
    assert first_photo(report).file.storage.exists(private_name)  # the report keeps its own (private) photo


def test_the_upgrade_moves_photos_kept_in_public_media_to_the_private_storage(member, settings):
    """Before this version report photos sat under MEDIA_ROOT/kim/ and /media/kim/... served them."""
    report = report_with_photo(member)
    item = first_photo(report)
    name, content = item.file.name, item.file.read()
    item.file.close()
    public, private = storages["default"], storages["private"]
    private.delete(name)
    public.save(name, ContentFile(content))  # where an older version stored it
    assert Client().get(f"/media/{name}").status_code == 200

    assert move_to_private_storage(ReportPhoto) == 1  # what the migration runs for each photo model

    assert Client().get(f"/media/{name}").status_code == 404
    assert not public.exists(name)
    with private.open(name, "rb") as moved:
        assert moved.read() == content
    author = Client()
    author.force_login(member.user)
    assert author.get(checked_url(report, item)).status_code == 200
