"""Every figure of a budget version, computed from its lines (never typed), in a fixed number of queries.

pendapatan - belanja = surplus/(defisit); penerimaan - pengeluaran pembiayaan = pembiayaan netto;
surplus/(defisit) + pembiayaan netto = SiLPA tahun berjalan (Permendagri 20/2018, struktur APB Desa).
With a realisation report: the same for what was realised, per kegiatan the remaining budget (sisa
anggaran) and its status (Pasal 72).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from sinergi.finance.models import BudgetCode, RealisationItem, SpendingLine

FIELDS = ["1", "2", "3", "4", "5"]


def percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Group:
    code: str
    name: str
    amount: int = 0
    realised: int | None = None

    @property
    def percent(self):
        return percent(self.realised, self.amount) if self.realised is not None else None


@dataclass
class ActivityRow:
    activity: object
    amount: int
    fund_sources: list[str]
    realised: int | None = None
    status: str = ""
    status_label: str = ""
    note: str = ""

    @property
    def remaining(self):
        return None if self.realised is None else self.amount - self.realised

    @property
    def percent(self):
        return percent(self.realised, self.amount) if self.realised is not None else None


@dataclass
class Figures:
    version: object
    realisation: object | None
    income_lines: list
    financing_lines: list
    activities: list[ActivityRow]
    code_names: dict
    income: int = 0
    spending: int = 0
    financing_in: int = 0
    financing_out: int = 0
    income_groups: list[Group] = field(default_factory=list)
    spending_fields: list[Group] = field(default_factory=list)
    spending_types: list[Group] = field(default_factory=list)
    realised_income: dict = field(default_factory=dict)
    realised_financing: dict = field(default_factory=dict)

    @property
    def surplus(self) -> int:
        return self.income - self.spending

    @property
    def net_financing(self) -> int:
        return self.financing_in - self.financing_out

    @property
    def silpa(self) -> int:
        return self.surplus + self.net_financing

    @property
    def dana_desa(self) -> int:
        return sum(line.amount for line in self.income_lines if line.code.startswith("4.2.1"))

    @property
    def realised_income_total(self):
        return sum(self.realised_income.values()) if self.realisation else None

    @property
    def realised_spending_total(self):
        return sum(row.realised or 0 for row in self.activities) if self.realisation else None

    @property
    def realised_percent(self):
        return percent(self.realised_spending_total, self.spending) if self.realisation else None

    @property
    def remaining_total(self):
        return self.spending - self.realised_spending_total if self.realisation else None

    @property
    def unfinished(self):
        return [row for row in self.activities if row.status in ("belum_selesai", "tidak_dilaksanakan")]

    def as_dict(self) -> dict:
        """The machine-readable form (the public JSON): whole rupiah as integers."""
        v = self.version
        data = {
            "desa": {"kode": v.village.code, "nama": v.village.name},
            "tahun": v.year,
            "versi": {
                "nomor": v.number,
                "jenis": v.kind,
                "label": str(v.label),
                "diterbitkan": v.published_at.isoformat() if v.published_at else None,
                "perdes": {
                    "nomor": v.perdes_number,
                    "tanggal": v.perdes_date.isoformat() if v.perdes_date else None,
                },
            },
            "ringkasan": {
                "pendapatan": self.income,
                "belanja": self.spending,
                "surplus_defisit": self.surplus,
                "penerimaan_pembiayaan": self.financing_in,
                "pengeluaran_pembiayaan": self.financing_out,
                "pembiayaan_netto": self.net_financing,
                "silpa_tahun_berjalan": self.silpa,
            },
            "pendapatan": [
                {
                    "kode": x.code,
                    "uraian": x.name,
                    "anggaran": x.amount,
                    "realisasi": self.realised_income.get(x.code) if self.realisation else None,
                }
                for x in self.income_lines
            ],
            "belanja": [
                {
                    "kode": r.activity.code,
                    "kegiatan": r.activity.name,
                    "bidang": r.activity.field_code,
                    "sub_bidang": r.activity.subfield_code,
                    "lokasi": r.activity.location,
                    "volume": str(r.activity.volume) if r.activity.volume is not None else None,
                    "satuan": r.activity.unit,
                    "pelaksana": r.activity.implementer,
                    "rincian": [
                        {"jenis_belanja": x.spending_type, "sumber_dana": x.fund_source, "anggaran": x.amount}
                        for x in r.activity.lines.all()
                    ],
                    "anggaran": r.amount,
                    "realisasi": r.realised,
                    "status": r.status or None,
                    "sisa_anggaran": r.remaining,
                }
                for r in self.activities
            ],
            "pembiayaan": [
                {
                    "kode": x.code,
                    "uraian": x.name,
                    "anggaran": x.amount,
                    "realisasi": self.realised_financing.get(x.code) if self.realisation else None,
                }
                for x in self.financing_lines
            ],
            "realisasi": None,
            "sumber": "Permendagri 20/2018 Pasal 39 dan 72",
        }
        if self.realisation:
            r = self.realisation
            data["realisasi"] = {
                "periode": r.period,
                "diterbitkan": r.published_at.isoformat() if r.published_at else None,
                "pendapatan": self.realised_income_total,
                "belanja": self.realised_spending_total,
                "sisa_anggaran": self.remaining_total,
            }
        return data


def code_names() -> dict:
    return {(kind, code): name for kind, code, name in BudgetCode.objects.values_list("kind", "code", "name")}


def income_group_code(code: str) -> str:
    """Where the money comes from: PADes (4.1) and Lain-lain (4.3) whole, each transfer (4.2.x) apart."""
    parts = code.split(".")
    if parts[:2] == ["4", "2"] and len(parts) >= 3:
        return ".".join(parts[:3])
    return ".".join(parts[:2])


def figures(version, realisation=None, names=None) -> Figures:
    """Five queries (six with a realisation, one fewer when `names` is given), whatever the number of lines."""
    names = names if names is not None else code_names()
    income_lines = list(version.income_lines.all())
    financing_lines = list(version.financing_lines.all())
    activities = list(
        version.activities.all().prefetch_related(
            Prefetch("lines", queryset=SpendingLine.objects.order_by("position"))
        )
    )
    result = Figures(version, realisation, income_lines, financing_lines, [], names)
    result.income = sum(x.amount for x in income_lines)
    result.financing_in = sum(x.amount for x in financing_lines if x.is_receipt)
    result.financing_out = sum(x.amount for x in financing_lines if not x.is_receipt)

    items = {}
    if realisation is not None:
        for item in RealisationItem.objects.filter(realisation=realisation):
            items[(item.part, item.code)] = item
        result.realised_income = {
            x.code: getattr(items.get(("pendapatan", x.code)), "amount", 0) for x in income_lines
        }
        result.realised_financing = {
            x.code: getattr(items.get(("pembiayaan", x.code)), "amount", 0) for x in financing_lines
        }

    groups: dict[str, Group] = {}
    for line in income_lines:
        code = income_group_code(line.code)
        group = groups.setdefault(
            code, Group(code, names.get(("pendapatan", code), code), 0, 0 if realisation else None)
        )
        group.amount += line.amount
        if realisation:
            group.realised += result.realised_income[line.code]
    result.income_groups = sorted(groups.values(), key=lambda g: [int(p) for p in g.code.split(".")])

    fields = {
        code: Group(code, names.get(("bidang", code), code), 0, 0 if realisation else None) for code in FIELDS
    }
    types: dict[str, Group] = {}
    status_labels = dict(RealisationItem.Status.choices)
    for activity in activities:
        lines = list(activity.lines.all())
        amount = sum(x.amount for x in lines)
        row = ActivityRow(activity, amount, sorted({x.fund_source for x in lines}))
        if realisation:
            item = items.get(("belanja", activity.code))
            row.realised = item.amount if item else 0
            row.status = item.status if item else ""
            row.status_label = str(status_labels.get(row.status, "")) if row.status else ""
            row.note = item.note if item else ""
        result.activities.append(row)
        result.spending += amount
        group = fields.setdefault(
            activity.field_code,
            Group(activity.field_code, activity.field_code, 0, 0 if realisation else None),
        )
        group.amount += amount
        if realisation:
            group.realised += row.realised
        for line in lines:
            t = types.setdefault(
                line.spending_type,
                Group(
                    line.spending_type, names.get(("jenis_belanja", line.spending_type), line.spending_type)
                ),
            )
            t.amount += line.amount
    result.spending_fields = [g for g in fields.values() if g.amount or g.code in FIELDS]
    result.spending_types = sorted(types.values(), key=lambda g: g.code)
    return result
