"""The public KIM page of a village: profile, officers by name, published reports, activities."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope
from wagtail.models import Page

from sinergi.kim.models import Activity, KimMember, KimPage
from sinergi.kim.tests.conftest import write_report
from sinergi.kim.tests.member_helpers import make_member
from sinergi.kim.workflow import do_transition
from sinergi.regions.provisioning import provision_regency

pytestmark = pytest.mark.django_db
URL = "/marang-kayu/sebuntal/kim/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def staffed_kim(kim):
    with scope(village=kim.village):
        kim.formed_on = dt.date(2023, 5, 2)
        kim.decree_date = dt.date(2023, 5, 10)
        kim.address = "Jl. Poros Sebuntal RT 03"
        kim.phone = "0541-555-777"
        kim.instagram = "https://instagram.com/kimsebuntal"
        kim.save()
    make_member(kim, "Rina Wati", phone="0813-1111-0001", position=KimMember.Position.CHAIR)
    make_member(kim, "Sekar Arum", phone="0813-1111-0002", position=KimMember.Position.SECRETARY)
    make_member(kim, "Bayu Aji", phone="0813-1111-0003", position=KimMember.Position.TREASURER)
    return kim


def publish(member, operator, title):
    report = do_transition(write_report(member, title=title), "submit", by=member.user)
    return do_transition(report, "approve_publish", by=operator)


def add_activity(kim, place, people=30, day=1):
    """An activity the village has already let onto its public page."""
    with scope(village=kim.village):
        return Activity.objects.create(
            kim=kim, kind=Activity.Kind.DISSEMINATION, date=dt.date(2025, 8, day), place=place,
            people_reached=people, description="Sosialisasi.", review=Activity.Review.PUBLIC,
        )  # fmt: skip


def test_every_village_gets_a_kim_page_and_a_missing_one_comes_back(sebuntal, santan_ulu):
    for village in (sebuntal, santan_ulu):
        page = KimPage.objects.child_of(village.page).get()
        assert page.slug == "kim" and page.title == "KIM" and page.live
    KimPage.objects.child_of(sebuntal.page).get().delete()

    report = provision_regency("64.02", district_codes=["64.02.17"])

    assert report.counts["halaman"] == 1
    assert KimPage.objects.child_of(sebuntal.page).count() == 1


def test_the_page_shows_profile_officers_published_reports_and_activities(
    client, staffed_kim, member, operator, other_kim
):
    publish(member, operator, "Panen raya padi di Dusun III")
    write_report(member, title="Draf yang belum dikirim")
    do_transition(write_report(member, title="Menunggu keputusan desa"), "submit", by=member.user)
    add_activity(staffed_kim, "Balai Desa Sebuntal", people=45)
    add_activity(other_kim, "Balai Desa Santan Ulu")

    response = client.get(URL)
    page = response.content.decode()

    assert response.status_code == 200
    assert "KIM Sebuntal Bersatu" in page and "141/05/SK/2023" in page
    assert (
        "2 Mei 2023" in page and "Jl. Poros Sebuntal RT 03" in page and "(0541) 555777" in page
    )  # stored in the one national form
    assert "https://instagram.com/kimsebuntal" in page
    for name in ("Rina Wati", "Sekar Arum", "Bayu Aji"):
        assert name in page
    assert page.index("Rina Wati") < page.index("Sekar Arum") < page.index("Bayu Aji")
    assert "Panen raya padi di Dusun III" in page and "KIM Sebuntal Bersatu (Andi Saputra)" in page
    assert "Balai Desa Sebuntal" in page and "45 orang terjangkau" in page
    # Never: drafts, reports waiting for the village, another village's data, members' phone numbers.
    assert "Draf yang belum dikirim" not in page and "Menunggu keputusan desa" not in page
    assert "Santan Ulu Maju" not in page and "Balai Desa Santan Ulu" not in page
    for phone in ("0813-1111-0001", "081311110001", "+6281311110001", "081234567890"):
        assert phone not in page


def test_an_unpublished_news_page_is_not_listed(client, member, operator):
    report = publish(member, operator, "Berita yang kemudian ditarik")
    Page.objects.get(pk=report.news_page_id).specific.unpublish()
    assert "Berita yang kemudian ditarik" not in client.get(URL).content.decode()


def queries_for(client) -> int:
    assert client.get(URL).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_content(client, staffed_kim, member, operator):
    publish(member, operator, "Berita pertama dari KIM Sebuntal")
    add_activity(staffed_kim, "Tempat 1")
    before = queries_for(client)

    for n in range(4):
        publish(member, operator, f"Berita KIM nomor {n} tentang desa")
        add_activity(staffed_kim, f"Tempat tambahan {n}", day=n + 2)
    second = make_member(
        staffed_kim, "Wakil Sekretaris", phone="0813-1111-0009", position=KimMember.Position.SECRETARY
    )
    with scope(village=staffed_kim.village):
        from sinergi.kim.models import Kim

        Kim.objects.create(village=staffed_kim.village, name="KIM Pemuda Sebuntal")
    after = queries_for(client)

    assert second.name in client.get(URL).content.decode()
    assert after == before
