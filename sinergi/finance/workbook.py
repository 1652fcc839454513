"""Reading an APBDes workbook safely, and reading its rows into a budget (or a realisation report).

Two layouts are accepted (docs/operations.md, "Impor APBDes dari Excel"):

- Sinergi's template (`sinergi.finance.template`): sheets Pendapatan, Belanja, Pembiayaan, Realisasi
  and an optional Ringkasan, headers in Indonesian, codes as in Permendagri 20/2018.
- A Siskeudes-like report: one sheet with the columns "Kode Rekening", "Uraian", "Anggaran" (and
  optionally "Sumber Dana", "Lokasi", "Volume", "Satuan", "Pelaksana"), pendapatan (4…), belanja by
  bidang / sub-bidang / kegiatan with the rekening belanja (5.x.y…) below each kegiatan, pembiayaan (6…)
  and the "JUMLAH …" rows.

Nothing is evaluated: formulas are read as the value Excel stored with them, or refused when there is
none. Malformed, password-protected, macro-carrying and oversized workbooks are refused before
openpyxl parses anything. Every problem names its sheet, row and column.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from sinergi.core.formatting import rupiah
from sinergi.core.text import without_invisible

MAX_FILE_BYTES = 5 * 1024 * 1024  # what an APBDes with a few hundred lines weighs is ~50 KB
MAX_UNPACKED_BYTES = 40 * 1024 * 1024  # a zip bomb unpacks to far more than it weighs
MAX_ROWS = 5000
MAX_COLUMNS = 40
HEADER_SEARCH_ROWS = 15

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls are OLE containers
ZIP_SIGNATURE = b"PK\x03\x04"


class WorkbookRefused(Exception):
    """The file is not read at all; the message says why and what to do (Indonesian)."""


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self):
        where = self.sheet
        if self.row:
            where += f", {_('baris')} {self.row}"
        if self.column:
            where += f", {_('kolom')} {self.column}"
        return f"{where}: {self.message}"


@dataclass
class Line:
    code: str
    name: str
    amount: int
    row: int


@dataclass
class SpendingRow:
    spending_type: str
    fund_source: str
    amount: int
    row: int


@dataclass
class ParsedActivity:
    code: str
    name: str
    location: str = ""
    volume: Decimal | None = None
    unit: str = ""
    implementer: str = ""
    lines: list[SpendingRow] = field(default_factory=list)
    row: int = 0

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass
class RealisedRow:
    part: str
    code: str
    amount: int
    status: str
    note: str
    row: int


@dataclass
class ParsedWorkbook:
    layout: str = ""
    income: list[Line] = field(default_factory=list)
    activities: list[ParsedActivity] = field(default_factory=list)
    financing: list[Line] = field(default_factory=list)
    realised: list[RealisedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, sheet, row, column, message):
        self.problems.append(Problem(sheet, row, column, message))

    @property
    def total_income(self) -> int:
        return sum(line.amount for line in self.income)

    @property
    def total_spending(self) -> int:
        return sum(activity.amount for activity in self.activities)

    @property
    def financing_in(self) -> int:
        return sum(line.amount for line in self.financing if line.code.startswith("6.1"))

    @property
    def financing_out(self) -> int:
        return sum(line.amount for line in self.financing if line.code.startswith("6.2"))


# --------------------------------------------------------------------------- opening the file


def open_workbook(data: bytes):
    """(values workbook, formulas workbook), both read-only, or WorkbookRefused with the reason."""
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRefused(
            _("Berkas terlalu besar (%(size)s MB). Batasnya %(max)s MB; APBDes biasanya di bawah 1 MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "max": MAX_FILE_BYTES // 1024 // 1024}
        )
    if data.startswith(OLE_SIGNATURE):
        raise WorkbookRefused(
            _(
                "Berkas ini dilindungi kata sandi atau berformat Excel lama (.xls). Buka di Excel, hapus kata "
                "sandinya, lalu simpan sebagai Buku Kerja Excel (.xlsx)."
            )
        )
    if not data.startswith(ZIP_SIGNATURE):
        raise WorkbookRefused(_("Berkas ini bukan buku kerja Excel (.xlsx). Unggah berkas .xlsx."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = {info.filename.lower() for info in infos}
        content_types = archive.read("[Content_Types].xml") if "[content_types].xml" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError):
        raise WorkbookRefused(
            _("Berkas Excel ini rusak dan tidak dapat dibaca. Simpan ulang sebagai .xlsx.")
        ) from None
    if any(name.endswith("vbaproject.bin") for name in names) or b"macroEnabled" in content_types:
        raise WorkbookRefused(
            _(
                "Berkas ini berisi makro (.xlsm). Demi keamanan Sinergi tidak menerima makro: simpan sebagai .xlsx biasa."
            )
        )
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise WorkbookRefused(
            _("Isi berkas ini terlalu besar setelah dibuka. Periksa apakah ini benar berkas APBDes.")
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(_("Berkas ini bukan buku kerja Excel (.xlsx). Unggah berkas .xlsx."))
    try:
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file; the operator needs one message
        raise WorkbookRefused(
            _("Berkas Excel ini rusak dan tidak dapat dibaca. Simpan ulang sebagai .xlsx.")
        ) from None
    return values, formulas


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Sheet:
    """The rows of one sheet as cell values; formulas as their stored value (or a problem)."""

    def __init__(self, values_ws, formulas_ws, parsed: ParsedWorkbook):
        self.title = values_ws.title
        self.rows: list[tuple[int, list]] = []
        if (values_ws.max_row or 0) > MAX_ROWS:
            parsed.problem(
                self.title, None, "", _("Lembar ini punya lebih dari %(n)s baris.") % {"n": MAX_ROWS}
            )
            return
        value_rows = values_ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        formula_rows = formulas_ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        for number, (vals, forms) in enumerate(zip(value_rows, formula_rows, strict=False), start=1):
            if number > MAX_ROWS:
                break
            cells = list(vals)
            for i, raw in enumerate(forms):
                if isinstance(raw, str) and raw.startswith("=") and i < len(cells) and cells[i] is None:
                    parsed.problem(
                        self.title,
                        number,
                        column_letter(i),
                        _(
                            "Rumus tanpa nilai tersimpan. Buka berkas di Excel lalu simpan ulang, atau ganti rumus dengan angka."
                        ),
                    )
                    cells[i] = None
            if any(c not in (None, "") for c in cells):
                self.rows.append((number, cells))


# --------------------------------------------------------------------------- cell values

CODE = re.compile(r"^\d+(?:\.\d+)*$")
THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3})+$")


def normalise_header(value) -> str:
    text = str(value or "").strip().lower()
    text = re.sub(r"\(.*?\)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def text(value, limit=255) -> str:
    """One line of text: spaces collapsed, bidi overrides and other invisible characters removed (as every
    single-line field of ours loses them on save, sinergi.core.text; bulk_create sends no signal)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(without_invisible(str(value)).split())[:limit]


