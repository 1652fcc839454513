"""Bulk provisioning builds exactly what the one-by-one path (Wagtail's add_child) builds.

Each path runs on the same database state inside a savepoint that is rolled back afterwards, so both
start from the same tree and their results can be compared row by row (pks aside: rows are named by
their tree path, code or name).
"""

from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django_scopes import scopes_disabled
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    ReferenceIndex,
)
from wagtail.search.models import IndexEntry

from sinergi.ppid.dip_models import DipEntry
from sinergi.regions.models import Village
from sinergi.regions.provisioning import ProvisioningError, expand_codes, provision_regency
from sinergi.villages.models import NewsCategory, ProfilePage, VillageHomePage

SKIPPED_FIELDS = {"id", "page_ptr", "translation_key"}


def _row_counts() -> Counter:
    with scopes_disabled():
        return Counter({m._meta.label: m._base_manager.count() for m in apps.get_models()})


def _value(obj, field, paths, codes):
    value = field.value_from_object(obj)
    if field.is_relation and value is not None:
        if field.related_model is Village:
            return codes[value]
        if issubclass(field.related_model, Page):
            return paths[value]
    return value


def _snapshot(regency_code: str) -> dict:
    """Everything provisioning writes under a regency, named without pks."""
    paths = dict(Page.objects.values_list("pk", "path"))
    codes = dict(Village.objects.values_list("pk", "code"))
    collection_paths = dict(Collection.objects.values_list("pk", "path"))
    group_names = dict(Group.objects.values_list("pk", "name"))
    portal = Page.objects.get(portalpage__regency__code=regency_code)
    pages = {}
    for page in Page.objects.descendant_of(portal, inclusive=True).specific():
        fields = [f for f in page._meta.concrete_fields if f.name not in SKIPPED_FIELDS]
        pages[page.path] = {f.name: _value(page, f, paths, codes) for f in fields}
    with scopes_disabled():
        dip = sorted(DipEntry.objects.values_list("village__code", "item__key"))
    index_entries = sorted(
        (e.content_type_id, paths.get(int(e.object_id)), str(e.title), str(e.body), str(e.autocomplete))
        for e in IndexEntry.objects.all()
    )
    references = sorted(
        (r.content_type_id, r.base_content_type_id, paths.get(int(r.object_id)), r.to_content_type_id,
         codes.get(int(r.to_object_id)), r.model_path, r.content_path)
        for r in ReferenceIndex.objects.all()
    )  # fmt: skip
    return {
        "pages": pages,
        "categories": sorted(NewsCategory.objects.values_list("page__path", "name", "slug", "sort_order")),
        "villages": sorted(
            (
                v.code,
                v.name,
                v.kind,
                v.postal_code,
                v.district.code,
                paths[v.page_id],
                collection_paths[v.collection_id],
                group_names[v.operators_group_id],
            )
            for v in Village.objects.select_related("district")
        ),
        "collections": sorted(Collection.objects.values_list("path", "depth", "numchild", "name")),
        "groups": sorted(
            (g.name, tuple(sorted(g.permissions.values_list("codename", flat=True))))
            for g in Group.objects.all()
        ),
        "page_grants": sorted(
            (group_names[g.group_id], paths[g.page_id], g.permission.codename)
            for g in GroupPagePermission.objects.select_related("permission")
        ),
        "collection_grants": sorted(
            (group_names[g.group_id], collection_paths[g.collection_id], g.permission.codename)
            for g in GroupCollectionPermission.objects.select_related("permission")
        ),
        "log": sorted(
            (e.content_type_id, paths.get(e.page_id), e.label, e.action, e.user_id, e.content_changed)
            for e in PageLogEntry.objects.all()
        ),
        "dip": dip,
        "index": index_entries,
        "references": references,
    }


def _provision(regency_code, district_codes, *, bulk):
    before = _row_counts()
    with transaction.atomic():
        report = provision_regency(regency_code, district_codes=district_codes, bulk=bulk)
        snapshot = _snapshot(regency_code)
        added = _row_counts() - before
        transaction.set_rollback(True)
    return report.created, snapshot, added


@pytest.mark.parametrize(
    ("regency_code", "district_codes"),
    [
        ("64.02", ["64.02.15"]),  # a kecamatan of the test regency: desa and kelurahan
        ("91.71", ["91.71.05"]),  # a new regency; two villages called Waena
    ],
)
def test_bulk_provisioning_builds_the_same_tree_rows_and_grants_as_one_by_one(
    db, regency_code, district_codes
):
    one_by_one = _provision(regency_code, district_codes, bulk=False)
    in_bulk = _provision(regency_code, district_codes, bulk=True)

    report, snapshot, added = in_bulk
    expected_report, expected_snapshot, expected_added = one_by_one
    assert added == expected_added  # the same number of new rows in every table
    assert added["villages.NewsIndexPage"] > 0
    for key, expected in expected_snapshot.items():
        assert snapshot[key] == expected, key
    assert report == expected_report


def test_bulk_provisioned_villages_are_served_and_found(client, db):
    provision_regency("64.02", district_codes=["64.02.15"])
    village = Village.objects.filter(district__code="64.02.15").order_by("code").first()
    home = village.page

    assert client.get(home.url).status_code == 200
    assert client.get(f"{home.url}berita/").status_code == 200
    assert home.get_children().count() == 13
    assert ProfilePage.objects.child_of(home).get().village == village
    assert home.pk in [p.pk for p in VillageHomePage.objects.search(village.name)]


def test_a_village_row_without_its_website_is_completed_on_the_next_run(db):
    provision_regency("64.02", district_codes=["64.02.15"])
    village = Village.objects.filter(district__code="64.02.15").order_by("code").first()
    ProfilePage.objects.child_of(village.page).get().delete()
    Village.objects.filter(pk=village.pk).update(collection=None)

    report = provision_regency("64.02", district_codes=["64.02.15"])

    assert report.counts["halaman"] == 1
    assert report.counts["koleksi"] == 1
    assert report.counts["desa"] == 0
    village.refresh_from_db()
    assert village.collection is not None
    assert ProfilePage.objects.child_of(village.page).count() == 1
    again = provision_regency("64.02", district_codes=["64.02.15"])
    assert not again.changed


def test_province_codes_expand_to_their_regencies():
    regencies = expand_codes(["34", "64.02"])
    assert regencies[:5] == ["34.01", "34.02", "34.03", "34.04", "34.71"]
    assert regencies[-1] == "64.02"
    with pytest.raises(ProvisioningError):
        expand_codes(["99"])


def test_the_command_provisions_a_list_of_regencies(db, capsys):
    call_command("provision_regency", "64.02", "91.71", "-k", "64.02.15", "-k", "91.71.05", "--quiet")
    out = capsys.readouterr().out
    assert "Kutai Kartanegara (64.02)" in out
    assert "Kota Jayapura (91.71)" in out
    assert Village.objects.filter(district__code="91.71.05").exists()
    assert Village.objects.filter(district__code="64.02.15").exists()
