"""Gambling spam is recognised however it is disguised, and ordinary village news is not."""

import pytest

from sinergi.core.spam import looks_like_gambling_spam


@pytest.mark.parametrize(
    "text",
    [
        "DAFTAR SLOT GACOR MAXWIN",
        "situs g4c0r hari ini",
        "s l o t  g a c o r",
        "m.a.x.w.i.n malam ini",
        "Link alternatif resmi, bonus new member 100%",
        "Prediksi TOGEL hongkong",
        "Judi-Online terpercaya",
        "RTP Live tertinggi",
        "Scatter hitam mahjong ways",
        "ＳＬＯＴ　ＧＡＣＯＲ",  # full-width letters
    ],
)
def test_gambling_promotions_are_recognised(text):
    assert looks_like_gambling_spam(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Balai Desa Sebuntal",
        "Sosialisasi slot waktu posyandu di RT 03",
        "Penyuluhan bahaya judi dan narkoba bagi remaja",  # a warning, not a promotion
        "Pelatihan menulis berita untuk 25 warga",
        "Gotong royong membersihkan saluran air dusun Maxi Windu",
    ],
)
def test_ordinary_village_text_is_not_held(text):
    assert not looks_like_gambling_spam(text)
