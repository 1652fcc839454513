"""The public index pages: ranking by band, a page per village, the methodology."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scopes_disabled

from sinergi.monitoring.compute import compute_scores
from sinergi.monitoring.models import IndexSettings, ScoreItem
from sinergi.regions.models import Village

pytestmark = pytest.mark.django_db


def test_ranking_groups_villages_by_band_with_a_fixed_number_of_queries(
    client, regency, django_assert_num_queries, django_assert_max_num_queries
):
    villages = list(Village.objects.filter(district__regency=regency).order_by("code"))
    compute_scores(regency, villages=villages[:3])
    IndexSettings.for_regency(regency)
    client.get(reverse("monitoring:ranking"))  # warm the site lookup cache
    cache.clear()  # the whole-page cache would answer without a query
    # 9: the site, the regency and its identity for the footer, the rule set, the scores...; the
    # assertion that matters follows: the same count with every village scored.
    with django_assert_max_num_queries(9) as few:
        html = client.get(reverse("monitoring:ranking")).content.decode()
    compute_scores(regency)
    cache.clear()
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(reverse("monitoring:ranking")).content.decode()
    assert "Tidak Informatif" in html
    assert all(v.name in html for v in villages)
    assert reverse("monitoring:village", args=[villages[0].code]) in html


def test_the_regency_can_switch_the_public_ranking_off(client, regency, sebuntal):
    compute_scores(regency, villages=[sebuntal])
    IndexSettings.objects.update_or_create(regency=regency, defaults={"public_ranking": False})
    html = client.get(reverse("monitoring:ranking")).content.decode()
    assert "tidak ditampilkan untuk umum" in html
    assert "Sebuntal" not in html


def test_village_page_shows_score_band_and_blocks_but_not_the_operators_texts(
    client, regency, sebuntal, django_assert_max_num_queries
):
    compute_scores(regency, villages=[sebuntal])
    with scopes_disabled():
        ScoreItem.objects.filter(score__village=sebuntal).update(missing_text="ZQX-TEKS-OPERATOR")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("monitoring:village", args=[sebuntal.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Indeks keterbukaan Sebuntal" in html
    assert "Transparansi APBDes" in html and "Tidak Informatif" in html
    assert "ZQX-TEKS-OPERATOR" not in html


def test_the_village_site_footer_links_to_its_index_page(client, sebuntal):
    html = client.get(sebuntal.page.url).content.decode()
    assert reverse("monitoring:village", args=[sebuntal.code]) in html


def test_methodology_is_generated_from_the_active_rule_set(client, regency):
    from sinergi.monitoring.seed import ensure_ruleset

    ruleset = ensure_ruleset(regency)
    rule = ruleset.rules.get(check_id="D.berita_30_hari")
    rule.title = "Berita bulan ini"
    rule.save()
    html = client.get(reverse("monitoring:methodology")).content.decode()
    assert "Berita bulan ini" in html
    assert "UU 14/2008 Pasal 9" in html
    assert f"versi {ruleset.version}" in html
    assert "Informatif: 90" in html


def test_unknown_village_is_404(client):
    assert client.get(reverse("monitoring:village", args=["00.00.00.0000"])).status_code == 404
