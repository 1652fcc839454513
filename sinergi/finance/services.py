"""Saving an imported workbook as a draft version (all or nothing), and publishing with a trace.

A published version or realisation is never changed: a new import makes a new draft, and publishing a
draft that corrects a published one records who, when, why and what changed (`BudgetEvent`).
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from sinergi.core.cache import invalidate_public_pages
from sinergi.core.formatting import rupiah
from sinergi.finance import totals
from sinergi.finance.models import (
    BudgetActivity,
    BudgetEvent,
    BudgetImport,
    BudgetVersion,
    FinancingLine,
    IncomeLine,
    Realisation,
    RealisationItem,
    SpendingLine,
)
from sinergi.finance.workbook import Codes, read_workbook


def next_number(rows, field: str = "number") -> int:
    """One more than the highest `field` of `rows` (1 for none): version, report or kegiatan order.
    Call inside the transaction that holds the lock serialising the writers."""
    return (rows.aggregate(n=Max(field))["n"] or 0) + 1


class NotConfirmed(Exception):
    """The workbook still has problems at confirmation: nothing was saved."""


def latest_published(village, year, kind=None):
    versions = BudgetVersion.objects.filter(village=village, year=year, state=BudgetVersion.State.PUBLISHED)
    if kind:
        versions = versions.filter(kind=kind)
    return versions.order_by("-number").first()


def corrected_version(village, year, kind):
    """The published version a new import of `kind` would correct (the same kind, already published)."""
    return latest_published(village, year, kind)


def corrected_realisation(version, period):
    if version is None:
        return None
    return (
        Realisation.objects.filter(version=version, period=period, state=Realisation.State.PUBLISHED)
        .order_by("-number")
        .first()
    )


def parse_import(budget_import: BudgetImport):
    """The parsed workbook of a pending import, with the realisation's codes checked against its version."""
    with budget_import.file.open("rb") as handle:
        data = handle.read()
    parsed = read_workbook(data, Codes.load(), realisation=budget_import.is_realisation)
    if budget_import.is_realisation:
        version = latest_published(budget_import.village, budget_import.year)
        if version is None:
            parsed.problem(
                "",
                None,
                "",
                _("Belum ada APBDes %(year)s yang diterbitkan untuk dilaporkan realisasinya.")
                % {"year": budget_import.year},
            )
        else:
            check_realisation(parsed, version)
    return parsed


def check_realisation(parsed, version):
    income = {x.code: x.amount for x in version.income_lines.all()}
    financing = {x.code: x.amount for x in version.financing_lines.all()}
    spending = {}
    for line in SpendingLine.objects.filter(version=version).select_related("activity"):
        spending[line.activity.code] = spending.get(line.activity.code, 0) + line.amount
    known = {"pendapatan": income, "belanja": spending, "pembiayaan": financing}
    for row in parsed.realised:
        budget = known[row.part]
        if row.code not in budget:
            parsed.problem(
                "Realisasi",
                row.row,
                "B",
                _("Kode %(code)s tidak ada di %(version)s %(year)s.")
                % {"code": row.code, "version": version.label, "year": version.year},
            )
        elif row.part == "belanja" and row.amount > budget[row.code]:
            parsed.problem(
                "Realisasi",
                row.row,
                "E",
                _("Realisasi %(real)s melebihi anggaran kegiatan %(budget)s.")
                % {"real": rupiah(row.amount), "budget": rupiah(budget[row.code])},
            )


def confirm_import(import_id: int, by) -> BudgetImport:
    """Save a pending import as a draft, all or nothing; a second confirmation returns the first result."""
    with transaction.atomic():
        budget_import = BudgetImport.objects.select_for_update().get(pk=import_id)
        if budget_import.state == BudgetImport.State.SAVED:
            return budget_import
        parsed = parse_import(budget_import)
        if parsed.problems:
            raise NotConfirmed(_("Berkas masih bermasalah; tidak ada yang disimpan."))
        if budget_import.is_realisation:
            budget_import.realisation = _save_realisation(budget_import, parsed, by)
        else:
            budget_import.version = _save_version(budget_import, parsed, by)
        budget_import.state = BudgetImport.State.SAVED
        budget_import.save(update_fields=["state", "version", "realisation"])
    return budget_import


def _save_version(budget_import, parsed, by) -> BudgetVersion:
    village = budget_import.village
    # Lock the village's versions of the year so two imports cannot take the same number.
    number = next_number(
        BudgetVersion.objects.select_for_update().filter(village=village, year=budget_import.year)
    )
    version = BudgetVersion.objects.create(
        village=village,
        year=budget_import.year,
        kind=budget_import.target,
        number=number,
        corrects=corrected_version(village, budget_import.year, budget_import.target),
        correction_reason=budget_import.correction_reason,
        perdes_number=budget_import.perdes_number,
        perdes_date=budget_import.perdes_date,
        created_by=by,
        source_name=budget_import.original_name,
    )
    common = {"village_id": village.pk, "version": version}
    IncomeLine.objects.bulk_create(
        IncomeLine(code=x.code, name=x.name, amount=x.amount, position=i, **common)
        for i, x in enumerate(parsed.income)
    )
    FinancingLine.objects.bulk_create(
        FinancingLine(code=x.code, name=x.name, amount=x.amount, position=i, **common)
        for i, x in enumerate(parsed.financing)
    )
    activities = BudgetActivity.objects.bulk_create(
        BudgetActivity(
            code=a.code,
            name=a.name,
            field_code=a.code.split(".")[0],
            subfield_code=".".join(a.code.split(".")[:2]),
            location=a.location,
            volume=a.volume,
            unit=a.unit,
            implementer=a.implementer,
            position=i,
            **common,
        )
        for i, a in enumerate(parsed.activities)
    )
    if not all(a.pk for a in activities):  # SQLite before 3.35 and some backends: read the ids back
        activities = list(BudgetActivity.objects.filter(version=version).order_by("position"))
    SpendingLine.objects.bulk_create(
        SpendingLine(
            activity=saved,
            spending_type=line.spending_type,
            fund_source=line.fund_source,
            amount=line.amount,
            position=i,
            **common,
        )
        for saved, parsed_activity in zip(activities, parsed.activities, strict=True)
        for i, line in enumerate(parsed_activity.lines)
    )
    return version


