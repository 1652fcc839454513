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
ACCOUNTS = ["diskominfo", "operator.sebuntal", "operator.santan-ulu", "kecamatan.marang-kayu"]


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


def _assert_district_viewer(client):
    """The kecamatan viewer signs in and finds the index dashboard of Marang Kayu's villages, and only those."""
    import re

    from django.urls import reverse

    client.logout()
    response = client.post("/admin/login/", {"username": "kecamatan.marang-kayu", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    html = client.get(reverse("monitoring_dashboard:index")).content.decode()
    table = html.split('id="idx-villages"', 1)[1].split("</table>", 1)[0]
    shown = set(re.findall(r">\s*((?:Desa|Kelurahan) [^<]+?)\s*<", table))
    marang_kayu = Village.objects.filter(district__code=MARANG_KAYU)
    assert shown == {v.display_name for v in marang_kayu}
    assert len(shown) == 11
    assert "Tenggarong" not in html
    # A reader, not an editor: the page explorer and the rule set are refused.
    assert client.get(reverse("wagtailadmin_explore_root")).status_code in (302, 403)
    sebuntal = marang_kayu.get(code=f"{MARANG_KAYU}.2001")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[sebuntal.page_id])).status_code in (302, 403)


def _assert_index_leaves_sebuntal_its_journey():
    """The browser journey (e2e/test_index.py) fixes Sebuntal's emergency-contacts item: the demo never adds it."""
    from django_scopes import scopes_disabled

    from sinergi.monitoring.models import Score

    sebuntal = Village.objects.get(code=f"{MARANG_KAYU}.2001")
    with scopes_disabled():
        score = Score.objects.get(village=sebuntal, day=timezone.localdate())
        item = score.items.get(check_id="F.kontak_darurat")
    assert (item.status, item.points) == ("missing", 0)
    assert item.max_points > 0
    assert item.fix_url == f"/admin/pages/add/villages/standardpage/{sebuntal.page_id}/"


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
    assert "  kecamatan.marang-kayu\n" in output and "Peninjau Kecamatan Marang Kayu" in output
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
    _assert_district_viewer(client)
    _assert_index_leaves_sebuntal_its_journey()

    before = _counts()
    output = _run()
    assert _counts() == before
    assert "tidak ada yang diubah" in output
    assert "APBDes demo sudah ada" in output
