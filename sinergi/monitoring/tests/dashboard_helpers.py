"""Scores as the nightly computation stores them, made directly (the dashboards only read them)."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django_scopes import scopes_disabled

from sinergi.monitoring.bands import band_for
from sinergi.monitoring.models import Rule, RuleSet, Score, ScoreItem

# (check_id, block, weight, title)
RULES = [
    ("A.profil_desa", "A", Decimal("10"), "Profil desa"),
    ("A.pemerintahan", "A", Decimal("25"), "Susunan pemerintahan desa"),
    ("B.apbdes", "B", Decimal("20"), "APBDes tahun berjalan"),
    ("C.ppid", "C", Decimal("15"), "Profil PPID desa"),
    ("D.berita", "D", Decimal("15"), "Berita 30 hari terakhir"),
    ("E.kontak", "E", Decimal("10"), "Kontak kantor desa"),
    ("F.serta_merta", "F", Decimal("5"), "Informasi serta-merta"),
]


NOTE = "aturan uji dasbor"


def ruleset(regency) -> RuleSet:
    """A small rule set of the tests' own (the seeded default may change; these tests read titles)."""
    existing = RuleSet.objects.filter(regency=regency, note=NOTE).first()
    if existing:
        return existing
    latest = RuleSet.objects.filter(regency=regency).order_by("-version").first()
    rules = RuleSet.objects.create(regency=regency, version=(latest.version + 1) if latest else 1, note=NOTE)
    for position, (check_id, block, weight, title) in enumerate(RULES):
        Rule.objects.create(
            ruleset=rules,
            check_id=check_id,
            block=block,
            weight=weight,
            title=title,
            measures=title,
            source="uji",
            fix="Lengkapi.",
            position=position,
        )
    return rules


def make_score(village, day: dt.date, earned: dict | None = None, facts: dict | None = None) -> Score:
    """A score of `village` on `day`; `earned` maps check_id to points (default: nothing earned)."""
    earned = earned or {}
    rules = ruleset(village.district.regency)
    blocks = {b: Decimal("0") for b in "ABCDEF"}
    items = []
    for check_id, block, weight, title in RULES:
        points = Decimal(earned.get(check_id, 0))
        blocks[block] += points
        status = "ok" if points == weight else ("partial" if points else "missing")
        items.append(
            (check_id, block, points, weight, status, "" if status == "ok" else f"{title} belum lengkap.")
        )
    total = sum(blocks.values(), Decimal("0"))
    with scopes_disabled():
        Score.objects.filter(village=village, day=day).delete()
        score = Score.objects.create(
            village=village,
            day=day,
            ruleset=rules,
            total=total,
            band=band_for(total).code,
            blocks={b: str(v) for b, v in blocks.items()},
            facts={
                "kim_reports_submitted_30d": 0,
                "kim_reports_published_30d": 0,
                "kim_activities_30d": 0,
                "last_news_date": None,
                **(facts or {}),
            },
            computed_at=timezone.now(),
        )
        ScoreItem.objects.bulk_create(
            ScoreItem(
                village=village,
                score=score,
                check_id=check_id,
                block=block,
                points=points,
                max_points=weight,
                status=status,
                missing_text=text,
                fix_url="/admin/pages/1/edit/" if status != "ok" else "",
            )
            for check_id, block, points, weight, status, text in items
        )
    return score


def everything_but(*check_ids) -> dict:
    return {check_id: weight for check_id, _block, weight, _t in RULES if check_id not in check_ids}
