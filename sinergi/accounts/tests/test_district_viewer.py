"""The kecamatan viewer: reads the index of its kecamatan's villages, changes nothing, manages nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from sinergi.accounts.access import (
    is_district_viewer,
    managed_village_ids,
    manages_any_village,
    may_view_village,
    viewable_district_ids,
)
from sinergi.accounts.models import DistrictViewer
from sinergi.accounts.services import VIEWERS_GROUP, make_district_viewer
from sinergi.regions.models import District, Village

pytestmark = pytest.mark.django_db

MARANG_KAYU = "64.02.17"
TENGGARONG = "64.02.06"


@pytest.fixture
def viewer(db):
    user = get_user_model().objects.create_user(username="camat.marangkayu", password="uji-sandi-sinergi")
    make_district_viewer(user, District.objects.get(code=MARANG_KAYU))
    return user


def test_the_viewer_reads_its_kecamatan_and_manages_no_village(viewer, sebuntal):
    marang_kayu = District.objects.get(code=MARANG_KAYU)
    assert viewable_district_ids(viewer) == {marang_kayu.pk}
    assert may_view_village(viewer, sebuntal)
    tenggarong_village = Village.objects.filter(district__code=TENGGARONG).first()
    assert not may_view_village(viewer, tenggarong_village)
    # Nothing that asks "who manages this village" (KIM, PPID, complaints, APBDes) counts it in.
    assert managed_village_ids(viewer) == frozenset()
    assert not manages_any_village(viewer)
    assert is_district_viewer(viewer)


def test_the_viewer_group_grants_admin_sign_in_only_and_follows_the_rows(viewer):
    assert list(viewer.groups.values_list("name", flat=True)) == [VIEWERS_GROUP]
    permissions = {f"{p.content_type.app_label}.{p.codename}" for p in viewer.groups.get().permissions.all()}
    assert permissions == {"wagtailadmin.access_admin"}
    assert not Page.objects.get(depth=2).permissions_for_user(viewer).can_edit()
    DistrictViewer.objects.filter(user=viewer).delete()
    assert not viewer.groups.exists()
    assert not is_district_viewer(viewer)


def test_regency_admin_and_operator_views(regency_admin, operator, regency):
    assert viewable_district_ids(regency_admin) == set(regency.districts.values_list("pk", flat=True))
    assert viewable_district_ids(operator) == frozenset()


def test_the_regency_admin_assigns_a_viewer_and_an_operator_cannot(client, regency_admin, operator):
    camat = get_user_model().objects.create_user(username="staf.camat")
    district = District.objects.get(code=TENGGARONG)
    client.force_login(operator)
    response = client.post(reverse("district_viewers:add"), {"user": camat.pk, "district": district.pk})
    assert response.status_code in {302, 403} and not DistrictViewer.objects.exists()
    if response.status_code == 302:
        assert not response["Location"].startswith(reverse("district_viewers:index"))

    client.force_login(regency_admin)
    assert client.get(reverse("district_viewers:index")).status_code == 200
    response = client.post(reverse("district_viewers:add"), {"user": camat.pk, "district": district.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    row = DistrictViewer.objects.get()
    assert (row.user, row.district) == (camat, district)
    assert camat.groups.filter(name=VIEWERS_GROUP).exists()
    response = client.post(reverse("district_viewers:delete", args=[row.pk]))
    assert response.status_code == 302 and not DistrictViewer.objects.exists()
    assert not camat.groups.exists()


def test_the_viewers_admin_menu_has_no_editing_section(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    body = response.content.decode()
    for section in ("/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/", "/admin/kim/"):
        assert f'"url": "{section}' not in body and f'href="{section}"' not in body, section
    for url in (
        reverse("district_viewers:index"),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
    ):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
