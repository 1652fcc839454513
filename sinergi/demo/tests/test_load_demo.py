"""`load_demo` fills Kecamatan Marang Kayu with content a visitor can see, and is safe to run twice.

Loading takes a while, so one test loads once and checks everything; the test transaction is rolled
back afterwards, so the demo accounts do not collide with the personas of other tests.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from sinergi.demo.data import DEMO_PASSWORD
from sinergi.portal.models import PortalPage
from sinergi.regions.models import Village
from sinergi.villages.models import AgendaPage, AnnouncementPage, NewsPage, VillageHomePage

MARANG_KAYU = "64.02.17"
ACCOUNTS = ["diskominfo", "operator.sebuntal", "operator.santan-ulu"]


def _run():
    from io import StringIO

    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _counts():
    return Page.objects.count(), get_image_model().objects.count(), get_user_model().objects.count()


def _assert_villages_have_content():
    today = timezone.localdate()
    now = timezone.now()
    villages = Village.objects.filter(district__code=MARANG_KAYU).select_related("page")
    assert villages.count() == 11
    for village in villages:
        news = NewsPage.objects.live().filter(village=village)
        assert news.count() >= 5, village.name
        assert all(n.image_id and n.category_id and n.body.startswith("<p>") for n in news), village.name
        assert all(today - dt.timedelta(days=130) <= n.date <= today for n in news), village.name
        assert AnnouncementPage.current(village, today).count() == 2, village.name
        assert AgendaPage.objects.live().filter(village=village, start__gte=now).count() == 2, village.name

        home = VillageHomePage.objects.get(pk=village.page_id)
        assert home.tagline and home.head_name and home.banner_id and home.logo_id and home.head_photo_id
        assert home.primary_colour != "#1B5E20"
        home.full_clean()  # brand colour contrast, coordinates, e-mail


def _assert_images_in_village_collections():
    sebuntal = Village.objects.get(code=f"{MARANG_KAYU}.2001")
    images = get_image_model().objects.filter(collection=sebuntal.collection)
    assert images.count() >= 10
    news = NewsPage.objects.filter(village=sebuntal).select_related("image")
    assert {n.image.collection_id for n in news} == {sebuntal.collection_id}


def _assert_ppid_profile_and_dip(client):
    from django_scopes import scopes_disabled

    from sinergi.ppid.dip_models import DipEntry, InfoClass
    from sinergi.ppid.models import PpidPage

    for village in Village.objects.filter(district__code=MARANG_KAYU):
        page = PpidPage.objects.get(village=village)
        assert page.decree_id and page.decree_number and page.ppid_official_id and page.superior_official_id
        with scopes_disabled():
            entries = DipEntry.objects.filter(village=village).exclude(
                item__info_class=InfoClass.DIKECUALIKAN
            )
            linked = entries.exclude(page=None).count()
            assert linked > entries.count() / 2, village.name  # most entries linked
    body = client.get(f"{PpidPage.objects.get(village__code=f'{MARANG_KAYU}.2001').url}dip/").content.decode()
    assert "Perlu diperbarui" in body and "Belum tersedia" in body and "Tersedia" in body


def _assert_portal_content():
    portal = PortalPage.objects.get(regency__code="64.02")
    rakor = (
        NewsPage.objects.live().descendant_of(portal).filter(village__isnull=True, date=dt.date(2023, 10, 5))
    )
    assert rakor.count() == 1
    article = rakor.get()
    assert "Marang Kayu" in article.body and "Tenggarong" in article.body
    assert article.first_published_at.date() == dt.date(2023, 10, 5)
    today = timezone.localdate()
    regency_notices = (
        AnnouncementPage.objects.live()
        .descendant_of(portal)
        .filter(village__isnull=True, valid_from__lte=today, valid_until__gte=today)
    )
    assert regency_notices.count() >= 1


def _assert_accounts(client):
    users = get_user_model().objects.in_bulk(ACCOUNTS, field_name="username")
    assert set(users) == set(ACCOUNTS)
    sebuntal = Village.objects.get(code=f"{MARANG_KAYU}.2001")
    assert users["operator.sebuntal"].groups.filter(pk=sebuntal.operators_group_id).exists()
    santan_ulu = Village.objects.get(code=f"{MARANG_KAYU}.2002")
    assert users["operator.santan-ulu"].groups.filter(pk=santan_ulu.operators_group_id).exists()
    assert users["diskominfo"].groups.filter(pk=sebuntal.district.regency.admin_group_id).exists()
    for username in ACCOUNTS:
        client.logout()
        response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username  # a failed sign-in shows the form again
        assert client.get("/admin/").status_code == 200, username


def _assert_apbdes(client):
    from django_scopes import scopes_disabled

    from sinergi.finance.models import BudgetActivity, BudgetVersion, Realisation

    with scopes_disabled():
        published = BudgetVersion.objects.filter(village__district__code=MARANG_KAYU, state="published")
        assert published.filter(year=2025).count() == 11
        assert (
            0 < published.filter(year=2026).count() < 11
        )  # some villages are late: the regency view shows it
        assert Realisation.objects.filter(period="akhir_tahun", state="published").count() == 11
        assert BudgetActivity.objects.filter(version__in=published.filter(year=2025)[:1]).count() >= 12
    client.logout()
    body = client.get("/marang-kayu/sebuntal/transparansi/tahun/2025/").content.decode()
    assert "Dana Desa" in body and "Realisasi Akhir tahun" in body


@pytest.mark.django_db
def test_load_demo_fills_marang_kayu_and_is_idempotent(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    output = _run()
    assert "sinergi-demo" in output and "/marang-kayu/sebuntal/" in output and "/admin/" in output
    # Each admin account says first where it signs in and what to type there.
    operator = output[output.index("  operator.sebuntal\n") :]
    assert operator.index("masuk di   : /admin/ dengan nama pengguna operator.sebuntal") < operator.index(
        "kata sandi"
    )

    _assert_villages_have_content()
    _assert_images_in_village_collections()
    _assert_portal_content()
    _assert_ppid_profile_and_dip(client)
    _assert_accounts(client)

    _assert_apbdes(client)

    before = _counts()
    output = _run()
    assert _counts() == before
    assert "tidak ada yang diubah" in output
    assert "APBDes demo sudah ada" in output
