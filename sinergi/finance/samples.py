"""Plausible APBDes figures and the two workbook layouts filled with them (demo, tests, bench).

The sizes follow what East Kalimantan villages receive (perlu dicek per desa): Dana Desa around
Rp 0,9-1,2 miliar, Alokasi Dana Desa from the regency around Rp 1-1,6 miliar in Kutai Kartanegara,
a share of regional taxes, and a small own revenue.
"""

import io
import random
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook

from sinergi.finance import workbook as wb


@dataclass
class SampleBudget:
    income: list[tuple[str, str, int]] = field(default_factory=list)
    # (code, name, location, volume, unit, implementer, [(source, type, amount)])
    activities: list[tuple] = field(default_factory=list)
    financing: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def total_income(self):
        return sum(x[2] for x in self.income)

    @property
    def total_spending(self):
        return sum(amount for a in self.activities for _s, _t, amount in a[6])


ACTIVITIES = [
    (
        "1.1.01",
        "Penyelenggaraan Penghasilan Tetap, Tunjangan dan Jaminan Sosial Kepala Desa dan Perangkat",
        "Kantor Desa",
        12,
        "bulan",
        "Sekretaris Desa",
        "ADD",
        "5.1",
    ),
    (
        "1.1.02",
        "Penyediaan Operasional Pemerintah Desa (ATK, listrik, perjalanan dinas)",
        "Kantor Desa",
        12,
        "bulan",
        "Kaur Keuangan",
        "ADD",
        "5.2",
    ),
    (
        "1.1.03",
        "Penyediaan Tunjangan dan Operasional BPD",
        "Kantor Desa",
        12,
        "bulan",
        "Sekretaris Desa",
        "ADD",
        "5.1",
    ),
    ("1.2.01", "Pemeliharaan Gedung Kantor Desa", "Kantor Desa", 1, "paket", "TPK", "ADD", "5.2"),
    (
        "1.4.01",
        "Penyusunan RKP Desa dan APB Desa",
        "Balai Desa",
        2,
        "kegiatan",
        "Sekretaris Desa",
        "ADD",
        "5.2",
    ),
    ("2.1.01", "Penyelenggaraan PAUD dan Insentif Guru PAUD", "PAUD Desa", 12, "bulan", "TPK", "DDS", "5.2"),
    (
        "2.2.01",
        "Penyelenggaraan Posyandu (makanan tambahan, insentif kader)",
        "Posyandu RT 01–08",
        12,
        "bulan",
        "Kader Posyandu",
        "DDS",
        "5.2",
    ),
    (
        "2.2.02",
        "Pencegahan stunting: makanan tambahan bayi dan ibu hamil",
        "Seluruh RT",
        10,
        "bulan",
        "TPK",
        "DDS",
        "5.2",
    ),
    (
        "2.3.01",
        "Pembangunan Jalan Usaha Tani (semenisasi)",
        "RT 04 menuju kebun",
        350,
        "m",
        "TPK",
        "DDS",
        "5.3",
    ),
    ("2.3.02", "Pembangunan Drainase Lingkungan", "RT 02", 200, "m", "TPK", "DDS", "5.3"),
    (
        "2.4.01",
        "Penerangan Jalan Lingkungan Tenaga Surya",
        "Jalan poros desa",
        15,
        "titik",
        "TPK",
        "DDS",
        "5.3",
    ),
    ("2.4.02", "Pembangunan Sumur Bor Air Bersih", "RT 06", 2, "unit", "TPK", "PBK", "5.3"),
    (
        "3.1.01",
        "Operasional Linmas dan Siskamling",
        "Pos Kamling",
        12,
        "bulan",
        "Kasi Pemerintahan",
        "ADD",
        "5.2",
    ),
    (
        "3.2.01",
        "Pembinaan Keagamaan dan Peringatan Hari Besar",
        "Masjid dan gereja desa",
        4,
        "kegiatan",
        "Kasi Kesra",
        "PAD",
        "5.2",
    ),
    (
        "3.3.01",
        "Pembinaan Kepemudaan dan Turnamen Olahraga",
        "Lapangan desa",
        1,
        "kegiatan",
        "Karang Taruna",
        "ADD",
        "5.2",
    ),
    (
        "4.2.01",
        "Bantuan Bibit dan Pupuk untuk Kelompok Tani",
        "Kelompok tani",
        5,
        "kelompok",
        "TPK",
        "DDS",
        "5.2",
    ),
    (
        "4.3.01",
        "Peningkatan Kapasitas Perangkat Desa",
        "Tenggarong",
        2,
        "kegiatan",
        "Sekretaris Desa",
        "ADD",
        "5.2",
    ),
    (
        "4.6.01",
        "Penyertaan Modal BUM Desa (usaha air minum)",
        "BUM Desa",
        1,
        "paket",
        "Kepala Desa",
        "DDS",
        "5.3",
    ),
    (
        "5.3.01",
        "Bantuan Langsung Tunai Dana Desa",
        "Keluarga penerima",
        12,
        "bulan",
        "Kasi Kesra",
        "DDS",
        "5.4",
    ),
]


