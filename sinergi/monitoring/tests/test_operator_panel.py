"""The operator's "Apa yang masih kurang" panel and recomputing the village's score on demand."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from sinergi.core.tests.factories import publish
from sinergi.monitoring.compute import compute_scores
from sinergi.monitoring.models import Score
from sinergi.villages.models import StandardPage

pytestmark = pytest.mark.django_db


def _score(village):
    with scopes_disabled():
        return Score.objects.get(village=village)


def test_the_panel_lists_the_missing_items_with_their_points_and_fix_link(operator_client, regency, sebuntal):
    compute_scores(regency, villages=[sebuntal])
    score = _score(sebuntal)
    html = operator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Apa yang masih kurang" in html
    assert f"{score.total.normalize():f}".rstrip("0").rstrip(".") in html.replace(",", ".")
    # Most points to gain first: the periodic DIP items (15 points) of a freshly provisioned village.
    assert "Informasi berkala dalam DIP" in html
    assert "Informasi berkala DIP: 13 butir belum diisi dari 13." in html
    assert f'href="/admin/ppid-dip/desa/{sebuntal.pk}/"' in html
    assert "Hitung ulang sekarang" in html


def test_fixing_an_item_and_recomputing_raises_the_score_by_its_points(operator_client, regency, sebuntal):
    compute_scores(regency, villages=[sebuntal])
    before = _score(sebuntal).total
    publish(sebuntal.page, StandardPage(title="Kontak Darurat", slug="kontak-darurat"))
    response = operator_client.post(reverse("monitoring_operator:recompute", args=[sebuntal.pk]))
    assert response.status_code == 302
    assert _score(sebuntal).total == before + Decimal("3.00")


def test_an_operator_cannot_see_or_recompute_another_village(other_operator_client, regency, sebuntal):
    compute_scores(regency, villages=[sebuntal])
    computed_at = _score(sebuntal).computed_at
    assert (
        other_operator_client.get(reverse("monitoring_operator:village", args=[sebuntal.pk])).status_code
        == 404
    )
    response = other_operator_client.post(reverse("monitoring_operator:recompute", args=[sebuntal.pk]))
    assert response.status_code == 404
    assert _score(sebuntal).computed_at == computed_at
    home = other_operator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sebuntal" not in home


def test_recomputing_is_throttled(operator_client, sebuntal, monkeypatch):
    from sinergi.monitoring import admin_views

    monkeypatch.setattr(admin_views, "RECOMPUTE_LIMIT", 1)
    url = reverse("monitoring_operator:recompute", args=[sebuntal.pk])
    operator_client.post(url)
    computed_at = _score(sebuntal).computed_at
    response = operator_client.post(url, follow=True)
    assert "Terlalu sering menghitung ulang" in response.content.decode()
    assert _score(sebuntal).computed_at == computed_at


def test_recompute_is_post_only(operator_client, sebuntal):
    assert (
        operator_client.get(reverse("monitoring_operator:recompute", args=[sebuntal.pk])).status_code == 405
    )
