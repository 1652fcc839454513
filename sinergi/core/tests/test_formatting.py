import datetime as dt
from decimal import Decimal

from django.test import override_settings

from sinergi.core import formatting


def test_long_date_is_in_indonesian():
    assert formatting.long_date(dt.date(2025, 8, 17)) == "17 Agustus 2025"
    assert formatting.long_date(dt.date(2023, 10, 5), with_day=True) == "Kamis, 5 Oktober 2023"


def test_short_date():
    assert formatting.short_date(dt.date(2025, 8, 17)) == "17/08/25"


def test_times_are_shown_in_the_instance_zone_with_a_dot():
    moment = dt.datetime(2025, 8, 17, 7, 30, tzinfo=dt.UTC)
    assert formatting.time_of_day(moment) == "15.30 WITA"
    with override_settings(TIME_ZONE="Asia/Jakarta"):
        assert formatting.time_of_day(moment) == "14.30 WIB"
    with override_settings(TIME_ZONE="Asia/Jayapura"):
        assert formatting.time_of_day(moment) == "16.30 WIT"


def test_a_late_evening_utc_time_is_the_next_day_in_wita():
    assert formatting.long_date(dt.datetime(2025, 8, 16, 17, 0, tzinfo=dt.UTC)) == "17 Agustus 2025"


def test_money_uses_dots_for_thousands_and_a_comma_for_decimals():
    assert formatting.rupiah(1250000) == "Rp 1.250.000"
    assert formatting.rupiah(Decimal("1250000.50")) == "Rp 1.250.000,50"
    assert formatting.rupiah(0) == "Rp 0"
    assert formatting.rupiah(None) == ""


def test_an_excerpt_is_cut_between_words_with_an_ellipsis():
    text = "Warga Desa Sebuntal bergotong royong membersihkan saluran air menjelang musim hujan tahun ini"
    assert formatting.excerpt(text, 40) == "Warga Desa Sebuntal bergotong royong…"
    assert formatting.excerpt("Pendek saja.", 40) == "Pendek saja."
    assert formatting.excerpt("x" * 100, 20) == "x" * 19 + "…"  # one endless word is cut where it must


def test_coordinates_read_as_latitude_and_longitude_with_hemispheres():
    assert formatting.coordinates(Decimal("0.287400"), Decimal("117.468900")) == "0,2874° LU, 117,4689° BT"
    assert formatting.coordinates(Decimal("-0.412346"), Decimal("117.123457")) == "0,4123° LS, 117,1235° BT"
    assert formatting.coordinates(None, Decimal("117.1")) == ""
