"""The Excel template operators download, and the export of a version in the same layout.

An exported workbook imports back unchanged (tested): the export is the template filled in. CSV is
one table of every line with its part, so it reads in any spreadsheet.
"""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from sinergi.finance import workbook as wb

INCOME_HEADERS = ["Kode", "Uraian", "Anggaran (Rp)"]
SPENDING_HEADERS = [
    "Kode",
    "Uraian",
    "Lokasi",
    "Volume",
    "Satuan",
    "Pelaksana",
    "Sumber Dana",
    "Jenis Belanja",
    "Anggaran (Rp)",
]
REALISATION_HEADERS = [
    "Bagian",
    "Kode",
    "Uraian",
    "Anggaran (Rp)",
    "Realisasi (Rp)",
    "Status Kegiatan",
    "Keterangan",
]
SUMMARY_ROWS = [
    ("Total Pendapatan", "income"),
    ("Total Belanja", "spending"),
    ("Penerimaan Pembiayaan", "financing_in"),
    ("Pengeluaran Pembiayaan", "financing_out"),
]
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7DD")
MONEY = "#,##0"

INSTRUCTIONS = [
    "Templat APBDes Sinergi (Permendagri 20/2018)",
    "",
    "1. Isi lembar Pendapatan, Belanja dan Pembiayaan; satu baris per rincian. Kode mengikuti Lampiran "
    "Permendagri 20/2018 (daftar di lembar Kode).",
    "2. Pendapatan dan Pembiayaan: boleh menulis baris induk (misalnya 4.2) dengan jumlahnya; jumlah itu harus "
    "sama dengan jumlah rinciannya.",
    "3. Belanja: satu baris per kegiatan (kode bidang.sub-bidang.kegiatan, misalnya 2.3.01) dengan lokasi, volume, "
    "satuan, pelaksana (misalnya TPK), sumber dana (DDS, ADD, PAD, PBH, PBP, PBK, DLL) dan jenis belanja "
    "(5.1 pegawai, 5.2 barang/jasa, 5.3 modal, 5.4 tak terduga). Kegiatan dengan beberapa jenis belanja atau "
    "sumber dana: ulangi kodenya di baris berikutnya.",
    "4. Rupiah ditulis sebagai angka bulat tanpa sen. Rumus boleh, asal berkas disimpan di Excel (nilai "
    "tersimpan yang dibaca, rumus tidak dijalankan).",
    "5. Lembar Ringkasan boleh diisi: Sinergi memeriksa apakah totalnya sama dengan jumlah barisnya.",
    "6. Lembar Realisasi diisi saat melaporkan realisasi semester I atau akhir tahun: Bagian (Pendapatan, "
    "Belanja, Pembiayaan), kode yang sama dengan APBDes, realisasi, dan untuk kegiatan statusnya (Selesai, "
    "Belum selesai, Tidak dilaksanakan).",
    "Simpan sebagai .xlsx (bukan .xlsm, tanpa kata sandi).",
]


