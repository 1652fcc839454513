"""Santan Ulu's operator gets nothing of Sebuntal's KIM: every kim_admin URL, filled with Sebuntal's ids,
answers 403 or 404 and changes nothing. The URLs come from the resolver, so a new view is covered
as soon as it is added."""

import pytest
from django.urls import get_resolver, reverse
from django_scopes import scope

from sinergi.kim.models import Activity, KimClassification, KimMember, Report
from sinergi.kim.tests.admin_helpers import with_photo

pytestmark = pytest.mark.django_db
POST_ONLY = {"member_active", "member_invitation", "notifications_read", "activity_review"}


def kim_admin_patterns():
    _prefix, resolver = get_resolver().namespace_dict["kim_admin"]
    return [(p.name, sorted(p.pattern.converters)) for p in resolver.url_patterns]


@pytest.fixture
def sebuntal_ids(member, regency):
    report = with_photo(member)
    with scope(village=report.village_id):
        photo = report.photos.get()
        # Waiting for Sebuntal's operator to show or hide it.
        activity = Activity.objects.create(
            kim_id=member.kim_id, kind=Activity.Kind.DISSEMINATION, place="Balai Desa", description="Rapat."
        )
    classification = KimClassification.objects.create(regency=regency, name="Madya")
    return {
        "report_id": report.pk,
        "photo_id": photo.pk,
        "kim_id": member.kim_id,
        "member_id": member.pk,
        "regency_id": regency.pk,
        "classification_id": classification.pk,
        "activity_id": activity.pk,
    }


def urls(ids):
    return [
        (name, reverse(f"kim_admin:{name}", kwargs={k: ids[k] for k in kwargs}))
        for name, kwargs in kim_admin_patterns()
    ]


def snapshot(member):
    with scope(village=member.village_id):
        member.refresh_from_db()
        member.user.refresh_from_db()
        return (
            list(Report.objects.values_list("pk", "state")),
            list(KimMember.objects.values_list("pk", "is_active", "name", "phone")),
            member.user.password,
            sorted(member.invitations.values_list("pk", flat=True)),
            list(KimClassification.objects.values_list("pk", "name")),
            list(Activity.objects.values_list("pk", "review")),
        )


def test_every_kim_admin_url_is_covered():
    names = {name for name, _kwargs in kim_admin_patterns()}
    assert {"queue", "report_detail", "report_photo", "kim_detail", "member_edit", "regency_rules"} <= names


def test_another_villages_operator_gets_nothing_of_sebuntal(other_operator_client, member, sebuntal_ids):
    before = snapshot(member)
    checked = []
    for name, url in urls(sebuntal_ids):
        needs_an_object = any(kwargs for n, kwargs in kim_admin_patterns() if n == name)
        if not needs_an_object:
            continue
        for method in ("get", "post"):
            data = {"action": "approve_publish", "active": "0", "name": "Diubah", "comment": "x"}
            response = (
                getattr(other_operator_client, method)(url, data)
                if method == "post"
                else other_operator_client.get(url)
            )
            assert response.status_code in (403, 404), (
                f"{method.upper()} {name} {url}: {response.status_code}"
            )
            checked.append(name)
    assert snapshot(member) == before
    assert set(checked) >= {"report_detail", "report_photo", "kim_detail", "kim_edit", "member_invitation"}


def test_the_lists_of_another_operator_do_not_show_sebuntal(other_operator_client, member, sebuntal_ids):
    for name in ("queue", "kim_list"):
        response = other_operator_client.get(reverse(f"kim_admin:{name}"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "KIM Sebuntal Bersatu" not in html
        assert "Posyandu Melati menimbang" not in html
    export = other_operator_client.get(reverse("kim_admin:kim_list"), {"format": "csv"}).content.decode()
    assert "Sebuntal" not in export
    assert (
        other_operator_client.get(reverse("kim_admin:queue"), {"kim": sebuntal_ids["kim_id"]}).status_code
        == 404
    )


def test_the_same_urls_work_for_the_regency_admin(client, regency_admin, member, sebuntal_ids):
    client.force_login(regency_admin)
    for name, url in urls(sebuntal_ids):
        if name in POST_ONLY:
            continue
        assert client.get(url).status_code in (200, 302), name
