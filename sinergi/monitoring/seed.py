"""The default rule set of the index, as data: one entry per check, with its source.

Weights follow docs/domain.md (blocks A 35, B 20, C 15, D 15, E 10, F 5; total 100). Periods and
thresholds are in `params` (days, counts, shares) and the regency admin may change them; a change
makes a new version of the rule set (sinergi/monitoring/rulesets.py).

Sources:
- UU 14/2008 (Keterbukaan Informasi Publik) Pasal 9 (informasi berkala), 10 (serta merta), 13 (PPID).
- Perki 1/2018 (Standar Layanan Informasi Publik Desa) Pasal 11 (informasi berkala desa), 12 (serta
  merta), 4-6 (PPID desa, maklumat), 31 ff. (permohonan: 10 + 7 hari kerja).
- Permendagri 20/2018 (Pengelolaan Keuangan Desa) Pasal 35 ff. (APBDes by Perdes), 68-72
  (realisasi semester I dan akhir tahun); UU 6/2014 (Desa) Pasal 82, 86 (hak masyarakat atas
  informasi pembangunan desa, sistem informasi desa).
- Permendagri 47/2016 (Administrasi Pemerintahan Desa): buku peraturan di desa (produk hukum).
- Practical (Diskominfo's own practice, not a regulation): freshness, KIM share, technical items.
"""

from decimal import Decimal

