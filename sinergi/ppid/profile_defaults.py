"""Default texts of a village's PPID profile, written from UU 14/2008 and Perki 1/2018.

They are starting points the operator edits in the PPID page; each names its sources at its foot so
that a reader can check it. Numbers (10 + 7 working days, 30 working days, 14 working days) are the
ones of docs/domain.md ("PPID Desa"); where the article number is not confirmed the text says
"perlu dicek" instead of guessing.
"""

from django.utils.translation import gettext as _


def default_service_notice() -> str:
    """Maklumat pelayanan informasi publik (the village's public pledge)."""
    return "".join(
        [
            "<p>",
            _(
                "Dengan ini Pemerintah Desa menyatakan sanggup menyelenggarakan pelayanan informasi "
                "publik sesuai dengan standar layanan yang telah ditetapkan, dan apabila tidak "
                "menepati janji ini, kami siap menerima sanksi sesuai dengan peraturan "
                "perundang-undangan yang berlaku."
            ),
            "</p><p>",
            _("Sumber: UU 14/2008 tentang Keterbukaan Informasi Publik; Perki 1/2018 (pasal perlu dicek)."),
            "</p>",
        ]
    )


def default_service_standard() -> str:
    """Standar layanan: who serves, in what time, at what cost."""
    items = [
        _("Setiap orang berhak meminta informasi publik desa, kecuali informasi yang dikecualikan."),
        _(
            "Permohonan dijawab secara tertulis paling lambat 10 hari kerja sejak diterima, dan dapat "
            "diperpanjang satu kali paling lama 7 hari kerja dengan alasan tertulis."
        ),
        _(
            "Informasi diberikan tanpa biaya; biaya penggandaan atau pengiriman, bila ada, dibayar "
            "pemohon sesuai biaya nyata."
        ),
        _("Informasi berkala diumumkan paling sedikit setiap enam bulan sekali."),
        _("Daftar Informasi Publik (DIP) desa diperbarui secara berkala dan dapat dilihat setiap saat."),
    ]
    return "".join(
        [
            "<ul>",
            *(f"<li>{item}</li>" for item in items),
            "</ul><p>",
            _(
                "Sumber: UU 14/2008 Pasal 9 ayat (4) dan Pasal 22 ayat (7)–(8) (perlu dicek); "
                "Perki 1/2018 tentang Standar Layanan Informasi Publik Desa."
            ),
            "</p>",
        ]
    )


def default_how_to_request() -> str:
    steps = [
        _("Isi formulir permohonan informasi di halaman ini atau datang ke kantor desa."),
        _(
            "Sebutkan nama, alamat, nomor telepon atau e-mail, rincian informasi yang diminta, tujuan "
            "penggunaannya, serta cara memperoleh dan mengirimkannya."
        ),
        _("Simpan nomor pendaftaran dan kode lacak yang Anda terima untuk mengikuti permohonan Anda."),
        _(
            "PPID desa menjawab secara tertulis paling lambat 10 hari kerja, dan dapat memperpanjang "
            "satu kali 7 hari kerja dengan alasan tertulis."
        ),
    ]
    return "".join(
        [
            "<ol>",
            *(f"<li>{step}</li>" for step in steps),
            "</ol><p>",
            _("Sumber: UU 14/2008 Pasal 22; Perki 1/2018."),
            "</p>",
        ]
    )


def default_how_to_object() -> str:
    steps = [
        _(
            "Keberatan diajukan kepada atasan PPID secara tertulis paling lambat 30 hari kerja sejak "
            "alasan keberatan timbul."
        ),
        _(
            "Alasan keberatan antara lain: permohonan ditolak karena pengecualian, informasi berkala "
            "tidak disediakan, permohonan tidak ditanggapi, ditanggapi tidak sebagaimana diminta, "
            "permohonan tidak dipenuhi, biaya yang tidak wajar, atau jawaban melebihi jangka waktu."
        ),
        _("Atasan PPID memberikan tanggapan tertulis paling lambat 30 hari kerja sejak keberatan dicatat."),
        _(
            "Bila tidak puas dengan tanggapan atasan PPID, pemohon dapat mengajukan sengketa ke Komisi "
            "Informasi paling lambat 14 hari kerja sejak tanggapan diterima."
        ),
    ]
    return "".join(
        [
            "<ol>",
            *(f"<li>{step}</li>" for step in steps),
            "</ol><p>",
            _("Sumber: UU 14/2008 Pasal 35, 36 dan 37."),
            "</p>",
        ]
    )


def default_office_hours() -> str:
    return _("Senin–Kamis 08.00–15.00, Jumat 08.00–11.00 waktu setempat, kecuali hari libur")
