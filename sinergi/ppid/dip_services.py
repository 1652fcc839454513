"""The public DIP of one village: its rows by class, with availability and freshness; CSV and Excel.

Two queries whatever the size of the catalogue: the regency's active items, and the village's entries
with their page (and whether the public may see it) and document.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import formats
from django.utils.translation import gettext as _
from django_scopes import scope
from wagtail.models import Page

from sinergi.core.pages import listable
from sinergi.ppid.dip_models import DipEntry, DipItem, InfoClass

# A spreadsheet program runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class DipRow:
    number: int
    item: DipItem
    entry: DipEntry | None
    url: str
    link_label: str
    updated_on: dt.date | None
    stale_since: dt.date | None

    @property
    def available(self) -> bool:
        return bool(self.url)

    @property
    def stale(self) -> bool:
        return self.stale_since is not None

    @property
    def status(self) -> str:
        if self.item.info_class == InfoClass.DIKECUALIKAN:
            return _("Dikecualikan")
        if not self.available:
            return _("Belum tersedia")
        if self.stale:
            return _("Perlu diperbarui")
        return _("Tersedia")

    @property
    def note(self) -> str:
        return self.entry.note if self.entry is not None else ""


@dataclass
class DipSection:
    info_class: str
    label: str
    rows: list


def entries_for(village):
    """The village's entries, with the page only when the public may see it (one query)."""
    public_page = listable(Page.objects.filter(pk=OuterRef("page_id")))
    with scope(village=village):
        return list(
            DipEntry.objects.filter(village=village, item__active=True)
            .select_related("page", "document")
            .annotate(page_is_public=Exists(public_page))
        )


def _link(entry, request) -> tuple[str, str]:
    if entry is None:
        return "", ""
    if entry.page_id and entry.page_is_public:
        return entry.page.get_url(request) or "", entry.page.title
    if entry.document_id:
        return entry.document.url, entry.document.title
    return "", ""


def dip_sections(village, request=None, today: dt.date | None = None) -> list[DipSection]:
    from django.utils import timezone

    today = today or timezone.localdate()
    items = list(DipItem.objects.filter(regency_id=village.district.regency_id, active=True))
    entries = {entry.item_id: entry for entry in entries_for(village)}
    sections = []
    for value, label in InfoClass.choices:
        rows = []
        for item in (i for i in items if i.info_class == value):
            entry = entries.get(item.pk)
            url, link_label = _link(entry, request)
            updated_on = entry.updated_on if entry is not None else None
            stale_after = item.stale_after(updated_on) if url else None
            stale_since = stale_after if stale_after is not None and stale_after <= today else None
            rows.append(DipRow(len(rows) + 1, item, entry, url, link_label, updated_on, stale_since))
        sections.append(DipSection(value, label, rows))
    return sections


def last_update(sections) -> dt.date | None:
    dates = [row.updated_on for section in sections for row in section.rows if row.updated_on]
    return max(dates) if dates else None


# --------------------------------------------------------------------------- downloads


def _header() -> list[str]:
    return [
        _("Golongan"),
        _("No."),
        _("Informasi"),
        _("Dasar hukum"),
        _("Perlu dicek"),
        _("Periode pembaruan"),
        _("Status"),
        _("Tautan"),
        _("Judul tautan"),
        _("Terakhir diperbarui"),
        _("Catatan"),
    ]


def _values(sections, absolute) -> list[list]:
    rows = []
    for section in sections:
        for row in section.rows:
            rows.append(
                [
                    str(section.label),
                    row.number,
                    row.item.title,
                    row.item.source,
                    _("ya") if row.item.needs_check else "",
                    str(row.item.get_period_display()) if row.item.period else "",
                    row.status,
                    absolute(row.url) if row.url else "",
                    row.link_label,
                    row.updated_on,
                    row.note,
                ]
            )
    return rows


def _inert(value):
    """A text a spreadsheet would run as a formula gets a leading apostrophe (CSV only)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def as_csv(sections, absolute) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_header())
    for values in _values(sections, absolute):
        writer.writerow(
            [
                ""
                if v is None
                else formats.date_format(v, "SHORT_DATE_FORMAT")
                if isinstance(v, dt.date)
                else _inert(v)
                for v in values
            ]
        )
    # A byte-order mark so that spreadsheet programs read the text as UTF-8.
    return "\ufeff" + out.getvalue()


def as_xlsx(sections, absolute, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "DIP"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(_header())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for values in _values(sections, absolute):
        # Control characters cannot be stored in a workbook: they are dropped, the text is kept.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text, even "=..." typed by someone
            elif isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "C3"
    for column, width in zip("ABCDEFGHIJK", (28, 5, 60, 30, 10, 16, 16, 50, 40, 14, 40), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
