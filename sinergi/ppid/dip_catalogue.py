"""The seed of every regency's DIP catalogue, and the functions that keep catalogue and entries whole.

Each item carries its source. Items whose wording comes from the brief's summary of Perki 1/2018
Pasal 2 (docs/domain.md, "PPID: profile and DIP") are seeded as they are; items written from memory
of UU 14/2008 (Pasal 10, 11 and 17) or from common village practice are seeded with needs_check=True
("perlu dicek") until someone compares them with the text of the regulation. The regency admin edits
the catalogue in the admin ("Aturan layanan warga" > "Katalog DIP").

Periods: UU 14/2008 Pasal 9 ayat (4) has berkala information published at least every six months
(semester); the yearly documents of the village's planning and budget cycle (RKP Desa, APB Desa and its
Perdes, the reports) are yearly; the RPJM Desa (one per term) and the other classes have no period.
"""

from dataclasses import dataclass

from django_scopes import scopes_disabled

from sinergi.ppid.dip_models import DipEntry, DipItem, InfoClass, Period

PERKI_2 = "Perki 1/2018 Pasal 2"
UU_9_4 = "UU 14/2008 Pasal 9 ayat (4)"


@dataclass(frozen=True)
class Seed:
    key: str
    info_class: str
    title: str
    source: str
    period: str = Period.NONE
    needs_check: bool = False
    description: str = ""


B, SM, SS, DK = InfoClass.BERKALA, InfoClass.SERTA_MERTA, InfoClass.SETIAP_SAAT, InfoClass.DIKECUALIKAN
SEMESTER, YEARLY = Period.SEMESTER, Period.YEARLY

SEEDS: list[Seed] = [
    # Informasi berkala of the village government: Perki 1/2018 Pasal 2 (docs/domain.md lists them);
    # the article's ayat/huruf numbering is not confirmed, so the source names the article only.
    Seed("profil-alamat", B, "Profil Pemerintah Desa: alamat kantor dan kontak", PERKI_2, SEMESTER),
    Seed("profil-visi-misi", B, "Profil Pemerintah Desa: visi dan misi", PERKI_2, SEMESTER),
    Seed("profil-tugas-fungsi", B, "Profil Pemerintah Desa: tugas dan fungsi", PERKI_2, SEMESTER),
    Seed("profil-struktur", B, "Profil Pemerintah Desa: struktur organisasi", PERKI_2, SEMESTER),
    Seed("profil-pejabat", B, "Profil singkat pejabat Pemerintah Desa", PERKI_2, SEMESTER),
    Seed(
        "program-berjalan",
        B,
        "Matriks program dan kegiatan yang sedang berjalan: nama, jadwal, penanggung jawab, sumber dan "
        "jumlah dana",
        PERKI_2,
        SEMESTER,
    ),
    Seed(
        "program-masuk",
        B,
        "Matriks program yang masuk ke desa dari pemerintah pusat, provinsi, kabupaten/kota dan pihak "
        "ketiga, beserta penerima bantuan",
        PERKI_2,
        SEMESTER,
    ),
    Seed("rpjm-desa", B, "Rencana Pembangunan Jangka Menengah Desa (RPJM Desa)", PERKI_2),
    Seed("rkp-desa", B, "Rencana Kerja Pemerintah Desa (RKP Desa)", PERKI_2, YEARLY),
    Seed("apb-desa", B, "Anggaran Pendapatan dan Belanja Desa (APB Desa)", PERKI_2, YEARLY),
    Seed("perdes-apb-desa", B, "Peraturan Desa tentang APB Desa tahun berjalan", PERKI_2, YEARLY),
    Seed("laporan-kinerja", B, "Laporan kinerja penyelenggaraan pemerintahan desa", PERKI_2, YEARLY),
    Seed("laporan-keuangan", B, "Laporan keuangan desa (realisasi APB Desa)", PERKI_2, YEARLY),
    # Informasi serta merta: UU 14/2008 Pasal 10 (what threatens the life of many and public order);
    # the village examples are common practice, not text of a regulation.
    Seed(
        "serta-merta-bencana",
        SM,
        "Informasi bencana (banjir, tanah longsor, kebakaran hutan dan lahan) dan peringatan dininya",
        "UU 14/2008 Pasal 10",
        needs_check=True,
    ),
    Seed(
        "serta-merta-wabah",
        SM,
        "Informasi wabah penyakit dan keadaan darurat kesehatan",
        "UU 14/2008 Pasal 10",
        needs_check=True,
    ),
    Seed(
        "serta-merta-ketertiban",
        SM,
        "Informasi gangguan keamanan dan ketertiban umum",
        "UU 14/2008 Pasal 10",
        needs_check=True,
    ),
    Seed(
        "serta-merta-evakuasi",
        SM,
        "Prosedur peringatan dini, jalur evakuasi dan kontak darurat",
        "UU 14/2008 Pasal 10",
        needs_check=True,
    ),
    # Informasi tersedia setiap saat: UU 14/2008 Pasal 11 ayat (1), huruf a-h (from memory: perlu dicek).
    Seed(
        "setiap-saat-dip",
        SS,
        "Daftar seluruh informasi publik yang dikuasai, tidak termasuk informasi yang dikecualikan",
        "UU 14/2008 Pasal 11 ayat (1) huruf a",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-keputusan",
        SS,
        "Hasil keputusan Pemerintah Desa dan pertimbangannya",
        "UU 14/2008 Pasal 11 ayat (1) huruf b",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-kebijakan",
        SS,
        "Seluruh kebijakan yang ada berikut dokumen pendukungnya",
        "UU 14/2008 Pasal 11 ayat (1) huruf c",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-rencana-proyek",
        SS,
        "Rencana kerja proyek, termasuk perkiraan pengeluaran tahunan",
        "UU 14/2008 Pasal 11 ayat (1) huruf d",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-perjanjian",
        SS,
        "Perjanjian Pemerintah Desa dengan pihak ketiga",
        "UU 14/2008 Pasal 11 ayat (1) huruf e",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-pertemuan",
        SS,
        "Informasi dan kebijakan yang disampaikan pejabat dalam pertemuan yang terbuka untuk umum",
        "UU 14/2008 Pasal 11 ayat (1) huruf f",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-prosedur",
        SS,
        "Prosedur kerja perangkat desa yang berkaitan dengan pelayanan masyarakat",
        "UU 14/2008 Pasal 11 ayat (1) huruf g",
        needs_check=True,
    ),
    Seed(
        "setiap-saat-laporan-layanan",
        SS,
        "Laporan layanan akses informasi publik",
        "UU 14/2008 Pasal 11 ayat (1) huruf h",
        needs_check=True,
    ),
    # Informasi dikecualikan: UU 14/2008 Pasal 17, the grounds that concern a village (perlu dicek).
    Seed(
        "dikecualikan-rahasia-pribadi",
        DK,
        "Informasi yang mengungkap rahasia pribadi, seperti data kependudukan perorangan (NIK, nomor KK), "
        "riwayat kesehatan dan keadaan keuangan pribadi",
        "UU 14/2008 Pasal 17 huruf h",
        needs_check=True,
    ),
    Seed(
        "dikecualikan-penegakan-hukum",
        DK,
        "Informasi yang bila dibuka dapat menghambat proses penegakan hukum",
        "UU 14/2008 Pasal 17 huruf a",
        needs_check=True,
    ),
    Seed(
        "dikecualikan-wasiat",
        DK,
        "Isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat seseorang",
        "UU 14/2008 Pasal 17 huruf g",
        needs_check=True,
    ),
    Seed(
        "dikecualikan-memorandum",
        DK,
        "Memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan",
        "UU 14/2008 Pasal 17 huruf i",
        needs_check=True,
    ),
    Seed(
        "dikecualikan-undang-undang",
        DK,
        "Informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
        "UU 14/2008 Pasal 17 huruf j",
        needs_check=True,
    ),
]


