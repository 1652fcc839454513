"""The public side of APBDes: routes of the village's Transparansi page (`TransparencyPage`).

    transparansi/                         the latest year with a published APBDes
    transparansi/tahun/2025/              that year's latest published version (and its realisation)
    transparansi/tahun/2025/versi/2/      an earlier published version
    transparansi/tahun/2025/data/json/ | csv/ | xlsx/   the data, at a stable address (?versi=2: a version)
    transparansi/tahun/2025/baliho/pdf/ | png/          the notice-board poster (?format=spanduk: banner)

(Wagtail serves only paths of letters, digits and hyphens ending in a slash, so no file extensions.)
    transparansi/perbandingan/            the years side by side

Only published versions and realisations are shown, and each page costs a fixed number of queries
whatever the number of kegiatan (tested). What Pasal 39 and 72 of Permendagri 20/2018 ask is on it:
the APB Desa, its implementers, the realisation with unfinished and not carried out kegiatan and the
remaining budget, and a complaints address.
"""

import json

from django.apps import apps
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django_scopes import scope
from wagtail.models import Page

from sinergi.core.formatting import rupiah_short
from sinergi.finance import charts, totals
from sinergi.finance.models import BudgetCode, BudgetVersion, IncomeLine, Realisation, SpendingLine
from sinergi.finance.template import build_csv, build_workbook, realisation_rows

DOWNLOADS = {"data": ("json", "csv", "xlsx"), "baliho": ("pdf", "png")}
PUBLISHED = BudgetVersion.State.PUBLISHED
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _published_versions(village):
    return list(
        BudgetVersion.objects.filter(village_id=village, state=PUBLISHED)
        .select_related("village", "perdes_document")
        .order_by("-year", "-number")
    )


def _choose(versions, year, number=None):
    for version in versions:
        if version.year == year and (number is None or version.number == number):
            return version
    raise Http404


def _complaints_page(page):
    model = apps.get_model("complaints", "ComplaintsPage")
    home_path = page.path[: -page.steplen]
    return Page.objects.filter(path__startswith=home_path, depth=page.depth).type(model).live().first()


def context_for(page, request, version, versions):
    realisation = _realisation_of(version)
    names = totals.code_names()
    fig = totals.figures(version, realisation, names=names)
    income_parts = [(f"{g.name} {rupiah_short(g.amount)}", g.amount) for g in fig.income_groups]
    # Chart labels fit a 400-unit drawing; the table beside the chart has the full names.
    field_rows = [
        (Truncator(f"{g.code}. {g.name}").chars(44), g.amount, g.realised) for g in fig.spending_fields
    ]
    years = sorted({v.year for v in versions}, reverse=True)
    same_year = [v for v in versions if v.year == version.year]
    return {
        "page": page,
        "version": version,
        "figures": fig,
        "realisation": realisation,
        "years": years,
        "same_year": same_year,
        "summary": summary_rows(fig),
        "poster": True,
        "income_chart": charts.proportion_bar(income_parts, _("Sumber pendapatan")),
        "income_legend": [(g, charts.colour(i)) for i, g in enumerate(fig.income_groups)],
        "field_chart": charts.bars(field_rows, _("Belanja per bidang"), rupiah_short),
        "complaints": _complaints_page(page),
        "download_base": f"{page.url}tahun/{version.year}/",
        "version_query": "" if same_year and same_year[0].pk == version.pk else f"?versi={version.number}",
    }


def _realisation_of(version):
    realisations = list(Realisation.objects.filter(version=version, state=PUBLISHED).order_by("-number"))
    year_end = [r for r in realisations if r.period == Realisation.Period.YEAR]
    return (year_end or realisations or [None])[0]


def _render(page, request, template, context):
    context = {**page.get_context(request), **context}
    response = TemplateResponse(request, template, context)
    response.render()
    return response


def current_page(page, request):
    village = page.village_id
    if village is None:
        raise Http404
    with scope(village=village):
        versions = _published_versions(village)
        if not versions:
            return _render(page, request, "finance/transparency_page.html", {"versions": []})
        return _render(
            page,
            request,
            "finance/transparency_page.html",
            {"versions": versions, **context_for(page, request, versions[0], versions)},
        )


def year_page(page, request, year, number=None):
    village = page.village_id
    if village is None:
        raise Http404
    with scope(village=village):
        versions = _published_versions(village)
        version = _choose(versions, year, number)
        return _render(
            page,
            request,
            "finance/transparency_page.html",
            {"versions": versions, **context_for(page, request, version, versions)},
        )


