"""Computing the index: every rule's check for every village at once, stored as the day's snapshot.

The whole computation is a fixed number of queries, whatever the number of villages: the reads are
set-based (grouped by village), and storing is two DELETEs and two INSERT ... SELECT from one JSON
parameter each (`store`). Tested: 12 and 120 villages take the same count, on SQLite and PostgreSQL;
`make bench` prints the count for the demo regency and a generated one of 2,500 villages.
"""

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.db.models import Max, Min
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.core.cache import invalidate_public_pages
from sinergi.monitoring import checks
from sinergi.monitoring.bands import band_for
from sinergi.monitoring.models import BLOCKS, Score, ScoreItem
from sinergi.monitoring.seed import ensure_ruleset

CENT = Decimal("0.01")
FACT_KEYS = ("kim_reports_submitted_30d", "kim_reports_published_30d", "kim_activities_30d", "last_news_date")


def _points(weight: Decimal, fraction: Decimal) -> Decimal:
    return (weight * max(Decimal("0"), min(Decimal("1"), fraction))).quantize(CENT, rounding=ROUND_HALF_UP)


def facts(ctx) -> dict:
    """{village_id: facts} shown beside the score (KIM activity, last news), four queries."""
    from django.apps import apps
    from django.db.models import Count, Q

    since = timezone.make_aware(dt.datetime.combine(checks.days_ago(ctx.day, 30), dt.time.min))
    until = timezone.make_aware(dt.datetime.combine(ctx.day + dt.timedelta(days=1), dt.time.min))
    result = {
        vid: {
            "kim_reports_submitted_30d": 0,
            "kim_reports_published_30d": 0,
            "kim_activities_30d": 0,
            "last_news_date": None,
        }
        for vid in ctx.ids
    }
    if apps.is_installed("sinergi.kim"):
        Report = apps.get_model("kim.Report")
        Activity = apps.get_model("kim.Activity")
        rows = (
            ctx.rows(Report.objects.all())
            .values("village_id")
            .annotate(
                submitted=Count("pk", filter=Q(submitted_at__gte=since, submitted_at__lt=until)),
                published=Count(
                    "pk", filter=Q(state="published", decided_at__gte=since, decided_at__lt=until)
                ),
            )
            .values_list("village_id", "submitted", "published")
        )
        for vid, submitted, published in rows:
            if vid in result:
                result[vid]["kim_reports_submitted_30d"] = submitted
                result[vid]["kim_reports_published_30d"] = published
        activities = (
            ctx.rows(Activity.objects.filter(date__gt=checks.days_ago(ctx.day, 30), date__lte=ctx.day))
            .values("village_id")
            .annotate(n=Count("pk"))
            .values_list("village_id", "n")
        )
        for vid, n in activities:
            if vid in result:
                result[vid]["kim_activities_30d"] = n
    latest = (
        ctx.pages(apps.get_model("villages.NewsPage"), date__lte=ctx.day)
        .values("village_id")
        .annotate(latest=Max("date"))
        .values_list("village_id", "latest")
    )
    for vid, day in latest:
        if vid in result:
            result[vid]["last_news_date"] = day.isoformat()
    return result


def compute_scores(regency, day=None, villages=None):
    """Compute and store the scores of `villages` (default: every village of `regency`) for `day`.

    Idempotent per day: the day's earlier scores of these villages are replaced. Returns the number
    of villages scored.
    """
    from sinergi.regions.models import Village

    day = day or timezone.localdate()
    subset = villages is not None
    if villages is None:
        villages = list(Village.objects.filter(district__regency=regency).order_by("pk"))
    else:
        villages = list(villages)
    if not villages:
        return 0
    ruleset, rows = evaluate(regency, day, villages, subset=subset)
    with transaction.atomic(), scopes_disabled():
        stale = Score.objects.filter(day=day)
        stale = (
            stale.filter(village__in=[v.pk for v in villages])
            if subset
            else stale.filter(village__district__regency=regency)
        )
        store(day, ruleset, rows, stale)
        # The public index pages (portal scope of the page cache) show the new scores at once.
        transaction.on_commit(invalidate_public_pages)
    return len(rows)


def _json_rows(columns):
    """(FROM clause, {column: SQL expression}) reading rows from one JSON array parameter (`%s`).

    `columns` is [(name, PostgreSQL type)]; each array element is an object with those keys. PostgreSQL
    reads it with jsonb_to_recordset, SQLite with json_each and json_extract.
    """
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        spec = ", ".join(f"{quote(name)} {pg_type}" for name, pg_type in columns)
        return f"jsonb_to_recordset(%s::jsonb) AS r({spec})", {
            name: f"r.{quote(name)}" for name, _t in columns
        }
    if connection.vendor == "sqlite":
        return "json_each(%s) AS r", {name: f"json_extract(r.value, '$.{name}')" for name, _t in columns}
    raise NotImplementedError(f"compute_scores: no JSON row source for {connection.vendor}")


def _prep(model, field, value):
    return model._meta.get_field(field).get_db_prep_value(value, connection)


SCORE_COLUMNS = [
    ("village_id", "integer"),
    ("total", "numeric"),
    ("band", "text"),
    ("blocks", "jsonb"),
    ("facts", "jsonb"),
]
ITEM_COLUMNS = [
    ("village_id", "integer"),
    ("check_id", "text"),
    ("block", "text"),
    ("points", "numeric"),
    ("max_points", "numeric"),
    ("status", "text"),
    ("missing_text", "text"),
    ("fix_url", "text"),
]


