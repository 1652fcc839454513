"""A page moved or copied to another village belongs to that village, with everything under it; only
someone who manages both villages may move it there."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from sinergi.core.tests.factories import make_news, publish, section
from sinergi.villages.models import NewsIndexPage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db

TITLE = "Panen Raya Padi Gunung"


def move_url(page, destination):
    return reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])


def test_regency_admin_moves_news_to_another_village_and_it_is_listed_there(
    client, regency_admin, sebuntal, santan_ulu
):
    article = make_news(sebuntal, TITLE)
    client.force_login(regency_admin)

    response = client.post(move_url(article, section(santan_ulu, NewsIndexPage)))

    assert response.status_code == 302
    assert NewsPage.objects.get(pk=article.pk).village == santan_ulu
    client.logout()
    assert TITLE in client.get("/marang-kayu/santan-ulu/").content.decode()
    assert TITLE in client.get("/marang-kayu/santan-ulu/berita/").content.decode()
    assert TITLE not in client.get("/marang-kayu/sebuntal/").content.decode()


def test_a_moved_page_takes_its_descendants_to_the_new_village(client, regency_admin, sebuntal, santan_ulu):
    parent = publish(sebuntal.page, StandardPage(title="Kelompok Tani", slug="kelompok-tani"))
    child = publish(parent, StandardPage(title="Anggota Kelompok Tani", slug="anggota"))
    grandchild = publish(child, StandardPage(title="Jadwal Tanam", slug="jadwal-tanam"))
    client.force_login(regency_admin)

    client.post(move_url(parent, santan_ulu.page))

    villages = StandardPage.objects.filter(pk__in=[parent.pk, child.pk, grandchild.pk]).values_list(
        "village", flat=True
    )
    assert list(villages) == [santan_ulu.pk] * 3


def test_operator_of_one_village_cannot_move_a_page_into_another(client, operator, sebuntal, santan_ulu):
    article = make_news(sebuntal, TITLE)
    client.force_login(operator)

    client.post(move_url(article, section(santan_ulu, NewsIndexPage)))

    article.refresh_from_db()
    assert article.get_parent().pk == section(sebuntal, NewsIndexPage).pk
    assert article.village == sebuntal


def test_a_grant_on_a_section_of_another_village_does_not_let_an_operator_move_pages_there(
    client, operator, sebuntal, santan_ulu
):
    """Adding pages to one section of Santan Ulu is not managing Santan Ulu."""
    article = make_news(sebuntal, TITLE)
    destination = section(santan_ulu, NewsIndexPage)
    helpers = Group.objects.create(name="Penulis tamu Santan Ulu")
    for codename in ("add_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=helpers, page=destination, permission=Permission.objects.get(codename=codename)
        )
    operator.groups.add(helpers)
    client.force_login(operator)

    response = client.post(move_url(article, destination), follow=True)

    assert "Anda harus mengelola kedua desa" in response.content.decode()
    article.refresh_from_db()
    assert article.get_parent().pk == section(sebuntal, NewsIndexPage).pk
    assert article.village == sebuntal


def test_an_operator_of_both_villages_may_move_between_them(client, operator, sebuntal, santan_ulu):
    from sinergi.accounts.services import make_village_operator

    make_village_operator(operator, santan_ulu)
    article = make_news(sebuntal, TITLE)
    client.force_login(operator)

    client.post(move_url(article, section(santan_ulu, NewsIndexPage)))

    assert NewsPage.objects.get(pk=article.pk).village == santan_ulu


def test_a_copy_to_another_village_belongs_to_that_village(client, regency_admin, sebuntal, santan_ulu):
    article = make_news(sebuntal, TITLE)
    destination = section(santan_ulu, NewsIndexPage)
    client.force_login(regency_admin)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[article.pk]),
        {"new_title": TITLE, "new_slug": "panen-raya-salinan", "new_parent_page": destination.pk,
         "publish_copies": "on"},
    )  # fmt: skip

    assert response.status_code == 302
    copy = NewsPage.objects.get(slug="panen-raya-salinan")
    assert copy.get_parent().pk == destination.pk
    assert copy.village == santan_ulu
    assert NewsPage.objects.get(pk=article.pk).village == sebuntal


def bulk_move(client, pages, destination):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"]) + f"?{ids}&next=/admin/"
    return client.post(url, {"chooser": destination.pk}, follow=True)


def test_the_bulk_move_is_refused_across_villages_without_managing_both(
    client, operator, sebuntal, santan_ulu
):
    article = make_news(sebuntal, TITLE)
    destination = section(santan_ulu, NewsIndexPage)
    helpers = Group.objects.create(name="Penulis tamu Santan Ulu")
    for codename in ("add_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=helpers, page=destination, permission=Permission.objects.get(codename=codename)
        )
    operator.groups.add(helpers)
    client.force_login(operator)

    response = bulk_move(client, [article], destination)

    assert "Anda harus mengelola kedua desa" in response.content.decode()
    article.refresh_from_db()
    assert article.get_parent().pk == section(sebuntal, NewsIndexPage).pk
    assert article.village == sebuntal


def test_the_regency_admin_bulk_moves_and_the_pages_change_village(
    client, regency_admin, sebuntal, santan_ulu
):
    article = make_news(sebuntal, TITLE)
    client.force_login(regency_admin)

    bulk_move(client, [article], section(santan_ulu, NewsIndexPage))

    assert NewsPage.objects.get(pk=article.pk).village == santan_ulu
