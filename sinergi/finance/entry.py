"""Typing a budget and its realisation by hand in the admin, beside the Excel import.

The same rules as the import hold: lines go into a *draft*, which the operator checks and then
publishes (`services.publish_version`); a published version is never edited — a correction is a new
draft that names the version it corrects and why, and its publication leaves the trace the regency
reads. Every change here runs in one transaction with the draft's row locked, so a double click or two
tabs cannot interleave half-saved lines, and a draft published meanwhile is refused, not changed.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from sinergi.finance.models import (
    BudgetActivity,
    BudgetVersion,
    FinancingLine,
    IncomeLine,
    Realisation,
    RealisationItem,
    SpendingLine,
)
from sinergi.finance.services import corrected_realisation, corrected_version, next_number
from sinergi.regions.models import Village


class EntryError(Exception):
    """What the operator asked cannot be done; the message says why, in Indonesian."""


@dataclass
class AccountRow:
    code: str
    name: str
    amount: int


@dataclass
class ActivityData:
    code: str
    name: str
    location: str
    volume: Decimal | None
    unit: str
    implementer: str


@dataclass
class SpendingRow:
    spending_type: str
    fund_source: str
    amount: int


@dataclass
class RealisedValue:
    amount: int
    status: str
    note: str


def lock_village(village) -> None:
    """Serialise the creation of drafts of one village (the row exists even before its first version)."""
    Village.objects.select_for_update().filter(pk=village.pk).first()


def start_draft(
    village, year: int, kind: str, by, *, copy_from=None, reason="", perdes_number="", perdes_date=None
) -> BudgetVersion:
    """A new draft version of `kind`, empty or a copy of `copy_from` (a version of the same village).

    A draft of the same kind and year still open is refused: the operator continues that one (this also
    turns a double click on "Buat draf" into one draft). Where that kind is already published, the draft
    is a correction and needs its reason.
    """
    if copy_from is not None and copy_from.village_id != village.pk:
        raise EntryError(_("Versi sumber bukan milik desa ini."))
    with transaction.atomic():
        lock_village(village)
        open_draft = BudgetVersion.objects.filter(
            village=village, year=year, kind=kind, state=BudgetVersion.State.DRAFT
        ).first()
        if open_draft is not None:
            raise EntryError(
                _("Sudah ada draf %(label)s %(year)s (versi %(number)s): lanjutkan draf itu atau hapus dulu.")
                % {"label": open_draft.label, "year": year, "number": open_draft.number}
            )
        corrects = corrected_version(village, year, kind)
        if corrects is not None and not reason.strip():
            raise EntryError(
                _("%(kind)s %(year)s sudah diterbitkan: tulis alasan koreksinya.")
                % {"kind": BudgetVersion.Kind(kind).label, "year": year}
            )
        version = BudgetVersion.objects.create(
            village=village,
            year=year,
            kind=kind,
            number=next_number(BudgetVersion.objects.filter(village=village, year=year)),
            corrects=corrects,
            correction_reason=reason.strip(),
            perdes_number=perdes_number.strip(),
            perdes_date=perdes_date,
            created_by=by,
            source_name=_("diisi di Sinergi"),
        )
        if copy_from is not None:
            copy_lines(copy_from, version)
    return version


def copy_lines(source: BudgetVersion, target: BudgetVersion) -> None:
    common = {"village_id": target.village_id, "version": target}
    IncomeLine.objects.bulk_create(
        IncomeLine(code=x.code, name=x.name, amount=x.amount, position=x.position, **common)
        for x in source.income_lines.all()
    )
    FinancingLine.objects.bulk_create(
        FinancingLine(code=x.code, name=x.name, amount=x.amount, position=x.position, **common)
        for x in source.financing_lines.all()
    )
    for activity in source.activities.prefetch_related("lines"):
        lines = list(activity.lines.all())
        activity.pk = None
        activity.version = target
        activity.save()
        _add_spending(activity, lines)


def _add_spending(activity: BudgetActivity, rows) -> None:
    """The belanja lines of a saved kegiatan, in the order given (rows with spending_type, fund_source, amount)."""
    SpendingLine.objects.bulk_create(
        SpendingLine(
            activity=activity,
            version_id=activity.version_id,
            village_id=activity.village_id,
            spending_type=row.spending_type,
            fund_source=row.fund_source,
            amount=row.amount,
            position=i,
        )
        for i, row in enumerate(rows)
    )


def _locked_draft(version_id: int) -> BudgetVersion:
    version = BudgetVersion.objects.select_for_update().get(pk=version_id)
    if version.is_published:
        raise EntryError(
            _(
                "Versi ini sudah diterbitkan dan tidak diubah lagi. Buat koreksi bila angkanya perlu diperbaiki."
            )
        )
    return version


def save_accounts(version_id: int, part: str, rows: list[AccountRow]) -> None:
    """Replace the pendapatan ("income") or pembiayaan ("financing") lines of a draft with `rows`."""
    model = {"income": IncomeLine, "financing": FinancingLine}[part]
    with transaction.atomic():
        version = _locked_draft(version_id)
        model.objects.filter(version=version).delete()
        model.objects.bulk_create(
            model(
                version=version,
                village_id=version.village_id,
                code=row.code,
                name=row.name,
                amount=row.amount,
                position=i,
            )
            for i, row in enumerate(rows)
        )


def save_activity(
    version_id: int, activity_id: int | None, data: ActivityData, lines: list[SpendingRow]
) -> BudgetActivity:
    """Create or change one kegiatan of a draft, with its belanja lines (replaced as a whole)."""
    with transaction.atomic():
        version = _locked_draft(version_id)
        taken = BudgetActivity.objects.filter(version=version, code=data.code)
        if activity_id is not None:
            taken = taken.exclude(pk=activity_id)
        if taken.exists():
            raise EntryError(_("Kode kegiatan %(code)s sudah dipakai di versi ini.") % {"code": data.code})
        if activity_id is None:
            position = next_number(version.activities.all(), "position")
            activity = BudgetActivity(version=version, position=position)
        else:
            activity = BudgetActivity.objects.get(pk=activity_id, version=version)
        activity.code = data.code
        activity.name = data.name
        activity.field_code = data.code.split(".")[0]
        activity.subfield_code = ".".join(data.code.split(".")[:2])
        activity.location = data.location
        activity.volume = data.volume
        activity.unit = data.unit
        activity.implementer = data.implementer
        activity.save()
        activity.lines.all().delete()
        _add_spending(activity, lines)
    return activity


def delete_activity(version_id: int, activity_id: int) -> None:
    with transaction.atomic():
        version = _locked_draft(version_id)
        BudgetActivity.objects.filter(pk=activity_id, version=version).delete()


# --------------------------------------------------------------------------- realisation


def start_realisation(version: BudgetVersion, period: str, by, *, reason="") -> Realisation:
    """A draft realisation report of a published version: one row per line of the budget.

    The rows start at zero, or at the published report's figures when this one corrects it (which then
    needs its reason). One draft per version and period at a time.
    """
    with transaction.atomic():
        version = BudgetVersion.objects.select_for_update().get(pk=version.pk)
        if not version.is_published:
            raise EntryError(_("Realisasi dilaporkan atas APBDes yang sudah diterbitkan."))
        reports = Realisation.objects.filter(version=version, period=period)
        draft = reports.filter(state=Realisation.State.DRAFT).first()
        if draft is not None:
            raise EntryError(
                _("Sudah ada draf %(report)s: lanjutkan draf itu atau hapus dulu.") % {"report": draft}
            )
        corrects = corrected_realisation(version, period)
        if corrects is not None and not reason.strip():
            raise EntryError(_("Realisasi ini sudah diterbitkan: tulis alasan koreksinya."))
        realisation = Realisation.objects.create(
            version=version,
            period=period,
            number=next_number(reports),
            corrects=corrects,
            correction_reason=reason.strip(),
            created_by=by,
            source_name=_("diisi di Sinergi"),
        )
        before = {}
        if corrects is not None:
            before = {(x.part, x.code): x for x in corrects.items.all()}

        def item(part, code):
            old = before.get((part, code))
            return RealisationItem(
                realisation=realisation,
                village_id=version.village_id,
                part=part,
                code=code,
                amount=old.amount if old else 0,
                status=old.status if old else "",
                note=old.note if old else "",
            )

        Part = RealisationItem.Part
        RealisationItem.objects.bulk_create(
            [
                *(item(Part.INCOME, x.code) for x in version.income_lines.all()),
                *(item(Part.SPENDING, x.code) for x in version.activities.all()),
                *(item(Part.FINANCING, x.code) for x in version.financing_lines.all()),
            ]
        )
    return realisation


def save_realised(realisation_id: int, values: dict[int, RealisedValue]) -> None:
    """Set the figures of a draft realisation's rows ({item id: value}); rows of other reports are ignored."""
    with transaction.atomic():
        realisation = Realisation.objects.select_for_update().get(pk=realisation_id)
        if realisation.is_published:
            raise EntryError(
                _("Realisasi ini sudah diterbitkan dan tidak diubah lagi. Buat koreksi bila perlu.")
            )
        items = {x.pk: x for x in realisation.items.filter(pk__in=list(values))}
        for pk, value in values.items():
            if pk in items:
                items[pk].amount, items[pk].status, items[pk].note = value.amount, value.status, value.note
        RealisationItem.objects.bulk_update(items.values(), ["amount", "status", "note"])
