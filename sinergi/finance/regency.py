"""The regency's view of APBDes publication: who has published this year's budget and realisation.

A fixed number of queries for any number of villages (six): the villages, the published versions of the
year, and income, Dana Desa, belanja per bidang and realisation sums grouped by version.
"""

import datetime as dt
import io

from django.db.models import Sum
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from openpyxl import Workbook
from openpyxl.styles import Font

from sinergi.finance.models import BudgetVersion, IncomeLine, Realisation, RealisationItem, SpendingLine
from sinergi.finance.totals import FIELDS, percent
from sinergi.regions.models import Village

# When a village is late (perlu dicek against the regency's own rules): the APB Desa is adopted by
# 31 December of the year before (Permendagri 20/2018 Pasal 34), so by 31 January it should be public;
# the semester I realisation is due in July (Pasal 68), the year-end one in January of the next year.
BUDGET_DUE = (1, 31)
SEMESTER_DUE = (7, 31)

SORTS = {
    "desa": lambda r: (r["village"].district.name, r["village"].name),
    "kecamatan": lambda r: (r["village"].district.name, r["village"].name),
    "pendapatan": lambda r: r["income"],
    "dana_desa": lambda r: r["dana_desa"],
    "belanja": lambda r: r["spending"],
    "realisasi": lambda r: r["percent"] if r["percent"] is not None else -1,
    "terbit": lambda r: r["published_at"] or dt.datetime.max.replace(tzinfo=dt.UTC),
}


def village_rows(villages, year: int, today: dt.date) -> list[dict]:
    villages = list(villages.select_related("district").order_by("district__name", "name"))
    ids = [v.pk for v in villages]
    with scopes_disabled():  # the regency's view across villages, on purpose (security.md, "Tenancy")
        latest = {}
        for version in BudgetVersion.objects.filter(
            village_id__in=ids, year=year, state=BudgetVersion.State.PUBLISHED
        ).order_by("number"):
            latest[version.village_id] = version
        version_ids = [v.pk for v in latest.values()]
        income = dict(
            IncomeLine.objects.filter(version_id__in=version_ids)
            .values_list("version_id")
            .annotate(s=Sum("amount"))
        )
        dana_desa = dict(
            IncomeLine.objects.filter(version_id__in=version_ids, code__startswith="4.2.1")
            .values_list("version_id")
            .annotate(s=Sum("amount"))
        )
        by_field = {}
        for version_id, field_code, amount in (
            SpendingLine.objects.filter(version_id__in=version_ids)
            .values_list("version_id", "activity__field_code")
            .annotate(s=Sum("amount"))
        ):
            by_field.setdefault(version_id, {})[field_code] = amount
        realisations = {}
        for r in Realisation.objects.filter(
            version_id__in=version_ids, state=Realisation.State.PUBLISHED
        ).order_by("number"):
            previous = realisations.get(r.version_id)
            if previous is None or r.period == Realisation.Period.YEAR or previous.period == r.period:
                realisations[r.version_id] = r
        realised = dict(
            RealisationItem.objects.filter(realisation__in=list(realisations.values()), part="belanja")
            .values_list("realisation_id")
            .annotate(s=Sum("amount"))
        )
    budget_due = dt.date(year, *BUDGET_DUE)
    semester_due = dt.date(year, *SEMESTER_DUE)
    rows = []
    for village in villages:
        version = latest.get(village.pk)
        fields = by_field.get(version.pk, {}) if version else {}
        spending = sum(fields.values())
        realisation = realisations.get(version.pk) if version else None
        spent = realised.get(realisation.pk, 0) if realisation else None
        late = []
        if version is None and today > budget_due:
            late.append(_("APBDes"))
        if version is not None and realisation is None and today > semester_due:
            late.append(_("realisasi semester I"))
        rows.append(
            {
                "village": village,
                "version": version,
                "published_at": version.published_at if version else None,
                "income": income.get(version.pk, 0) if version else 0,
                "dana_desa": dana_desa.get(version.pk, 0) if version else 0,
                "fields": [fields.get(code, 0) for code in FIELDS],
                "spending": spending,
                "realisation": realisation,
                "realised": spent,
                "percent": percent(spent, spending) if spent is not None else None,
                "late": late,
            }
        )
    return rows


def sort_rows(rows, key: str):
    descending = key.startswith("-")
    name = key.lstrip("-")
    if name not in SORTS:
        name, descending = "desa", False
    return sorted(rows, key=SORTS[name], reverse=descending), ("-" if descending else "") + name


def district_totals(rows) -> list[dict]:
    totals = {}
    for row in rows:
        district = row["village"].district
        entry = totals.setdefault(
            district.pk,
            {
                "district": district,
                "villages": 0,
                "published": 0,
                "income": 0,
                "dana_desa": 0,
                "spending": 0,
                "fields": [0] * len(FIELDS),
                "realised": 0,
            },
        )
        entry["villages"] += 1
        entry["published"] += row["version"] is not None
        for key in ("income", "dana_desa", "spending"):
            entry[key] += row[key]
        entry["realised"] += row["realised"] or 0
        entry["fields"] = [a + b for a, b in zip(entry["fields"], row["fields"], strict=True)]
    return sorted(totals.values(), key=lambda e: e["district"].name)


def regency_total(districts) -> dict:
    """The sum of the kecamatan rows: the regency's own line."""
    total = {"villages": 0, "published": 0, "income": 0, "dana_desa": 0, "spending": 0, "realised": 0}
    fields = [0] * len(FIELDS)
    for entry in districts:
        for key in total:
            total[key] += entry[key]
        fields = [a + b for a, b in zip(fields, entry["fields"], strict=True)]
    return {**total, "fields": fields}


def as_xlsx(rows, districts, year) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"Desa {year}"
    headers = [
        "Kecamatan",
        "Desa",
        "Kode",
        "Versi",
        "Diterbitkan",
        "Pendapatan",
        "Dana Desa",
        *[f"Belanja bidang {c}" for c in FIELDS],
        "Belanja",
        "Realisasi belanja",
        "Realisasi (%)",
        "Terlambat",
    ]
    sheet.append(headers)
    for row in rows:
        v = row["version"]
        sheet.append(
            [
                row["village"].district.name,
                row["village"].name,
                row["village"].code,
                str(v.label) if v else "",
                v.published_at.date().isoformat() if v else "",
                row["income"],
                row["dana_desa"],
                *row["fields"],
                row["spending"],
                row["realised"],
                float(row["percent"]) if row["percent"] is not None else None,
                ", ".join(str(x) for x in row["late"]),
            ]
        )
    summary = book.create_sheet("Kecamatan")
    summary.append(
        [
            "Kecamatan",
            "Desa",
            "Sudah terbit",
            "Pendapatan",
            "Dana Desa",
            *[f"Belanja bidang {c}" for c in FIELDS],
            "Belanja",
            "Realisasi belanja",
        ]
    )
    for d in districts:
        summary.append(
            [
                d["district"].name,
                d["villages"],
                d["published"],
                d["income"],
                d["dana_desa"],
                *d["fields"],
                d["spending"],
                d["realised"],
            ]
        )
    for ws in (sheet, summary):
        for cell in ws[1]:
            cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def regency_villages(user):
    from sinergi.accounts.access import administered_regencies

    return Village.objects.filter(district__regency__in=administered_regencies(user))
