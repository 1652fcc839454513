import pytest
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Page

from sinergi.portal.models import DistrictPage, PortalPage
from sinergi.regions.models import District, Village
from sinergi.regions.provisioning import ProvisioningError, provision_regency
from sinergi.villages.models import NewsIndexPage, ProfilePage, VillageHomePage


def test_the_portal_is_the_site_root_and_villages_follow_the_hierarchy(client, db):
    assert client.get("/").status_code == 200
    assert client.get("/marang-kayu/").status_code == 200
    assert client.get("/marang-kayu/sebuntal/").status_code == 200
    assert client.get("/marang-kayu/sebuntal/berita/").status_code == 200
    assert client.get("/marang-kayu/sebuntal/profil/").status_code == 200


def test_every_village_gets_its_sections_collection_and_group(sebuntal):
    sections = {type(p).__name__ for p in sebuntal.page.get_children().specific()}
    assert {"ProfilePage", "GovernmentPage", "NewsIndexPage", "AnnouncementIndexPage", "AgendaIndexPage",
            "GalleryIndexPage", "PotentialIndexPage", "LegalIndexPage", "TransparencyPage", "PpidPage",
            "ComplaintsPage", "ContactPage"} <= sections  # fmt: skip
    assert sebuntal.collection.name == "Desa Sebuntal (64.02.17.2001)"
    news = NewsIndexPage.objects.child_of(sebuntal.page).get()
    assert "kesehatan" in {c.slug for c in news.categories.all()}
    granted = GroupPagePermission.objects.filter(group=sebuntal.operators_group)
    assert {g.page_id for g in granted} == {sebuntal.page.pk}


def test_kelurahan_are_named_as_kelurahan(db):
    kelurahan = Village.objects.filter(district__code="64.02.06", kind=Village.Kind.KELURAHAN)
    assert kelurahan.exists()
    assert all(v.page.title.startswith("Kelurahan ") for v in kelurahan)


def test_a_second_run_changes_nothing_and_keeps_operator_edits(sebuntal):
    profile = ProfilePage.objects.child_of(sebuntal.page).get()
    profile.title = "Profil Desa Sebuntal yang Asri"
    profile.save_revision().publish()
    pages_before = Page.objects.count()

    report = provision_regency("64.02", district_codes=["64.02.17"])

    assert not report.changed
    assert Page.objects.count() == pages_before
    profile.refresh_from_db()
    assert profile.title == "Profil Desa Sebuntal yang Asri"


def test_a_second_run_adds_what_is_missing(sebuntal):
    ProfilePage.objects.child_of(sebuntal.page).get().delete()

    report = provision_regency("64.02", district_codes=["64.02.17"])

    assert report.counts["halaman"] == 1
    assert ProfilePage.objects.child_of(sebuntal.page).count() == 1


def test_the_command_prints_what_it_did(db, capsys):
    call_command("provision_regency", "64.02", "--kecamatan", "64.02.17")
    assert "sudah lengkap, tidak ada perubahan" in capsys.readouterr().out


@pytest.mark.parametrize("code", ["64.99", "6402x", "abc", "64.02.17", "", "99.01"])
def test_an_unknown_or_malformed_code_creates_nothing_and_exits_non_zero(db, code):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError) as info:
        call_command("provision_regency", code)
    assert "64.02" in str(info.value) or "tidak ada" in str(info.value)
    assert Page.objects.count() == pages_before


def test_an_unknown_kecamatan_is_refused(db):
    with pytest.raises(ProvisioningError, match="tidak ada di Kabupaten Kutai Kartanegara"):
        provision_regency("64.02", district_codes=["64.02.99"])


def test_two_villages_with_one_name_in_a_kecamatan_get_distinct_stable_urls(db):
    # Distrik Heram, Kota Jayapura has both a kelurahan and a kampung called Waena.
    provision_regency("91.71", district_codes=["91.71.05"])
    paths = {v.code: v.page.url_path for v in Village.objects.filter(name="Waena")}
    assert paths["91.71.05.1002"].endswith("/heram/waena-1002/")
    assert paths["91.71.05.2005"].endswith("/heram/waena-2005/")
    assert DistrictPage.objects.get(district__code="91.71.05").title == "Distrik Heram"


def test_another_regency_gets_its_own_portal(db):
    provision_regency("91.71", district_codes=["91.71.05"])
    assert PortalPage.objects.filter(title="Portal Desa Kota Jayapura").exists()


@pytest.mark.slow
def test_the_whole_of_kutai_kartanegara(db):
    """64.02: 20 kecamatan, 193 desa and 44 kelurahan (docs/domain.md, "Regions and Kemendagri codes")."""
    provision_regency("64.02")
    villages = Village.objects.filter(district__regency__code="64.02")
    assert District.objects.filter(regency__code="64.02").count() == 20
    assert villages.filter(kind=Village.Kind.DESA).count() == 193
    assert villages.filter(kind=Village.Kind.KELURAHAN).count() == 44
    assert VillageHomePage.objects.count() >= 237