def code_of(value) -> str:
    """ "2.3.01." → "2.3.01"; numbers typed as numbers ("4" or 4.1) as Excel shows them."""
    if value is None:
        return ""
    if isinstance(value, float):
        value = repr(value).rstrip("0").rstrip(".") if not value.is_integer() else int(value)
    return str(value).strip().rstrip(".").strip()


def amount_of(value) -> int | str:
    """Whole rupiah, or the Indonesian message why not."""
    if value is None or value == "":
        return _("Jumlah kosong.")
    if isinstance(value, bool):
        return _("Isi dengan angka rupiah.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return _("Rupiah harus bilangan bulat (tanpa sen).")
        number = int(value)
    else:
        cleaned = str(value).strip().removeprefix("Rp").removeprefix("rp").strip().replace(" ", "")
        if cleaned.isdigit():
            number = int(cleaned)
        elif THOUSANDS.match(cleaned):
            number = int(cleaned.replace(".", ""))
        else:
            return _("Teks \u201c%(text)s\u201d di tempat angka rupiah.") % {"text": text(value, 40)}
    if number < 0:
        return _("Jumlah tidak boleh negatif.")
    if number > 10**15:
        return _("Jumlah tidak masuk akal (lebih dari Rp 1.000 triliun).")
    return number


def volume_of(value) -> Decimal | str | None:
    if value in (None, ""):
        return None
    try:
        number = (
            Decimal(str(value).replace(",", ".")) if not isinstance(value, float) else Decimal(repr(value))
        )
    except InvalidOperation:
        return _("Volume harus angka.")
    if number < 0 or number >= 10**12:
        return _("Volume tidak masuk akal.")
    return number.quantize(Decimal("0.01"))


# --------------------------------------------------------------------------- the code tables


@dataclass
class Codes:
    """The active codes by kind, read once per import."""

    names: dict[str, dict[str, str]]

    @classmethod
    def load(cls):
        from sinergi.finance.models import BudgetCode

        names: dict[str, dict[str, str]] = {}
        for kind, code, name in BudgetCode.objects.filter(is_active=True).values_list("kind", "code", "name"):
            names.setdefault(kind, {})[code] = name
        return cls(names)

    def known(self, kind: str, code: str) -> bool:
        return code in self.names.get(kind, {})

    def account_known(self, kind: str, code: str) -> bool:
        """A code of the table, or a deeper code (4.1.1.01) under a code of the table at level 3."""
        parts = code.split(".")
        return self.known(kind, code) or (len(parts) > 3 and self.known(kind, ".".join(parts[:3])))

    def name(self, kind: str, code: str) -> str:
        return self.names.get(kind, {}).get(code, "")


# --------------------------------------------------------------------------- the template layout

INCOME_SHEET, SPENDING_SHEET, FINANCING_SHEET, REALISATION_SHEET, SUMMARY_SHEET = (
    "Pendapatan",
    "Belanja",
    "Pembiayaan",
    "Realisasi",
    "Ringkasan",
)
# Header text (normalised) -> field, per sheet. The template writes the first spelling of each.
HEADERS = {
    "kode": "code",
    "kode rekening": "code",
    "kode kegiatan": "code",
    "uraian": "name",
    "nama kegiatan": "name",
    "anggaran": "amount",
    "jumlah": "amount",
    "lokasi": "location",
    "volume": "volume",
    "satuan": "unit",
    "pelaksana": "implementer",
    "sumber dana": "fund_source",
    "jenis belanja": "spending_type",
    "bagian": "part",
    "realisasi": "realised",
    "status kegiatan": "status",
    "status": "status",
    "keterangan": "note",
}
SUMMARY_LABELS = {
    "total pendapatan": "income",
    "jumlah pendapatan": "income",
    "total belanja": "spending",
    "jumlah belanja": "spending",
    "penerimaan pembiayaan": "financing_in",
    "jumlah penerimaan pembiayaan": "financing_in",
    "pengeluaran pembiayaan": "financing_out",
    "jumlah pengeluaran pembiayaan": "financing_out",
}
STATUS_WORDS = {
    "selesai": "selesai",
    "belum selesai": "belum_selesai",
    "tidak dilaksanakan": "tidak_dilaksanakan",
}
PART_WORDS = {"pendapatan": "pendapatan", "belanja": "belanja", "pembiayaan": "pembiayaan"}


def find_header(sheet: Sheet, required=("code",)) -> tuple[int, dict[str, int]] | None:
    """(index in sheet.rows, {field: column index}) of the first row that names the required columns."""
    for index, (_number, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for i, cell in enumerate(cells):
            key = HEADERS.get(normalise_header(cell))
            if key and key not in columns:
                columns[key] = i
        if all(r in columns for r in required):
            return index, columns
    return None


def header_label(columns: dict[str, int], key: str) -> str:
    return column_letter(columns[key]) if key in columns else ""


def read_workbook(data: bytes, codes: Codes | None = None, *, realisation: bool = False) -> ParsedWorkbook:
    """Parse an uploaded workbook (raises WorkbookRefused for a file that is not read at all)."""
    values, formulas = open_workbook(data)
    codes = codes or Codes.load()
    parsed = ParsedWorkbook()
    try:
        titles = {ws.title.strip().lower(): ws.title for ws in values.worksheets}
        sheets = {}

        def sheet(title):
            if title not in sheets:
                sheets[title] = Sheet(values[title], formulas[title], parsed)
            return sheets[title]

        if realisation:
            parsed.layout = "template"
            if REALISATION_SHEET.lower() not in titles:
                parsed.problem(REALISATION_SHEET, None, "", _("Lembar \u201cRealisasi\u201d tidak ada."))
            else:
                _read_realisation(sheet(titles[REALISATION_SHEET.lower()]), parsed)
        elif SPENDING_SHEET.lower() in titles or INCOME_SHEET.lower() in titles:
            parsed.layout = "template"
            for name in (INCOME_SHEET, SPENDING_SHEET, FINANCING_SHEET):
                if name.lower() not in titles:
                    parsed.problem(
                        name, None, "", _("Lembar \u201c%(name)s\u201d tidak ada.") % {"name": name}
                    )
            if INCOME_SHEET.lower() in titles:
                parsed.income = _read_accounts(
                    sheet(titles[INCOME_SHEET.lower()]), parsed, codes, "pendapatan", "4"
                )
            if SPENDING_SHEET.lower() in titles:
                _read_spending(sheet(titles[SPENDING_SHEET.lower()]), parsed, codes)
            if FINANCING_SHEET.lower() in titles:
                parsed.financing = _read_accounts(
                    sheet(titles[FINANCING_SHEET.lower()]), parsed, codes, "pembiayaan", "6"
                )
            if SUMMARY_SHEET.lower() in titles:
                _check_summary(sheet(titles[SUMMARY_SHEET.lower()]), parsed)
        else:
            parsed.layout = "siskeudes"
            _read_siskeudes(sheet(values.worksheets[0].title), parsed, codes)
    finally:
        values.close()
        formulas.close()
    if not parsed.problems and not realisation and not (parsed.income or parsed.activities):
        parsed.problem("", None, "", _("Berkas tidak berisi baris pendapatan maupun belanja."))
    return parsed


def _cell(cells, columns, key):
    index = columns.get(key)
    return cells[index] if index is not None and index < len(cells) else None


def _amount(parsed, sheet, number, cells, columns, key="amount", required=True):
    raw = _cell(cells, columns, key)
    if raw in (None, "") and not required:
        return None
    value = amount_of(raw)
    if isinstance(value, str):
        parsed.problem(sheet.title, number, header_label(columns, key), value)
        return None
    return value


def _read_accounts(sheet, parsed, codes, kind, root) -> list[Line]:
    """Pendapatan or Pembiayaan: the leaves are kept; a row with rows below it must equal their sum."""
    found = find_header(sheet, ("code", "amount"))
    if found is None:
        parsed.problem(
            sheet.title, None, "", _("Judul kolom \u201cKode\u201d dan \u201cAnggaran\u201d tidak ditemukan.")
        )
        return []
    start, columns = found
    rows = []
    seen = {}
    for number, cells in sheet.rows[start + 1 :]:
        code = code_of(_cell(cells, columns, "code"))
        name = text(_cell(cells, columns, "name"))
        if not code:
            if _cell(cells, columns, "amount") not in (None, ""):
                parsed.problem(
                    sheet.title, number, header_label(columns, "code"), _("Baris berjumlah tanpa kode.")
                )
            continue
        if not CODE.match(code) or not (code == root or code.startswith(root + ".")):
            parsed.problem(
                sheet.title,
                number,
                header_label(columns, "code"),
                _("Kode \u201c%(code)s\u201d bukan kode akun %(root)s.")
                % {"code": text(code, 30), "root": root},
            )
            continue
        if code in seen:
            parsed.problem(
                sheet.title,
                number,
                header_label(columns, "code"),
                _("Kode %(code)s sudah ada di baris %(row)s.") % {"code": code, "row": seen[code]},
            )
            continue
        seen[code] = number
        amount = _amount(parsed, sheet, number, cells, columns, required=False)
        rows.append((number, code, name, amount))
    return _leaves(
        sheet, parsed, codes, kind, rows, header_label(columns, "amount"), header_label(columns, "code")
    )


def _parent_in(code: str, present: set[str]) -> str | None:
    parts = code.split(".")
    for n in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in present:
            return candidate
    return None


def _leaves(sheet, parsed, codes, kind, rows, amount_column, code_column) -> list[Line]:
    present = {code for _n, code, _name, _a in rows}
    children: dict[str, list[str]] = {}
    for _n, code, _name, _a in rows:
        parent = _parent_in(code, present)
        if parent:
            children.setdefault(parent, []).append(code)
    by_code = {code: (number, name, amount) for number, code, name, amount in rows}

    def total(code) -> int:
        if code in children:
            return sum(total(child) for child in children[code])
        return by_code[code][2] or 0

    leaves = []
    for number, code, name, amount in rows:
        if code in children:
            if amount is not None and amount != total(code):
                parsed.problem(
                    sheet.title,
                    number,
                    amount_column,
                    _("Baris %(code)s berisi %(amount)s, tetapi rinciannya berjumlah %(sum)s.")
                    % {"code": code, "amount": rupiah(amount), "sum": rupiah(total(code))},
                )
            continue
        if not codes.account_known(kind, code):
            parsed.problem(
                sheet.title,
                number,
                code_column,
                _("Kode %(code)s tidak dikenal (Lampiran Permendagri 20/2018).") % {"code": code},
            )
            continue
        if amount is None:
            if not any(p.row == number and p.sheet == sheet.title for p in parsed.problems):
                parsed.problem(sheet.title, number, amount_column, _("Jumlah kosong."))
            continue
        leaves.append(Line(code, name or codes.name(kind, code) or code, amount, number))
    return leaves


ACTIVITY_CODE = re.compile(r"^(\d)\.(\d+)\.(\d{2,})$")
ACCOUNT_LINE = re.compile(r"^5\.\d+\.\d(?:\.\d+)*$")


def _read_spending(sheet, parsed, codes):
    found = find_header(sheet, ("code", "amount"))
    if found is None:
        parsed.problem(
            sheet.title, None, "", _("Judul kolom \u201cKode\u201d dan \u201cAnggaran\u201d tidak ditemukan.")
        )
        return
    start, columns = found
    col = lambda key: header_label(columns, key)  # noqa: E731
    activities: dict[str, ParsedActivity] = {}
    subtotals = []  # (row, code, amount)
    for number, cells in sheet.rows[start + 1 :]:
        code = code_of(_cell(cells, columns, "code"))
        if not code:
            if _cell(cells, columns, "amount") not in (None, ""):
                parsed.problem(sheet.title, number, col("code"), _("Baris berjumlah tanpa kode."))
            continue
        match = ACTIVITY_CODE.match(code)
        if not match:
            if CODE.match(code) and len(code.split(".")) <= 2:
                if not codes.known("bidang", code):
                    parsed.problem(
                        sheet.title,
                        number,
                        col("code"),
                        _("Bidang/sub-bidang %(code)s tidak dikenal.") % {"code": code},
                    )
                    continue
                amount = _amount(parsed, sheet, number, cells, columns, required=False)
                if amount is not None:
                    subtotals.append((number, code, amount))
                continue
            parsed.problem(
                sheet.title,
                number,
                col("code"),
                _(
                    "Kode kegiatan \u201c%(code)s\u201d tidak sesuai pola bidang.sub-bidang.kegiatan (misalnya 2.3.01)."
                )
                % {"code": text(code, 30)},
            )
            continue
        subfield = f"{match.group(1)}.{match.group(2)}"
        if not codes.known("bidang", subfield):
            parsed.problem(
                sheet.title, number, col("code"), _("Sub-bidang %(code)s tidak dikenal.") % {"code": subfield}
            )
            continue
        activity = activities.get(code)
        if activity is None:
            name = text(_cell(cells, columns, "name"))
            if not name:
                parsed.problem(sheet.title, number, col("name"), _("Nama kegiatan kosong."))
            volume = volume_of(_cell(cells, columns, "volume"))
            if isinstance(volume, str):
                parsed.problem(sheet.title, number, col("volume"), volume)
                volume = None
            activity = activities[code] = ParsedActivity(
                code=code,
                name=name,
                location=text(_cell(cells, columns, "location")),
                volume=volume,
                unit=text(_cell(cells, columns, "unit"), 50),
                implementer=text(_cell(cells, columns, "implementer")),
                row=number,
            )
        spending_type = code_of(_cell(cells, columns, "spending_type"))
        if not codes.known("jenis_belanja", spending_type) or spending_type == "5":
            parsed.problem(
                sheet.title,
                number,
                col("spending_type"),
                _("Jenis belanja \u201c%(code)s\u201d tidak dikenal (5.1, 5.2, 5.3 atau 5.4).")
                % {"code": text(spending_type, 20)},
            )
        source = text(_cell(cells, columns, "fund_source"), 20).upper()
        if not codes.known("sumber_dana", source):
            parsed.problem(
                sheet.title,
                number,
                col("fund_source"),
                _("Sumber dana \u201c%(code)s\u201d tidak dikenal (%(known)s).")
                % {"code": text(source, 20), "known": ", ".join(sorted(codes.names.get("sumber_dana", {})))},
            )
        amount = _amount(parsed, sheet, number, cells, columns)
        if amount is not None:
            activity.lines.append(SpendingRow(spending_type, source, amount, number))
    parsed.activities = list(activities.values())
    for number, code, amount in subtotals:
        within = sum(a.amount for a in parsed.activities if a.code.startswith(code + "."))
        if amount != within:
            parsed.problem(
                sheet.title,
                number,
                col("amount"),
                _("Baris %(code)s berisi %(amount)s, tetapi kegiatan di bawahnya berjumlah %(sum)s.")
                % {"code": code, "amount": rupiah(amount), "sum": rupiah(within)},
            )


def _check_summary(sheet, parsed):
    computed = {
        "income": parsed.total_income,
        "spending": parsed.total_spending,
        "financing_in": parsed.financing_in,
        "financing_out": parsed.financing_out,
    }
    for number, cells in sheet.rows:
        labels = [normalise_header(c) for c in cells if isinstance(c, str)]
        key = next((SUMMARY_LABELS[label] for label in labels if label in SUMMARY_LABELS), None)
        if key is None:
            continue
        amounts = [(i, c) for i, c in enumerate(cells) if c not in (None, "") and not isinstance(c, str)]
        amounts += [
            (i, c) for i, c in enumerate(cells) if isinstance(c, str) and not isinstance(amount_of(c), str)
        ]
        if not amounts:
            continue
        index, raw = amounts[-1]
        value = amount_of(raw)
        if isinstance(value, str):
            parsed.problem(sheet.title, number, column_letter(index), value)
        elif value != computed[key]:
            parsed.problem(
                sheet.title,
                number,
                column_letter(index),
                _("Ringkasan menulis %(declared)s, tetapi jumlah barisnya %(sum)s.")
                % {"declared": rupiah(value), "sum": rupiah(computed[key])},
            )


def _read_realisation(sheet, parsed):
    found = find_header(sheet, ("part", "code", "realised"))
    if found is None:
        parsed.problem(
            sheet.title,
            None,
            "",
            _("Judul kolom \u201cBagian\u201d, \u201cKode\u201d dan \u201cRealisasi\u201d tidak ditemukan."),
        )
        return
    start, columns = found
    seen = {}
    for number, cells in sheet.rows[start + 1 :]:
        part_text = normalise_header(_cell(cells, columns, "part"))
        code = code_of(_cell(cells, columns, "code"))
        if not part_text and not code:
            continue
        part = PART_WORDS.get(part_text)
        if part is None:
            parsed.problem(
                sheet.title,
                number,
                header_label(columns, "part"),
                _("Bagian harus Pendapatan, Belanja atau Pembiayaan."),
            )
            continue
        if (part, code) in seen:
            parsed.problem(
                sheet.title,
                number,
                header_label(columns, "code"),
                _("Kode %(code)s sudah ada di baris %(row)s.") % {"code": code, "row": seen[(part, code)]},
            )
            continue
        seen[(part, code)] = number
        amount = _amount(parsed, sheet, number, cells, columns, key="realised")
        status_text = normalise_header(_cell(cells, columns, "status"))
        status = STATUS_WORDS.get(status_text, "")
        if part == "belanja" and status_text and not status:
            parsed.problem(
                sheet.title,
                number,
                header_label(columns, "status"),
                _("Status kegiatan harus Selesai, Belum selesai atau Tidak dilaksanakan."),
            )
        if amount is None:
            continue
        if status == "tidak_dilaksanakan" and amount:
            parsed.problem(
                sheet.title,
                number,
                header_label(columns, "realised"),
                _("Kegiatan yang tidak dilaksanakan tidak boleh punya realisasi."),
            )
        parsed.realised.append(
            RealisedRow(
                part,
                code,
                amount,
                status if part == "belanja" else "",
                text(_cell(cells, columns, "note")),
                number,
            )
        )


# --------------------------------------------------------------------------- the Siskeudes-like layout

SISKEUDES_TOTALS = {
    "jumlah pendapatan": "income",
    "jumlah belanja": "spending",
    "jumlah penerimaan pembiayaan": "financing_in",
    "jumlah pengeluaran pembiayaan": "financing_out",
}


def _read_siskeudes(sheet, parsed, codes):
    found = find_header(sheet, ("code", "name", "amount"))
    if found is None:
        parsed.problem(
            sheet.title,
            None,
            "",
            _(
                "Tata letak tidak dikenali: pakai templat Sinergi (lembar Pendapatan, Belanja, Pembiayaan) atau "
                "laporan APBDes dengan kolom Kode Rekening, Uraian dan Anggaran."
            ),
        )
        return
    start, columns = found
    col = lambda key: header_label(columns, key)  # noqa: E731
    section = ""
    income_rows, financing_rows, declared = [], [], []
    activities: dict[str, ParsedActivity] = {}
    activity_amounts = {}
    subtotals = []
    current: ParsedActivity | None = None
    current_source = ""
    for number, cells in sheet.rows[start + 1 :]:
        code = code_of(_cell(cells, columns, "code"))
        name = text(_cell(cells, columns, "name"))
        label = normalise_header(name)
        if label in ("pendapatan", "belanja", "pembiayaan") and not ACTIVITY_CODE.match(code):
            section, current = label, None  # the section headings, with or without their code (4, 5, 6)
            continue
        if not code:
            if label in SISKEUDES_TOTALS:
                amount = _amount(parsed, sheet, number, cells, columns)
                if amount is not None:
                    declared.append((number, SISKEUDES_TOTALS[label], amount))
            continue
        if not CODE.match(code):
            parsed.problem(
                sheet.title,
                number,
                col("code"),
                _("Kode \u201c%(code)s\u201d tidak dikenal.") % {"code": text(code, 30)},
            )
            continue
        first = code.split(".")[0]
        if first == "4" and section in ("", "pendapatan"):
            section = "pendapatan"  # pendapatan comes first; later a 4 is the bidang Pemberdayaan Masyarakat
        elif first == "6":
            section, current = "pembiayaan", None  # no bidang is numbered 6
        elif section == "pendapatan":
            section = "belanja"  # a bidang after pendapatan, without a BELANJA heading
        if section == "pendapatan":
            income_rows.append(
                (number, code, name, _amount(parsed, sheet, number, cells, columns, required=False))
            )
        elif section == "pembiayaan":
            financing_rows.append(
                (number, code, name, _amount(parsed, sheet, number, cells, columns, required=False))
            )
        elif section == "belanja":
            if ACCOUNT_LINE.match(code) and current is not None:
                spending_type = ".".join(code.split(".")[:2])
                if not codes.known("jenis_belanja", spending_type):
                    parsed.problem(
                        sheet.title,
                        number,
                        col("code"),
                        _("Jenis belanja %(code)s tidak dikenal.") % {"code": spending_type},
                    )
                source = text(_cell(cells, columns, "fund_source"), 20).upper() or current_source
                if not codes.known("sumber_dana", source):
                    parsed.problem(
                        sheet.title,
                        number,
                        col("fund_source") or col("code"),
                        _("Sumber dana \u201c%(code)s\u201d tidak dikenal.") % {"code": text(source, 20)},
                    )
                amount = _amount(parsed, sheet, number, cells, columns)
                if amount is not None:
                    current.lines.append(SpendingRow(spending_type, source, amount, number))
                continue
            match = ACTIVITY_CODE.match(code)
            if match:
                subfield = f"{match.group(1)}.{match.group(2)}"
                if not codes.known("bidang", subfield):
                    parsed.problem(
                        sheet.title,
                        number,
                        col("code"),
                        _("Sub-bidang %(code)s tidak dikenal.") % {"code": subfield},
                    )
                    current = None
                    continue
                volume = volume_of(_cell(cells, columns, "volume"))
                if isinstance(volume, str):
                    parsed.problem(sheet.title, number, col("volume"), volume)
                    volume = None
                current = activities[code] = ParsedActivity(
                    code=code,
                    name=name,
                    location=text(_cell(cells, columns, "location")),
                    volume=volume,
                    unit=text(_cell(cells, columns, "unit"), 50),
                    implementer=text(_cell(cells, columns, "implementer")),
                    row=number,
                )
                current_source = text(_cell(cells, columns, "fund_source"), 20).upper()
                activity_amounts[code] = (
                    number,
                    _amount(parsed, sheet, number, cells, columns, required=False),
                )
                continue
            if len(code.split(".")) <= 2 and codes.known("bidang", code):
                current = None
                amount = _amount(parsed, sheet, number, cells, columns, required=False)
                if amount is not None:
                    subtotals.append((number, code, amount))
                continue
            parsed.problem(
                sheet.title,
                number,
                col("code"),
                _("Kode %(code)s tidak dikenal di bagian belanja.") % {"code": code},
            )
        else:
            parsed.problem(
                sheet.title, number, col("code"), _("Baris sebelum bagian PENDAPATAN/BELANJA/PEMBIAYAAN.")
            )
    parsed.income = _leaves(sheet, parsed, codes, "pendapatan", income_rows, col("amount"), col("code"))
    parsed.financing = _leaves(sheet, parsed, codes, "pembiayaan", financing_rows, col("amount"), col("code"))
    parsed.activities = list(activities.values())
    for activity in parsed.activities:
        number, amount = activity_amounts[activity.code]
        if not activity.lines:
            parsed.problem(
                sheet.title,
                number,
                col("code"),
                _("Kegiatan %(code)s tanpa rincian rekening belanja (5.x.x).") % {"code": activity.code},
            )
        elif amount is not None and amount != activity.amount:
            parsed.problem(
                sheet.title,
                number,
                col("amount"),
                _("Baris %(code)s berisi %(amount)s, tetapi rinciannya berjumlah %(sum)s.")
                % {"code": activity.code, "amount": rupiah(amount), "sum": rupiah(activity.amount)},
            )
    for number, code, amount in subtotals:
        within = sum(a.amount for a in parsed.activities if a.code.startswith(code + "."))
        if amount != within:
            parsed.problem(
                sheet.title,
                number,
                col("amount"),
                _("Baris %(code)s berisi %(amount)s, tetapi kegiatan di bawahnya berjumlah %(sum)s.")
                % {"code": code, "amount": rupiah(amount), "sum": rupiah(within)},
            )
    computed = {
        "income": parsed.total_income,
        "spending": parsed.total_spending,
        "financing_in": parsed.financing_in,
        "financing_out": parsed.financing_out,
    }
    for number, key, amount in declared:
        if amount != computed[key]:
            parsed.problem(
                sheet.title,
                number,
                col("amount"),
                _("Baris jumlah menulis %(declared)s, tetapi jumlah barisnya %(sum)s.")
                % {"declared": rupiah(amount), "sum": rupiah(computed[key])},
            )
