"""The regency admin adjusts the rule set: a change is a new version; the public ranking switch."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sinergi.monitoring.compute import compute_scores
from sinergi.monitoring.models import IndexSettings, RuleSet
from sinergi.monitoring.seed import ensure_ruleset

pytestmark = pytest.mark.django_db


def _form(ruleset, **overrides):
    data = {"public_ranking": "on"}
    for rule in ruleset.rules.all():
        data[f"weight-{rule.check_id}"] = str(rule.weight)
        data[f"params-{rule.check_id}"] = "{}" if not rule.params else __import__("json").dumps(rule.params)
    data.update(overrides)
    return data


def test_changing_a_weight_makes_a_new_version_and_keeps_the_scored_one(
    client, regency_admin, regency, sebuntal
):
    client.force_login(regency_admin)
    old = ensure_ruleset(regency)
    compute_scores(regency, villages=[sebuntal])
    response = client.post(
        reverse("monitoring_rules:rules"),
        _form(
            old,
            **{
                "weight-D.berita_30_hari": "6",
                "weight-E.dokumen_ringan": "1",
                "note": "Berita lebih penting",
            },
        ),
    )
    assert response.status_code == 302
    new = RuleSet.objects.filter(regency=regency).order_by("-version").first()
    assert new.version == old.version + 1 and new.created_by == regency_admin
    assert new.rules.get(check_id="D.berita_30_hari").weight == Decimal("6")
    assert old.rules.get(check_id="D.berita_30_hari").weight == Decimal("5")
    assert new.total_weight == Decimal("100")


def test_bad_input_changes_nothing(client, regency_admin, regency):
    client.force_login(regency_admin)
    old = ensure_ruleset(regency)
    response = client.post(
        reverse("monitoring_rules:rules"),
        _form(old, **{"weight-D.agenda": "banyak", "params-D.pengumuman": "[1]"}),
    )
    html = response.content.decode()
    assert "bobot harus angka 0 sampai 100" in html and "parameter harus objek JSON" in html
    assert RuleSet.objects.filter(regency=regency).count() == 1


def test_switching_the_public_ranking_off(client, regency_admin, regency):
    client.force_login(regency_admin)
    old = ensure_ruleset(regency)
    data = _form(old)
    del data["public_ranking"]
    client.post(reverse("monitoring_rules:rules"), data)
    assert IndexSettings.objects.get(regency=regency).public_ranking is False
    assert RuleSet.objects.filter(regency=regency).count() == 1


def test_an_operator_cannot_open_the_rules(operator_client):
    assert operator_client.get(reverse("monitoring_rules:rules")).status_code == 403