def _sheet(book, title, headers, widths):
    sheet = book.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for index, width in enumerate(widths):
        sheet.column_dimensions[wb.column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _money(sheet, column_letter):
    for cell in sheet[column_letter][1:]:
        cell.number_format = MONEY


def build_workbook(version=None, figures=None, realisation_items=None, codes=None) -> bytes:
    """The template (empty), or a version's lines in it; with `realisation_items` the Realisasi sheet too."""
    book = Workbook()
    notes = book.active
    notes.title = "Petunjuk"
    for line in INSTRUCTIONS:
        notes.append([line])
    notes["A1"].font = BOLD
    notes.column_dimensions["A"].width = 120

    income = _sheet(book, wb.INCOME_SHEET, INCOME_HEADERS, [12, 60, 18])
    spending = _sheet(book, wb.SPENDING_SHEET, SPENDING_HEADERS, [12, 50, 25, 10, 12, 25, 12, 14, 18])
    financing = _sheet(book, wb.FINANCING_SHEET, INCOME_HEADERS, [12, 60, 18])
    realised = _sheet(book, wb.REALISATION_SHEET, REALISATION_HEADERS, [14, 12, 50, 18, 18, 20, 40])
    summary = _sheet(book, wb.SUMMARY_SHEET, ["Uraian", "Jumlah (Rp)"], [30, 20])
    if version is not None:
        for line in version.income_lines.all():
            income.append([line.code, line.name, line.amount])
        for activity in version.activities.all():
            for index, line in enumerate(activity.lines.all()):
                first = index == 0
                spending.append(
                    [
                        activity.code,
                        activity.name if first else None,
                        activity.location if first else None,
                        activity.volume if first else None,
                        activity.unit if first else None,
                        activity.implementer if first else None,
                        line.fund_source,
                        line.spending_type,
                        line.amount,
                    ]
                )
        for line in version.financing_lines.all():
            financing.append([line.code, line.name, line.amount])
    for label, key in SUMMARY_ROWS:
        summary.append([label, getattr(figures, key) if figures else None])
    for row in realisation_items or []:
        realised.append(row)
    for sheet, letter in ((income, "C"), (spending, "I"), (financing, "C"), (summary, "B")):
        _money(sheet, letter)
    _money(realised, "D")
    _money(realised, "E")

    reference = book.create_sheet("Kode")
    reference.append(["Jenis", "Kode", "Uraian", "Sumber"])
    for cell in reference[1]:
        cell.font = BOLD
    for code in codes or []:
        reference.append(
            [
                code.get_kind_display(),
                code.code,
                code.name,
                code.source + (" (perlu dicek)" if code.needs_check else ""),
            ]
        )
    reference.column_dimensions["C"].width = 60
    reference.column_dimensions["D"].width = 50

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def realisation_rows(figures) -> list[list]:
    """The Realisasi sheet's rows for a version and its (latest) realisation, from `totals.Figures`."""
    rows = []
    for line in figures.income_lines:
        rows.append(
            [
                "Pendapatan",
                line.code,
                line.name,
                line.amount,
                figures.realised_income.get(line.code, 0),
                None,
                None,
            ]
        )
    for row in figures.activities:
        rows.append(
            [
                "Belanja",
                row.activity.code,
                row.activity.name,
                row.amount,
                row.realised or 0,
                row.status_label or None,
                row.note or None,
            ]
        )
    for line in figures.financing_lines:
        rows.append(
            [
                "Pembiayaan",
                line.code,
                line.name,
                line.amount,
                figures.realised_financing.get(line.code, 0),
                None,
                None,
            ]
        )
    return rows


CSV_HEADERS = [
    "bagian",
    "kode",
    "uraian",
    "bidang",
    "sub_bidang",
    "lokasi",
    "volume",
    "satuan",
    "pelaksana",
    "sumber_dana",
    "jenis_belanja",
    "anggaran",
    "realisasi",
    "status",
]


def build_csv(figures) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    for line in figures.income_lines:
        realised = figures.realised_income.get(line.code) if figures.realisation else None
        writer.writerow(
            [
                "pendapatan",
                line.code,
                line.name,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                line.amount,
                _csv(realised),
                "",
            ]
        )
    for row in figures.activities:
        a = row.activity
        for line in a.lines.all():
            writer.writerow(
                [
                    "belanja",
                    a.code,
                    a.name,
                    a.field_code,
                    a.subfield_code,
                    a.location,
                    a.volume if a.volume is not None else "",
                    a.unit,
                    a.implementer,
                    line.fund_source,
                    line.spending_type,
                    line.amount,
                    "",
                    "",
                ]
            )
        if figures.realisation:
            writer.writerow(
                [
                    "realisasi_kegiatan",
                    a.code,
                    a.name,
                    a.field_code,
                    a.subfield_code,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    row.amount,
                    _csv(row.realised),
                    row.status or "",
                ]
            )
    for line in figures.financing_lines:
        realised = figures.realised_financing.get(line.code) if figures.realisation else None
        writer.writerow(
            [
                "pembiayaan",
                line.code,
                line.name,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                line.amount,
                _csv(realised),
                "",
            ]
        )
    return out.getvalue()


def _csv(value):
    return "" if value is None else value


def template_filename() -> str:
    return _("templat-apbdes.xlsx")