def _save_realisation(budget_import, parsed, by) -> Realisation:
    version = latest_published(budget_import.village, budget_import.year)
    number = next_number(Realisation.objects.filter(version=version, period=budget_import.target))
    realisation = Realisation.objects.create(
        version=version,
        period=budget_import.target,
        number=number,
        corrects=corrected_realisation(version, budget_import.target),
        correction_reason=budget_import.correction_reason,
        created_by=by,
        source_name=budget_import.original_name,
    )
    RealisationItem.objects.bulk_create(
        RealisationItem(
            village_id=version.village_id,
            realisation=realisation,
            part=row.part,
            code=row.code,
            amount=row.amount,
            status=row.status,
            note=row.note,
        )
        for row in parsed.realised
    )
    return realisation


def _difference(before, after) -> str:
    parts = []
    for label, key in (
        (_("pendapatan"), "income"),
        (_("belanja"), "spending"),
        (_("penerimaan pembiayaan"), "financing_in"),
        (_("pengeluaran pembiayaan"), "financing_out"),
    ):
        old, new = getattr(before, key), getattr(after, key)
        if old != new:
            parts.append(f"{label}: {rupiah(old)} → {rupiah(new)}")
    return "; ".join(parts) or _("total tidak berubah (rincian berubah)")


class PublishError(Exception):
    pass


def publish_version(version_id: int, by) -> BudgetVersion:
    with transaction.atomic():
        version = BudgetVersion.objects.select_for_update().get(pk=version_id)
        if version.is_published:
            return version
        if version.corrects_id and not version.correction_reason.strip():
            raise PublishError(_("Koreksi atas versi yang sudah diterbitkan harus disertai alasannya."))
        version.state = BudgetVersion.State.PUBLISHED
        version.published_at = timezone.now()
        version.published_by = by
        version.save(update_fields=["state", "published_at", "published_by"])
        after = totals.figures(version)
        if version.corrects_id:
            before = totals.figures(version.corrects, names=after.code_names)
            action = BudgetEvent.Action.CORRECTED
            summary = f"{version.correction_reason.strip()} — {_difference(before, after)}"
        else:
            action = BudgetEvent.Action.PUBLISHED
            summary = _("pendapatan %(income)s; belanja %(spending)s") % {
                "income": rupiah(after.income),
                "spending": rupiah(after.spending),
            }
        BudgetEvent.objects.create(
            village_id=version.village_id,
            action=action,
            year=version.year,
            version=version,
            by=by,
            summary=summary,
        )
        transaction.on_commit(invalidate_public_pages)
    return version


def publish_realisation(realisation_id: int, by) -> Realisation:
    with transaction.atomic():
        realisation = Realisation.objects.select_for_update().select_related("version").get(pk=realisation_id)
        if realisation.is_published:
            return realisation
        if realisation.corrects_id and not realisation.correction_reason.strip():
            raise PublishError(_("Koreksi atas realisasi yang sudah diterbitkan harus disertai alasannya."))
        realisation.state = Realisation.State.PUBLISHED
        realisation.published_at = timezone.now()
        realisation.published_by = by
        realisation.save(update_fields=["state", "published_at", "published_by"])
        figures = totals.figures(realisation.version, realisation)
        summary = _("%(period)s: belanja terealisasi %(real)s dari %(budget)s") % {
            "period": realisation.get_period_display(),
            "real": rupiah(figures.realised_spending_total),
            "budget": rupiah(figures.spending),
        }
        if realisation.corrects_id:
            summary = f"{realisation.correction_reason.strip()} — {summary}"
        BudgetEvent.objects.create(
            village_id=realisation.village_id,
            action=BudgetEvent.Action.REALISATION_CORRECTED
            if realisation.corrects_id
            else BudgetEvent.Action.REALISATION,
            year=realisation.version.year,
            version=realisation.version,
            realisation=realisation,
            by=by,
            summary=summary,
        )
        transaction.on_commit(invalidate_public_pages)
    return realisation


def delete_draft(obj, by):
    """A draft version or realisation may be thrown away; a published one never."""
    with transaction.atomic():
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
        if obj.is_published:
            raise PublishError(_("Yang sudah diterbitkan tidak dapat dihapus; terbitkan koreksi."))
        year = obj.year if isinstance(obj, BudgetVersion) else obj.version.year
        BudgetEvent.objects.create(
            village_id=obj.village_id,
            action=BudgetEvent.Action.DRAFT_DELETED,
            year=year,
            by=by,
            summary=str(obj),
        )
        obj.delete()
