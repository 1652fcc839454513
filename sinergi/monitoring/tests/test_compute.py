"""Storing scores: items explain the score, a day is replaced not duplicated, retention, the command."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.monitoring.bands import band_for
from sinergi.monitoring.compute import compute_scores, prune
from sinergi.monitoring.models import Score, ScoreItem
from sinergi.regions.models import District, Regency, Village

pytestmark = pytest.mark.django_db


def assert_scores_explain_themselves(scores):
    for score in scores:
        items = list(score.items.all())
        assert sum(i.points for i in items) == score.total, score
        for block, points in score.blocks.items():
            assert sum(i.points for i in items if i.block == block) == Decimal(points), (score, block)
        assert score.band == band_for(score.total).code
        assert set(score.facts) == {
            "kim_reports_submitted_30d",
            "kim_reports_published_30d",
            "kim_activities_30d",
            "last_news_date",
        }


def test_every_village_gets_a_score_whose_items_sum_to_it(regency):
    n = compute_scores(regency)
    assert n == Village.objects.filter(district__regency=regency).count()
    with scopes_disabled():
        assert_scores_explain_themselves(Score.objects.prefetch_related("items"))


def test_recomputing_a_day_replaces_its_scores(regency, sebuntal):
    compute_scores(regency, villages=[sebuntal])
    compute_scores(regency, villages=[sebuntal])
    with scopes_disabled():
        assert Score.objects.filter(village=sebuntal).count() == 1
        assert (
            ScoreItem.objects.filter(village=sebuntal).count()
            == Score.objects.get(village=sebuntal).items.count()
        )


def _regency_of(code, n):
    """A regency of `n` villages (rows only, no pages: what the checks read is empty)."""
    regency = Regency.objects.create(code=code, name=f"Kabupaten {code}", province_name="Uji")
    district = District.objects.create(regency=regency, code=f"{code}.01", name=f"Kecamatan {code}")
    Village.objects.bulk_create(
        Village(district=district, code=f"{district.code}.{2001 + i}", name=f"Desa {i}", kind="desa")
        for i in range(n)
    )
    return regency


def test_computing_and_storing_ten_times_the_villages_takes_the_same_queries(regency):
    # 12 and 120 villages: 120 scores with 24 items each are more rows than a batched INSERT or a
    # batched DELETE takes in one query, on SQLite and on PostgreSQL alike. Those villages have no
    # site; the provisioned regency's have one, and a DIP catalogue: the count is the same again.
    day = timezone.localdate()
    counts = {}
    provisioned = Village.objects.filter(district__regency=regency).count()
    for code, n in (("99.98", 12), ("99.99", 120), (regency.code, provisioned)):
        regency = Regency.objects.get(code=code) if n == provisioned else _regency_of(code, n)
        compute_scores(regency, day)  # the day already has scores: the measured run replaces them
        with scopes_disabled(), CaptureQueriesContext(connection) as queries:
            assert compute_scores(regency, day) == n
        counts[n] = len(queries)
        with scopes_disabled():
            scores = Score.objects.filter(village__district__regency=regency, day=day)
            assert scores.count() == n
            rules = regency.index_rulesets.get().rules.count()
            assert ScoreItem.objects.filter(score__in=scores).count() == n * rules
            assert_scores_explain_themselves(scores.prefetch_related("items"))
    assert counts[12] == counts[120] == counts[provisioned], counts


def test_daily_snapshots_are_kept_a_year_then_one_a_month(regency, sebuntal):
    today = dt.date(2026, 11, 30)
    for day in (dt.date(2025, 10, 1), dt.date(2025, 10, 2), dt.date(2025, 10, 15), dt.date(2025, 12, 5)):
        compute_scores(regency, day, villages=[sebuntal])
    assert prune(today) == 2
    with scopes_disabled():
        assert sorted(Score.objects.filter(village=sebuntal).values_list("day", flat=True)) == [
            dt.date(2025, 10, 1),
            dt.date(2025, 12, 5),
        ]


def test_the_nightly_command_scores_every_village(regency):
    out = StringIO()
    call_command("compute_index", regency=regency.code, stdout=out)
    assert "desa dinilai" in out.getvalue()
    with scopes_disabled():
        assert (
            Score.objects.filter(day=timezone.localdate()).count()
            == Village.objects.filter(district__regency=regency).count()
        )


def test_demo_history_has_thirteen_months_that_explain_themselves(regency):
    from sinergi.demo.data import DISTRICT_CODE
    from sinergi.demo.index_content import MONTHS, load_index_demo

    load_index_demo()
    with scopes_disabled():
        scores = Score.objects.filter(village__district__code=DISTRICT_CODE).prefetch_related("items")
        villages = Village.objects.filter(district__code=DISTRICT_CODE).count()
        assert scores.filter(generated=True).count() == villages * MONTHS
        assert_scores_explain_themselves(scores)
        for score in scores.filter(generated=True):
            today = Score.objects.get(village_id=score.village_id, day=timezone.localdate())
            assert score.total <= today.total