def comparison_page(page, request):
    village = page.village_id
    if village is None:
        raise Http404
    with scope(village=village):
        rows = comparison_rows(village)
    chart = charts.bars(
        [(str(r["year"]), r["spending"], r["realised"]) for r in rows], _("Belanja per tahun"), rupiah_short
    )
    return _render(page, request, "finance/comparison.html", {"rows": rows, "chart": chart})


def comparison_rows(village) -> list[dict]:
    """Per year, the latest published version's totals and its realisation: four queries for any number of years."""
    latest = {}
    for version in BudgetVersion.objects.filter(village_id=village, state=PUBLISHED).order_by(
        "year", "number"
    ):
        latest[version.year] = version
    ids = [v.pk for v in latest.values()]
    income = dict(
        IncomeLine.objects.filter(version_id__in=ids).values_list("version_id").annotate(s=Sum("amount"))
    )
    dana_desa = dict(
        IncomeLine.objects.filter(version_id__in=ids, code__startswith="4.2.1")
        .values_list("version_id")
        .annotate(s=Sum("amount"))
    )
    spending = dict(
        SpendingLine.objects.filter(version_id__in=ids).values_list("version_id").annotate(s=Sum("amount"))
    )
    realised = {}
    for r in Realisation.objects.filter(version_id__in=ids, state=PUBLISHED).order_by("number"):
        if r.period == Realisation.Period.YEAR or r.version_id not in realised:
            realised[r.version_id] = r
    realised_amounts = {}
    if realised:
        from sinergi.finance.models import RealisationItem

        realised_amounts = dict(
            RealisationItem.objects.filter(realisation__in=realised.values(), part="belanja")
            .values_list("realisation_id")
            .annotate(s=Sum("amount"))
        )
    rows = []
    for year, version in sorted(latest.items(), reverse=True):
        spent = realised_amounts.get(realised[version.pk].pk, 0) if version.pk in realised else None
        total = spending.get(version.pk, 0)
        rows.append(
            {
                "year": year,
                "version": version,
                "income": income.get(version.pk, 0),
                "dana_desa": dana_desa.get(version.pk, 0),
                "spending": total,
                "realised": spent,
                "percent": totals.percent(spent, total) if spent is not None else None,
                "realisation": realised.get(version.pk),
            }
        )
    return rows


def download(page, request, year, kind, extension):
    village = page.village_id
    if extension not in DOWNLOADS.get(kind, ()) or village is None:
        raise Http404
    number = request.GET.get("versi")
    number = int(number) if number and number.isdigit() and len(number) < 5 else None
    with scope(village=village):
        versions = _published_versions(village)
        version = _choose(versions, year, number)
        realisation = _realisation_of(version)
        figures = totals.figures(version, realisation)
        if extension == "json":
            body = json.dumps(figures.as_dict(), ensure_ascii=False, indent=1)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
        elif extension == "csv":
            response = HttpResponse(build_csv(figures), content_type="text/csv; charset=utf-8")
        elif extension == "xlsx":
            rows = realisation_rows(figures) if realisation else None
            codes = BudgetCode.objects.filter(is_active=True)
            response = HttpResponse(build_workbook(version, figures, rows, codes), content_type=XLSX)
        else:
            from sinergi.finance import poster

            fmt = request.GET.get("format", "a3")
            fmt = fmt if fmt in poster.FORMATS else "a3"
            data = poster.render(
                page, figures, fmt=fmt, as_png=extension == "png", url=request.build_absolute_uri(page.url)
            )
            response = HttpResponse(
                data, content_type="application/pdf" if extension == "pdf" else "image/png"
            )
    filename = f"{'baliho' if kind == 'baliho' else 'apbdes'}-{version.village.code}-{year}.{extension}"
    disposition = "inline" if extension in ("json", "pdf", "png") else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def summary_rows(fig) -> list[tuple[str, int]]:
    return [
        (_("Pendapatan"), fig.income),
        (_("Belanja"), fig.spending),
        (_("Surplus/(Defisit)"), fig.surplus),
        (_("Penerimaan pembiayaan"), fig.financing_in),
        (_("Pengeluaran pembiayaan"), fig.financing_out),
        (_("Pembiayaan netto"), fig.net_financing),
        (_("SiLPA tahun berjalan"), fig.silpa),
    ]
