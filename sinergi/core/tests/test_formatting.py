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