def sample_budget(seed: int = 1, year: int = 2025, lines: int | None = None) -> SampleBudget:
    """A budget that balances: belanja = pendapatan + pembiayaan netto (SiLPA tahun berjalan 0)."""
    rng = random.Random(f"{seed}-{year}")
    # Millions of rupiah from low to high, in whole thousands.
    thousand = lambda low, high: rng.randrange(low * 1000, high * 1000) * 1000  # noqa: E731
    dana_desa = thousand(880, 1200)
    add = thousand(1000, 1600)
    budget = SampleBudget(
        income=[
            ("4.1.1", "Hasil Usaha BUM Desa", thousand(10, 40)),
            ("4.1.3", "Swadaya, Partisipasi dan Gotong Royong", thousand(5, 25)),
            ("4.2.1", "Dana Desa", dana_desa),
            ("4.2.2", "Bagian dari Hasil Pajak dan Retribusi Daerah", thousand(60, 110)),
            ("4.2.3", "Alokasi Dana Desa", add),
            ("4.2.5", "Bantuan Keuangan Kabupaten", thousand(100, 300)),
        ],
        financing=[("6.1.1", "SiLPA Tahun Sebelumnya", thousand(30, 120))],
    )
    chosen = ACTIVITIES if lines is None else [ACTIVITIES[i % len(ACTIVITIES)] for i in range(lines)]
    weights = [rng.randint(3, 12) for _ in chosen]
    available = budget.total_income + budget.financing[0][2]
    amounts = [available * w // sum(weights) // 1000 * 1000 for w in weights]
    amounts[0] += available - sum(amounts)  # the rounding remainder goes to the salaries line
    seen = {}
    for n, ((code, name, place, volume, unit, who, source, kind), amount) in enumerate(
        zip(chosen, amounts, strict=True)
    ):
        if code in seen:  # a long sample: more kegiatan of the same sub-bidang, numbered on
            seen[code] += 1
            code = f"{code[:-2]}{int(code[-2:]) + seen[code] * 19 % 80 + n % 7:02d}"
        seen.setdefault(code, 0)
        if kind == "5.3" and amount > 20_000_000:  # a construction kegiatan also pays its workers
            wages = amount // 5 // 1000 * 1000
            split = [(source, "5.2", wages), (source, "5.3", amount - wages)]
        else:
            split = [(source, kind, amount)]
        budget.activities.append((code, name, place, volume, unit, who, split))
    return budget


def fill_template(template: bytes, budget: SampleBudget, summary: bool = True) -> bytes:
    """What an operator does with the downloaded template: type the budget in (openpyxl here)."""
    book = load_workbook(io.BytesIO(template))
    for code, name, amount in budget.income:
        book[wb.INCOME_SHEET].append([code, name, amount])
    for code, name, place, volume, unit, who, split in budget.activities:
        for i, (source, kind, amount) in enumerate(split):
            first = i == 0
            book[wb.SPENDING_SHEET].append(
                [
                    code,
                    name if first else None,
                    place if first else None,
                    volume if first else None,
                    unit if first else None,
                    who if first else None,
                    source,
                    kind,
                    amount,
                ]
            )
    for code, name, amount in budget.financing:
        book[wb.FINANCING_SHEET].append([code, name, amount])
    if summary:
        sheet = book[wb.SUMMARY_SHEET]
        values = {
            "Total Pendapatan": budget.total_income,
            "Total Belanja": budget.total_spending,
            "Penerimaan Pembiayaan": sum(x[2] for x in budget.financing if x[0].startswith("6.1")),
            "Pengeluaran Pembiayaan": sum(x[2] for x in budget.financing if x[0].startswith("6.2")),
        }
        for row in sheet.iter_rows(min_row=2):
            if row[0].value in values:
                row[1].value = values[row[0].value]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def fill_realisation(template: bytes, budget: SampleBudget, seed: int = 1, share: float = 0.9) -> bytes:
    """The Realisasi sheet: most kegiatan done, one unfinished, one not carried out (a year-end report)."""
    rng = random.Random(seed)
    book = load_workbook(io.BytesIO(template))
    sheet = book[wb.REALISATION_SHEET]
    for code, name, amount in budget.income:
        sheet.append(
            ["Pendapatan", code, name, amount, amount if code.startswith("4.2") else amount * 9 // 10]
        )
    for n, (code, name, *_rest, split) in enumerate(budget.activities):
        amount = sum(x[2] for x in split)
        if n == 3:
            sheet.append(
                ["Belanja", code, name, amount, 0, "Tidak dilaksanakan", "Dialihkan ke tahun berikutnya"]
            )
        elif n == 8:
            sheet.append(
                ["Belanja", code, name, amount, amount * 6 // 10, "Belum selesai", "Pekerjaan fisik 60%"]
            )
        else:
            done = int(amount * min(1.0, share + rng.random() * 0.1)) // 1000 * 1000
            status = "Selesai" if done >= amount * 0.9 else "Belum selesai"
            sheet.append(["Belanja", code, name, amount, done, status, None])
    for code, name, amount in budget.financing:
        sheet.append(["Pembiayaan", code, name, amount, amount])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def siskeudes_workbook(budget: SampleBudget, village_name: str = "SEBUNTAL", year: int = 2025) -> bytes:
    """The documented Siskeudes-like layout: one sheet, title rows, KODE REKENING / URAIAN / ANGGARAN."""
    book = Workbook()
    sheet = book.active
    sheet.title = "APBDes"
    sheet.append([f"PEMERINTAH DESA {village_name.upper()}"])
    sheet.append([f"ANGGARAN PENDAPATAN DAN BELANJA DESA TAHUN ANGGARAN {year}"])
    sheet.append([])
    sheet.append(["KODE REKENING", "URAIAN", "ANGGARAN (Rp)", "SUMBER DANA", "KETERANGAN"])
    sheet.append(["4.", "PENDAPATAN", budget.total_income])
    groups = {}
    for code, name, amount in budget.income:
        groups.setdefault(".".join(code.split(".")[:2]), []).append((code, name, amount))
    for group, lines in groups.items():
        sheet.append(
            [
                f"{group}.",
                {"4.1": "Pendapatan Asli Desa", "4.2": "Transfer", "4.3": "Pendapatan Lain-lain"}[group],
                sum(x[2] for x in lines),
            ]
        )
        for code, name, amount in lines:
            sheet.append([f"{code}.", name, amount])
    sheet.append([None, "JUMLAH PENDAPATAN", budget.total_income])
    sheet.append([None, "BELANJA"])
    fields = {}
    for activity in budget.activities:
        fields.setdefault(activity[0].split(".")[0], []).append(activity)
    for field_code, activities in fields.items():
        sheet.append([f"{field_code}.", f"BIDANG {field_code}", sum(x[2] for a in activities for x in a[6])])
        for code, name, *_rest, split in activities:
            sheet.append([f"{code}.", name, sum(x[2] for x in split), split[0][0]])
            for i, (source, kind, amount) in enumerate(split):
                sheet.append([f"{kind}.{i + 1}.01.", f"Rincian {kind}", amount, source])
    sheet.append([None, "JUMLAH BELANJA", budget.total_spending])
    sheet.append([None, "SURPLUS/(DEFISIT)", budget.total_income - budget.total_spending])
    sheet.append(["6.", "PEMBIAYAAN"])
    for code, name, amount in budget.financing:
        sheet.append([f"{code}.", name, amount])
    sheet.append(
        [None, "JUMLAH PENERIMAAN PEMBIAYAAN", sum(x[2] for x in budget.financing if x[0].startswith("6.1"))]
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
