"""Public pages of the index: the regency's ranking by band, a page per village, the methodology.

Each page reads a fixed number of queries whatever the number of villages (tests assert it); the
ranking is paginated (RANKING_PAGE rows a page).
"""

from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django_scopes import scopes_disabled
from wagtail.models import Site

from sinergi.monitoring.bands import BANDS, BY_CODE, SOURCE
from sinergi.monitoring.models import BLOCK_TITLES, BLOCKS, IndexSettings, Score
from sinergi.monitoring.seed import ensure_ruleset
from sinergi.regions.models import Regency, Village

RANKING_PAGE = 300


def _regency_for(request):
    """The regency of the site asked (portal or a village's own domain), else the first one."""
    site = Site.find_for_request(request)
    root_id = site.root_page_id if site else None
    regency = (
        Regency.objects.filter(page_id=root_id).first()
        or Regency.objects.filter(districts__villages__page_id=root_id).first()
        or Regency.objects.order_by("code").first()
    )
    if regency is None:
        raise Http404
    return regency


def _portal_context(regency):
    return {"portal_home": regency.page, "village_home": None}


@require_GET
def ranking(request):
    regency = _regency_for(request)
    settings = IndexSettings.for_regency(regency)
    context = {**_portal_context(regency), "regency": regency, "settings": settings, "bands": BANDS}
    if settings.public_ranking:
        with scopes_disabled():
            scores = Score.objects.filter(village__district__regency=regency)
            day = scores.aggregate(day=Max("day"))["day"]
            rows = (
                scores.filter(day=day)
                .select_related("village__district")
                .only("total", "band", "day", "village__name", "village__code", "village__district__name")
                .order_by("-total", "village__name")
            )
            page = Paginator(rows, RANKING_PAGE).get_page(request.GET.get("halaman"))
            rows = list(page.object_list)
        context.update(day=day, page_obj=page, groups=_by_band(rows))
    return render(request, "monitoring/public/ranking.html", context)


def _by_band(rows):
    groups = {band.code: [] for band in BANDS}
    for rank, score in enumerate(rows, start=1):
        groups.setdefault(score.band, []).append((rank, score))
    return [(BY_CODE[code], groups[code]) for code in groups if code in BY_CODE and groups[code]]


@require_GET
def village(request, code):
    target = get_object_or_404(Village.objects.select_related("district__regency__page", "page"), code=code)
    regency = target.district.regency
    with scopes_disabled():
        score = Score.objects.filter(village=target).select_related("ruleset").order_by("-day").first()
        items = list(score.items.all()) if score else []
        rules = {rule.check_id: rule for rule in score.ruleset.rules.all()} if score else {}
    blocks = []
    if score:
        weights = {block: sum((i.max_points for i in items if i.block == block), 0) for block in BLOCKS}
        for block in BLOCKS:
            block_items = [(rules.get(item.check_id), item) for item in items if item.block == block]
            blocks.append(
                (block, BLOCK_TITLES[block], score.blocks.get(block, "0"), weights[block], block_items)
            )
    context = {
        "portal_home": regency.page,
        "village_home": target.page,
        "village": target,
        "score": score,
        "band": BY_CODE.get(score.band) if score else None,
        "blocks": blocks,
    }
    return render(request, "monitoring/public/village.html", context)


@require_GET
def methodology(request):
    regency = _regency_for(request)
    ruleset = ensure_ruleset(regency)
    rules = list(ruleset.rules.all())
    blocks = []
    for block in BLOCKS:
        block_rules = [rule for rule in rules if rule.block == block]
        blocks.append((block, BLOCK_TITLES[block], sum((r.weight for r in block_rules), 0), block_rules))
    context = {
        **_portal_context(regency),
        "regency": regency,
        "ruleset": ruleset,
        "blocks": blocks,
        "bands": [(band, BANDS[i - 1].minimum if i else None) for i, band in enumerate(BANDS)],
        "band_source": SOURCE,
        "total": sum((r.weight for r in rules), 0),
    }
    return render(request, "monitoring/public/methodology.html", context)