def seed_catalogue(regency, item_model=DipItem, ensure=True) -> int:
    """Add the seed items `regency` lacks (by key) and their village entries; returns how many were added.

    Never changes an item that exists: what the regency admin revised stays revised, and an item it
    deleted is not re-created unless its key is gone (a deleted seed comes back; deactivate instead).
    """
    have = set(item_model.objects.filter(regency=regency).exclude(key="").values_list("key", flat=True))
    new = [
        item_model(
            regency=regency,
            key=seed.key,
            info_class=seed.info_class,
            title=seed.title,
            description=seed.description,
            source=seed.source,
            needs_check=seed.needs_check,
            period=seed.period,
            order=order,
        )
        for order, seed in enumerate(SEEDS, start=1)
        if seed.key not in have
    ]
    item_model.objects.bulk_create(new)
    if new and ensure:
        ensure_entries(regency=regency)
    return len(new)


def ensure_entries(
    *, regency=None, villages=None, entry_model=DipEntry, item_model=DipItem, village_model=None
):
    """Create the missing entries (one per catalogue item) of `villages`, or of every village of `regency`.

    Two queries and one insert, whatever the number of villages; safe to run again and concurrently
    (the unique (village, item) constraint drops duplicates).
    """
    if village_model is None:
        from sinergi.regions.models import Village as village_model
    if villages is None:
        villages = village_model.objects.filter(district__regency=regency)
    village_rows = list(
        village_model.objects.filter(
            pk__in=[v.pk for v in villages] if isinstance(villages, list) else villages
        ).values_list("pk", "district__regency_id")
    )
    regency_ids = {regency_id for _pk, regency_id in village_rows}
    items = list(item_model.objects.filter(regency_id__in=regency_ids).values_list("pk", "regency_id"))
    with scopes_disabled():
        have = set(
            entry_model.objects.filter(village_id__in=[pk for pk, _r in village_rows]).values_list(
                "village_id", "item_id"
            )
        )
        missing = [
            entry_model(village_id=village_id, item_id=item_id)
            for village_id, regency_id in village_rows
            for item_id, item_regency in items
            if item_regency == regency_id and (village_id, item_id) not in have
        ]
        entry_model.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)
