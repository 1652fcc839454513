"""What the village operator sees of the index: the latest score and what is still missing."""

from dataclasses import dataclass, field

from django_scopes import scopes_disabled

from sinergi.monitoring.bands import band_label
from sinergi.monitoring.models import BLOCK_TITLES, Score


@dataclass
class Missing:
    check_id: str
    title: str
    block: str
    points: object
    max_points: object
    gain: object
    status: str
    status_label: str
    text: str
    why: str
    fix: str
    fix_url: str


@dataclass
class VillageIndex:
    village: object
    score: Score | None
    band_label: str = ""
    missing: list = field(default_factory=list)
    blocks: list = field(default_factory=list)


def village_index(village, limit=None) -> VillageIndex:
    """The village's latest score with its missing items, most points to gain first (three queries)."""
    with scopes_disabled():
        score = Score.objects.filter(village=village).select_related("ruleset").order_by("-day").first()
        if score is None:
            return VillageIndex(village, None)
        rules = {rule.check_id: rule for rule in score.ruleset.rules.all()}
        items = [item for item in score.items.all() if item.status != "ok"]
    # What the operator can fix first (items with a place to fix them), most points to gain first;
    # then what only Diskominfo can change (HTTPS, the domain).
    items.sort(key=lambda item: (not item.fix_url, -item.gain, item.block, item.check_id))
    missing = []
    for item in items[:limit] if limit else items:
        rule = rules.get(item.check_id)
        missing.append(
            Missing(
                check_id=item.check_id,
                title=rule.title if rule else item.check_id,
                block=item.block,
                points=item.points,
                max_points=item.max_points,
                gain=item.gain,
                status=item.status,
                status_label=item.get_status_display(),
                text=item.missing_text,
                why=rule.measures if rule else "",
                fix=rule.fix if rule else "",
                fix_url=item.fix_url,
            )
        )
    blocks = [(code, BLOCK_TITLES[code], score.blocks.get(code, "0")) for code in BLOCK_TITLES]
    return VillageIndex(village, score, band_label(score.band), missing, blocks)