# (check_id, block, weight, params, title, measures, source, fix)
DEFAULT_RULES = [
    # A. Informasi berkala tersedia dan mutakhir (35)
    ("A.profil_desa", "A", "6", {"stale_days": 365},
     "Profil desa",
     "Halaman Profil Desa terbit dengan sejarah dan visi terisi; mutakhir bila diperbarui dalam periode.",
     "Perki 1/2018 Pasal 11 ayat (1) huruf a (profil desa)",
     "Lengkapi sejarah dan visi-misi di halaman Profil Desa, lalu terbitkan."),
    ("A.pemerintahan", "A", "7", {"stale_days": 365, "min_officials": 3},
     "Pemerintahan desa",
     "Halaman Pemerintahan Desa terbit dengan daftar perangkat desa; mutakhir bila diperbarui dalam periode.",
     "Perki 1/2018 Pasal 11 ayat (1) huruf a (struktur dan perangkat desa)",
     "Isi daftar perangkat desa di halaman Pemerintahan Desa, lalu terbitkan."),
    ("A.produk_hukum", "A", "7", {},
     "Produk hukum desa",
     "Perdes, Perkades atau SK Kepala Desa terbit; mutakhir bila ada yang bertahun berjalan.",
     "Perki 1/2018 Pasal 11 ayat (1) huruf b; Permendagri 47/2016 (buku peraturan di desa)",
     "Unggah produk hukum desa tahun ini (Perdes, Perkades, SK) di Produk Hukum."),
    ("A.dip_berkala", "A", "15", {},
     "Informasi berkala dalam DIP",
     "Bagian butir informasi berkala Daftar Informasi Publik yang terisi dan belum lewat periode pembaruannya.",
     "UU 14/2008 Pasal 9; Perki 1/2018 Pasal 11",
     "Isi butir informasi berkala di Daftar Informasi Publik dan perbarui yang kedaluwarsa."),
    # B. Transparansi APBDes (20)
    ("B.apbdes", "B", "8", {},
     "APBDes tahun berjalan",
     "APBDes tahun berjalan diterbitkan di Transparansi (tahun lalu saja: separuh).",
     "Permendagri 20/2018 Pasal 35 ff.; UU 6/2014 Pasal 82 ayat (4)",
     "Impor dan terbitkan APBDes tahun ini di menu APBDes."),
    ("B.perdes_apbdes", "B", "3", {},
     "Perdes APBDes",
     "APBDes tahun berjalan yang terbit mencantumkan Perdes penetapannya (nomor atau dokumen).",
     "Permendagri 20/2018 Pasal 35 (APBDes ditetapkan dengan Perdes)",
     "Isi nomor dan unggah dokumen Perdes pada APBDes tahun ini."),
    ("B.realisasi", "B", "6", {},
     "Realisasi APBDes",
     "Laporan realisasi APBDes tahun berjalan atau tahun lalu diterbitkan.",
     "Permendagri 20/2018 Pasal 68-72 (laporan semester I dan akhir tahun)",
     "Terbitkan laporan realisasi APBDes (semester I atau akhir tahun)."),
    ("B.alamat_pengaduan", "B", "3", {},
     "Saluran pengaduan",
     "Bagian Pengaduan & Aspirasi terbit, sehingga warga punya alamat pengaduan.",
     "Perki 1/2018 Pasal 11 (informasi tata cara pengaduan); UU 25/2009 Pasal 36",
     "Terbitkan halaman Pengaduan & Aspirasi desa."),
    # C. Layanan PPID (15)
    ("C.sk_ppid", "C", "4", {},
     "SK PPID desa",
     "Profil PPID mencantumkan nomor atau dokumen SK penetapan PPID desa.",
     "UU 14/2008 Pasal 13; Perki 1/2018 Pasal 4-5",
     "Isi nomor SK PPID dan unggah dokumennya di halaman PPID."),
    ("C.maklumat", "C", "2", {},
     "Maklumat pelayanan",
     "Halaman PPID terbit dengan maklumat pelayanan informasi.",
     "Perki 1/2018 Pasal 6 (maklumat pelayanan informasi publik)",
     "Isi maklumat pelayanan di halaman PPID, lalu terbitkan."),
    ("C.layanan_permohonan", "C", "2", {},
     "Formulir permohonan dan keberatan",
     "Halaman PPID terbit, sehingga formulir permohonan dan keberatan daring bekerja.",
     "UU 14/2008 Pasal 22, 35; Perki 1/2018 Pasal 31 ff.",
     "Terbitkan halaman PPID desa."),
    ("C.dip_30_hari", "C", "3", {"days": 30},
     "DIP diperbarui",
     "Ada isian Daftar Informasi Publik yang diperbarui dalam periode (hari).",
     "Perki 1/2018 Pasal 11 (DIP dimutakhirkan); praktik Diskominfo",
     "Perbarui isian Daftar Informasi Publik (tanggal terakhir diperbarui)."),
    ("C.permohonan_tepat_waktu", "C", "4", {"days": 365},
     "Permohonan dijawab tepat waktu",
     "Bagian permohonan informasi yang jatuh tempo dalam periode (hari) dan dijawab sebelum batas waktu.",
     "UU 14/2008 Pasal 22 ayat (7)-(8) (10 + 7 hari kerja)",
     "Jawab permohonan informasi sebelum batas waktunya di menu Permohonan Informasi."),
    # D. Kesegaran dan keaktifan (15)
    ("D.berita_30_hari", "D", "5", {"days": 30},
     "Berita terbaru",
     "Ada berita terbit bertanggal dalam periode (hari).",
     "Praktik Diskominfo (kesegaran informasi)",
     "Terbitkan berita kegiatan desa, misalnya dari laporan KIM."),
    ("D.berita_90_hari", "D", "3", {"days": 90, "target": 6},
     "Berita rutin",
     "Jumlah berita terbit dalam periode (hari) dibanding target.",
     "Praktik Diskominfo (keaktifan)",
     "Terbitkan berita secara rutin, sekitar dua berita sebulan."),
    ("D.agenda", "D", "2", {"days": 90},
     "Agenda kegiatan",
     "Ada agenda yang akan datang atau yang berlangsung dalam periode (hari).",
     "Perki 1/2018 Pasal 11 (kegiatan desa); praktik Diskominfo",
     "Tambahkan agenda kegiatan desa yang akan datang."),
    ("D.pengumuman", "D", "2", {"days": 90},
     "Pengumuman",
     "Ada pengumuman yang masih berlaku atau dimulai dalam periode (hari).",
     "Praktik Diskominfo (keaktifan)",
     "Terbitkan pengumuman untuk warga."),
    ("D.kontribusi_kim", "D", "3", {"days": 90, "target_share": "0.25"},
     "Berita dari KIM",
     "Bagian berita dalam periode (hari) yang berasal dari laporan KIM, dibanding target.",
     "Permenkominfo 8/2019 (KIM sebagai mitra diseminasi informasi); praktik Diskominfo",
     "Tinjau dan terbitkan laporan anggota KIM sebagai berita desa."),
    # E. Teknis (10)
    ("E.kontak", "E", "4", {},
     "Kontak kantor desa",
     "Alamat kantor dan paling sedikit satu dari telepon, WhatsApp atau surel terisi di beranda desa.",
     "Perki 1/2018 Pasal 11 (alamat dan kontak badan publik)",
     "Isi alamat dan nomor telepon/WhatsApp/surel kantor desa di pengaturan beranda."),
    ("E.https", "E", "2", {},
     "HTTPS",
     "Server memaksa HTTPS (pengaturan SECURE_SSL_REDIRECT instans ini); sama untuk semua desa.",
     "Praktik keamanan (BSSN); docs/security.md",
     "Diskominfo mengaktifkan HTTPS di server Sinergi."),
    ("E.domain", "E", "2", {},
     "Domain sendiri",
     "Desa punya situs dengan domain sendiri (Site Wagtail yang berakar di beranda desa).",
     "Permendagri 5/2015 tentang domain desa.id; praktik Diskominfo",
     "Ajukan domain desa.id dan minta Diskominfo memasangnya."),
    ("E.dokumen_ringan", "E", "2", {"max_mb": 5},
     "Dokumen ringan dan ramah ponsel",
     "Bagian dokumen unggahan desa (PDF, Word, Excel) yang ukurannya tidak melebihi batas (MB), sehingga "
     "dapat dibuka di ponsel dan jaringan lemah.",
     "Praktik Diskominfo (akses dari ponsel dan jaringan lemah)",
     "Perkecil dokumen yang terlalu besar (ekspor ulang sebagai PDF, jangan pindaian beresolusi tinggi), "
     "lalu ganti berkasnya di menu Dokumen."),
    # F. Kesiapan informasi serta-merta (5)
    ("F.kontak_darurat", "F", "3", {"keywords": ["darurat"]},
     "Kontak darurat",
     "Ada halaman terbit yang judul atau alamatnya memuat kata kunci (misalnya \"darurat\").",
     "UU 14/2008 Pasal 10; Perki 1/2018 Pasal 12",
     "Buat halaman \"Kontak Darurat\" berisi nomor puskesmas, polisi, pemadam, dan BPBD."),
    ("F.serta_merta", "F", "2", {},
     "Informasi serta merta dalam DIP",
     "Bagian butir informasi serta merta Daftar Informasi Publik yang terisi (termasuk prosedur peringatan dini).",
     "UU 14/2008 Pasal 10; Perki 1/2018 Pasal 12",
     "Isi butir informasi serta merta di Daftar Informasi Publik, termasuk prosedur peringatan dini."),
]  # fmt: skip


def ensure_ruleset(regency, *, ruleset_model=None, rule_model=None):
    """The regency's active rule set, created (version 1, the defaults) when it has none."""
    if ruleset_model is None:
        from sinergi.monitoring.models import Rule as rule_model
        from sinergi.monitoring.models import RuleSet as ruleset_model
    active = ruleset_model.objects.filter(regency=regency).order_by("-version").first()
    if active is not None:
        return active
    ruleset, created = ruleset_model.objects.get_or_create(
        regency=regency, version=1, defaults={"note": "Aturan bawaan Sinergi (docs/domain.md)."}
    )
    if created:
        rule_model.objects.bulk_create(
            rule_model(
                ruleset=ruleset,
                check_id=check_id,
                block=block,
                weight=Decimal(weight),
                params=params,
                title=title,
                measures=measures,
                source=source,
                fix=fix,
                position=position,
            )
            for position, (check_id, block, weight, params, title, measures, source, fix) in enumerate(
                DEFAULT_RULES
            )
        )
    return ruleset