def store(day, ruleset, rows, stale):
    """Replace the `stale` scores of `day` by `rows` (from `evaluate`) in four queries, whatever their number.

    Two DELETEs (items, then scores, by a subquery on `stale`) and two INSERT ... SELECT, each reading
    one JSON parameter: the scores, then their items, each finding its new score by (village, day). No
    batching by the database's parameter limit and no ids read back.
    """
    quote = connection.ops.quote_name
    score_table, item_table = quote(Score._meta.db_table), quote(ScoreItem._meta.db_table)
    stale_sql, stale_params = stale.values("pk").query.sql_with_params()
    scores = [
        {
            "village_id": village.pk,
            "total": str(total),
            "band": band_for(total).code,
            "blocks": {block: str(points) for block, points in blocks.items()},
            "facts": village_facts,
        }
        for village, total, blocks, _items, village_facts in rows
    ]
    items = [
        {
            "village_id": village.pk,
            **item,
            "points": str(item["points"]),
            "max_points": str(item["max_points"]),
        }
        for village, _total, _blocks, village_items, _facts in rows
        for item in village_items
    ]
    day_value = _prep(Score, "day", day)
    # The SQL below is composed only of table and column names from the models and the fixed column
    # lists above, and of the SQL Django compiled for `stale`; every value is a query parameter.
    score_source, score_col = _json_rows(SCORE_COLUMNS)
    item_source, item_col = _json_rows(ITEM_COLUMNS)
    names = [name for name, _t in ITEM_COLUMNS]
    delete_items = f"DELETE FROM {item_table} WHERE score_id IN ({stale_sql})"  # noqa: S608
    delete_scores = f"DELETE FROM {score_table} WHERE id IN ({stale_sql})"  # noqa: S608
    insert_scores = (
        f"INSERT INTO {score_table} (village_id, day, ruleset_id, total, band, blocks, facts, computed_at, "  # noqa: S608
        f"generated) SELECT {score_col['village_id']}, %s, %s, {score_col['total']}, {score_col['band']}, "
        f"{score_col['blocks']}, {score_col['facts']}, %s, %s FROM {score_source}"
    )
    # The score's id by a subquery per item row (an index lookup on (village, day)), not a JOIN:
    # SQLite may otherwise put the scores in the outer loop and read the JSON once per score.
    insert_items = (
        f"INSERT INTO {item_table} (score_id, {', '.join(quote(n) for n in names)}) "  # noqa: S608
        f"SELECT (SELECT s.id FROM {score_table} s WHERE s.village_id = {item_col['village_id']} "
        f"AND s.day = %s), {', '.join(item_col[n] for n in names)} FROM {item_source}"
    )
    now = _prep(Score, "computed_at", timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(delete_items, stale_params)
        cursor.execute(delete_scores, stale_params)
        cursor.execute(
            insert_scores, [day_value, ruleset.pk, now, _prep(Score, "generated", False), json.dumps(scores)]
        )
        cursor.execute(insert_items, [day_value, json.dumps(items)])


def evaluate(regency, day, villages, *, subset=True, ruleset=None):
    """(ruleset, [(village, total, {block: Decimal}, [item dicts], facts)]) without storing anything.

    `subset`: filter by the villages' ids (a few villages) or by regency (all; no long IN lists).
    """
    ruleset = ruleset or ensure_ruleset(regency)
    rules = list(ruleset.rules.all())
    ctx = checks.Context(regency, day, villages)
    ctx.subset = subset
    with scopes_disabled():
        results = {rule.check_id: checks.run(rule.check_id, ctx, rule.params) for rule in rules}
        village_facts = facts(ctx)
    rows = []
    for village in villages:
        items = []
        blocks = {block: Decimal("0.00") for block in BLOCKS}
        for rule in rules:
            result = results[rule.check_id][village.pk]
            points = _points(rule.weight, result.fraction)
            blocks[rule.block] += points
            items.append(
                {
                    "check_id": rule.check_id,
                    "block": rule.block,
                    "points": points,
                    "max_points": rule.weight,
                    "status": result.status,
                    "missing_text": "" if result.status == "ok" else result.text,
                    "fix_url": result.fix_url,
                }
            )
        total = sum(blocks.values(), Decimal("0.00"))
        rows.append((village, total, blocks, items, village_facts[village.pk]))
    return ruleset, rows


def prune(today=None, keep_days=365) -> int:
    """Keep daily snapshots for `keep_days`, then the first snapshot of each month. Returns rows deleted."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=keep_days)
    with scopes_disabled():
        old = Score.objects.filter(day__lt=cutoff)
        keep = set(
            old.annotate(month=TruncMonth("day"))
            .values("village_id", "month")
            .annotate(first=Min("day"))
            .values_list("village_id", "first")
        )
        doomed = [pk for pk, vid, day in old.values_list("pk", "village_id", "day") if (vid, day) not in keep]
        deleted = 0
        for start in range(0, len(doomed), 500):
            chunk = doomed[start : start + 500]
            ScoreItem.objects.filter(score_id__in=chunk).delete()
            deleted += Score.objects.filter(pk__in=chunk).delete()[0]
    return deleted
