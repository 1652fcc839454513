"""The code tables as first seeded (migration 0003_seed_budget_codes), each entry with its source.

Kept as data, not logic: the regency admin edits the table afterwards (Pengaturan → Kode APBDes). The
migration copies these tuples at the time it was written; changing this file changes no database.

Sources:
- LAMPIRAN = Permendagri 20/2018 tentang Pengelolaan Keuangan Desa, Lampiran (klasifikasi pendapatan,
  belanja menurut bidang/sub-bidang/kegiatan, jenis belanja, pembiayaan).
- SISKEUDES = kode sumber dana aplikasi Siskeudes (BPKP): not in the regulation itself.
Names marked needs_check were written from memory of the Lampiran and must be checked against the text
("perlu dicek").
"""

LAMPIRAN = "Permendagri 20/2018, Lampiran"
SISKEUDES = "Kode sumber dana aplikasi Siskeudes (BPKP), bukan Permendagri 20/2018"

# (kind, code, name, source, needs_check)
CODES = [
    ("pendapatan", "4", "Pendapatan", LAMPIRAN, False),
    ("pendapatan", "4.1", "Pendapatan Asli Desa", LAMPIRAN, False),
    ("pendapatan", "4.1.1", "Hasil Usaha Desa", LAMPIRAN, False),
    ("pendapatan", "4.1.2", "Hasil Aset Desa", LAMPIRAN, False),
    ("pendapatan", "4.1.3", "Swadaya, Partisipasi dan Gotong Royong", LAMPIRAN, False),
    ("pendapatan", "4.1.4", "Lain-lain Pendapatan Asli Desa", LAMPIRAN, False),
    ("pendapatan", "4.2", "Transfer", LAMPIRAN, False),
    ("pendapatan", "4.2.1", "Dana Desa", LAMPIRAN, False),
    ("pendapatan", "4.2.2", "Bagian dari Hasil Pajak dan Retribusi Daerah Kabupaten/Kota", LAMPIRAN, False),
    ("pendapatan", "4.2.3", "Alokasi Dana Desa", LAMPIRAN, False),
    ("pendapatan", "4.2.4", "Bantuan Keuangan Provinsi", LAMPIRAN, False),
    ("pendapatan", "4.2.5", "Bantuan Keuangan Kabupaten/Kota", LAMPIRAN, False),
    ("pendapatan", "4.3", "Pendapatan Lain-lain", LAMPIRAN, False),
    ("jenis_belanja", "5", "Belanja", LAMPIRAN, False),
    ("jenis_belanja", "5.1", "Belanja Pegawai", LAMPIRAN, False),
    ("jenis_belanja", "5.2", "Belanja Barang dan Jasa", LAMPIRAN, False),
    ("jenis_belanja", "5.3", "Belanja Modal", LAMPIRAN, False),
    ("jenis_belanja", "5.4", "Belanja Tak Terduga", LAMPIRAN, False),
    ("bidang", "1", "Penyelenggaraan Pemerintahan Desa", LAMPIRAN, False),
    (
        "bidang",
        "1.1",
        "Penyelenggaraan Belanja Siltap, Tunjangan dan Operasional Pemerintahan Desa",
        LAMPIRAN,
        True,
    ),
    ("bidang", "1.2", "Sarana dan Prasarana Pemerintahan Desa", LAMPIRAN, True),
    ("bidang", "1.3", "Administrasi Kependudukan, Pencatatan Sipil, Statistik dan Kearsipan", LAMPIRAN, True),
    ("bidang", "1.4", "Tata Praja Pemerintahan, Perencanaan, Keuangan dan Pelaporan", LAMPIRAN, True),
    ("bidang", "1.5", "Pertanahan", LAMPIRAN, True),
    ("bidang", "2", "Pelaksanaan Pembangunan Desa", LAMPIRAN, False),
    ("bidang", "2.1", "Pendidikan", LAMPIRAN, False),
    ("bidang", "2.2", "Kesehatan", LAMPIRAN, False),
    ("bidang", "2.3", "Pekerjaan Umum dan Penataan Ruang", LAMPIRAN, False),
    ("bidang", "2.4", "Kawasan Permukiman", LAMPIRAN, True),
    ("bidang", "2.5", "Kehutanan dan Lingkungan Hidup", LAMPIRAN, True),
    ("bidang", "2.6", "Perhubungan, Komunikasi dan Informatika", LAMPIRAN, True),
    ("bidang", "2.7", "Energi dan Sumber Daya Mineral", LAMPIRAN, True),
    ("bidang", "2.8", "Pariwisata", LAMPIRAN, True),
    ("bidang", "3", "Pembinaan Kemasyarakatan", LAMPIRAN, False),
    ("bidang", "3.1", "Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat", LAMPIRAN, True),
    ("bidang", "3.2", "Kebudayaan dan Keagamaan", LAMPIRAN, True),
    ("bidang", "3.3", "Kepemudaan dan Olah Raga", LAMPIRAN, True),
    ("bidang", "3.4", "Kelembagaan Masyarakat", LAMPIRAN, True),
    ("bidang", "4", "Pemberdayaan Masyarakat", LAMPIRAN, False),
    ("bidang", "4.1", "Kelautan dan Perikanan", LAMPIRAN, True),
    ("bidang", "4.2", "Pertanian dan Peternakan", LAMPIRAN, True),
    ("bidang", "4.3", "Peningkatan Kapasitas Aparatur Desa", LAMPIRAN, True),
    ("bidang", "4.4", "Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga", LAMPIRAN, True),
    ("bidang", "4.5", "Koperasi, Usaha Mikro Kecil dan Menengah (UMKM)", LAMPIRAN, True),
    ("bidang", "4.6", "Dukungan Penanaman Modal", LAMPIRAN, True),
    ("bidang", "4.7", "Perdagangan dan Perindustrian", LAMPIRAN, True),
    ("bidang", "5", "Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa", LAMPIRAN, False),
    ("bidang", "5.1", "Penanggulangan Bencana", LAMPIRAN, True),
    ("bidang", "5.2", "Keadaan Darurat", LAMPIRAN, True),
    ("bidang", "5.3", "Keadaan Mendesak", LAMPIRAN, True),
    ("pembiayaan", "6", "Pembiayaan", LAMPIRAN, False),
    ("pembiayaan", "6.1", "Penerimaan Pembiayaan", LAMPIRAN, False),
    ("pembiayaan", "6.1.1", "Sisa Lebih Perhitungan Anggaran (SiLPA) Tahun Sebelumnya", LAMPIRAN, False),
    ("pembiayaan", "6.1.2", "Pencairan Dana Cadangan", LAMPIRAN, False),
    ("pembiayaan", "6.1.3", "Hasil Penjualan Kekayaan Desa yang Dipisahkan", LAMPIRAN, False),
    ("pembiayaan", "6.2", "Pengeluaran Pembiayaan", LAMPIRAN, False),
    ("pembiayaan", "6.2.1", "Pembentukan Dana Cadangan", LAMPIRAN, False),
    ("pembiayaan", "6.2.2", "Penyertaan Modal Desa", LAMPIRAN, False),
    ("sumber_dana", "DDS", "Dana Desa", SISKEUDES, True),
    ("sumber_dana", "ADD", "Alokasi Dana Desa", SISKEUDES, True),
    ("sumber_dana", "PBH", "Bagi Hasil Pajak dan Retribusi Daerah", SISKEUDES, True),
    ("sumber_dana", "PAD", "Pendapatan Asli Desa", SISKEUDES, True),
    ("sumber_dana", "PBP", "Bantuan Keuangan Provinsi", SISKEUDES, True),
    ("sumber_dana", "PBK", "Bantuan Keuangan Kabupaten/Kota", SISKEUDES, True),
    ("sumber_dana", "DLL", "Pendapatan Lain-lain / SiLPA", SISKEUDES, True),
]
