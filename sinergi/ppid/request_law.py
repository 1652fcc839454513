"""The legal lists and numbers of the PPID request service, as data with their source.

Wording: short forms of the articles' letters (UU 14/2008 as promulgated, LN 2008 No. 61). The
letters and their order follow the law; the Indonesian text is a summary, not a quotation.
"""

from django.utils.translation import gettext_lazy as _

# UU 14/2008 Pasal 22(7): written answer within 10 working days of receipt.
ANSWER_DAYS = 10
# UU 14/2008 Pasal 22(8): one extension of at most 7 working days, with a written reason.
EXTENSION_DAYS = 7
# UU 14/2008 Pasal 36(1): an objection is filed within 30 working days of the ground arising.
OBJECTION_FILING_DAYS = 30
# UU 14/2008 Pasal 36(2): the atasan PPID answers within 30 working days of recording the objection.
OBJECTION_ANSWER_DAYS = 30
# UU 14/2008 Pasal 37(2): dispute to the Komisi Informasi within 14 working days of the atasan's answer.
COMMISSION_DAYS = 14
# Reminder to the operator before a deadline (Sinergi's own rule, not a legal one).
REMIND_DAYS_BEFORE = 3

# UU 14/2008 Pasal 17: information exempt from disclosure (letters a-j).
EXEMPTION_GROUNDS = {
    "17a": _("Pasal 17 huruf a — menghambat proses penegakan hukum"),
    "17b": _(
        "Pasal 17 huruf b — mengganggu perlindungan hak atas kekayaan intelektual dan perlindungan dari "
        "persaingan usaha tidak sehat"
    ),
    "17c": _("Pasal 17 huruf c — membahayakan pertahanan dan keamanan negara"),
    "17d": _("Pasal 17 huruf d — mengungkapkan kekayaan alam Indonesia"),
    "17e": _("Pasal 17 huruf e — merugikan ketahanan ekonomi nasional"),
    "17f": _("Pasal 17 huruf f — merugikan kepentingan hubungan luar negeri"),
    "17g": _("Pasal 17 huruf g — mengungkapkan isi akta otentik yang bersifat pribadi dan wasiat seseorang"),
    "17h": _("Pasal 17 huruf h — mengungkap rahasia pribadi"),
    "17i": _(
        "Pasal 17 huruf i — memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan"
    ),
    "17j": _("Pasal 17 huruf j — informasi yang tidak boleh diungkapkan berdasarkan undang-undang"),
}
EXEMPTION_SOURCE = "UU 14/2008 Pasal 17"

# UU 14/2008 Pasal 35 ayat (1): grounds of an objection (letters a-g).
OBJECTION_GROUNDS = {
    "35a": _("Permohonan ditolak dengan alasan pengecualian (Pasal 17)"),
    "35b": _("Informasi berkala tidak disediakan (Pasal 9)"),
    "35c": _("Permohonan informasi tidak ditanggapi"),
    "35d": _("Permohonan ditanggapi tidak sebagaimana yang diminta"),
    "35e": _("Permohonan informasi tidak dipenuhi"),
    "35f": _("Pengenaan biaya yang tidak wajar"),
    "35g": _("Informasi disampaikan melebihi jangka waktu yang diatur"),
}
OBJECTION_SOURCE = "UU 14/2008 Pasal 35 ayat (1)"

# The consent asked on the form; UU 27/2022 Pasal 20(2) huruf a (consent as a lawful basis).
CONSENT_SOURCE = "UU 27/2022 Pasal 20 ayat (2) huruf a"


def exemption_labels(codes) -> list[str]:
    return [str(EXEMPTION_GROUNDS.get(c, c)) for c in codes or []]


def objection_labels(codes) -> list[str]:
    return [str(OBJECTION_GROUNDS.get(c, c)) for c in codes or []]
