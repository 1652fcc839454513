"""Demo: the completeness index with 13 months of history for the Marang Kayu villages.

Today's scores are computed from the demo content (every village of the regency; the villages
outside Marang Kayu score their provisioned, empty state). The past is generated: one snapshot on the
first of each of the 13 months before, marked `generated`, in which an item complete today was
still missing in month k with a chance that grows with k (deterministic per village, item and month),
so that trends climb to today's real score. Items that are not complete today were not complete then
either. Each generated item's points follow from its status, so items still sum to the score.
"""

import datetime as dt
import hashlib
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.demo import data
from sinergi.monitoring.bands import band_for
from sinergi.monitoring.compute import compute_scores
from sinergi.monitoring.models import BLOCKS, Score, ScoreItem
from sinergi.regions.models import Regency

MONTHS = 13
GENERATED_TEXT = "Data riwayat demo (dibangkitkan, bukan hasil perhitungan hari itu)."


def _month_start(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _chance(*parts) -> float:
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def load_index_demo(stdout=None, today=None) -> int:
    today = today or timezone.localdate()
    regency = Regency.objects.get(code=data.REGENCY_CODE)
    compute_scores(regency, today)
    with scopes_disabled(), transaction.atomic():
        current = list(
            Score.objects.filter(village__district__code=data.DISTRICT_CODE, day=today).prefetch_related(
                "items"
            )
        )
        days = [_month_start(today, back) for back in range(1, MONTHS + 1)]
        stale = Score.objects.filter(village__district__code=data.DISTRICT_CODE, day__in=days, generated=True)
        ScoreItem.objects.filter(score__in=stale).delete()
        stale.delete()
        have = set(
            Score.objects.filter(village__district__code=data.DISTRICT_CODE, day__in=days).values_list(
                "village_id", "day"
            )
        )
        now = timezone.now()
        scores, item_lists = [], []
        for score in current:
            for back, day in enumerate(days, start=1):
                if (score.village_id, day) in have:
                    continue
                items, blocks = [], {block: Decimal("0.00") for block in BLOCKS}
                for item in score.items.all():
                    points, status = item.points, item.status
                    # Up to 60 % of today's complete items were missing a year ago.
                    if status == "ok" and _chance(score.village_id, item.check_id, day) < 0.6 * back / MONTHS:
                        points, status = Decimal("0.00"), "missing"
                    blocks[item.block] += points
                    items.append(
                        ScoreItem(
                            village_id=score.village_id,
                            check_id=item.check_id,
                            block=item.block,
                            points=points,
                            max_points=item.max_points,
                            status=status,
                            missing_text="" if status == "ok" else GENERATED_TEXT,
                        )
                    )
                total = sum(blocks.values(), Decimal("0.00"))
                scores.append(
                    Score(
                        village_id=score.village_id,
                        day=day,
                        ruleset_id=score.ruleset_id,
                        total=total,
                        band=band_for(total).code,
                        blocks={block: str(points) for block, points in blocks.items()},
                        facts={**score.facts, "last_news_date": None},
                        computed_at=now,
                        generated=True,
                    )
                )
                item_lists.append(items)
        created = Score.objects.bulk_create(scores)
        for score, items in zip(created, item_lists, strict=True):
            for item in items:
                item.score = score
        ScoreItem.objects.bulk_create([item for items in item_lists for item in items], batch_size=2000)
    if stdout is not None:
        stdout.write(
            f"Indeks keterbukaan: nilai hari ini untuk semua desa, {len(created)} nilai riwayat demo "
            f"({MONTHS} bulan) untuk Kecamatan Marang Kayu."
        )
    return len(created)
