"""Registration numbers a village can read out, and tracking codes nobody can guess."""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django_scopes import scopes_disabled

from sinergi.casework.models import CaseSequence
from sinergi.casework.tracking import (
    ALPHABET,
    display_code,
    new_tracking_code,
    next_number,
    normalise_code,
    registration,
    village_initials,
)


@pytest.mark.parametrize(
    "name, initials",
    [("Sebuntal", "SBT"), ("Marang Kayu", "MRK"), ("Santan Ulu", "STU"), ("Bunga Putih", "BGP"), ("Ai", "A")],
)
def test_village_initials_read_like_the_village(name, initials):
    assert village_initials(name) == initials


def test_registration_number_per_village_and_year(sebuntal, santan_ulu):
    assert [next_number(sebuntal, "ppid", 2026) for _n in range(3)] == [1, 2, 3]
    assert next_number(sebuntal, "ppid", 2027) == 1
    assert next_number(santan_ulu, "ppid", 2026) == 1
    assert next_number(sebuntal, "aduan", 2026) == 1
    assert registration(7, "PPID", sebuntal, 2026) == "007/PPID-SBT/2026"


def test_tracking_codes_are_long_random_and_forgiving_to_type():
    codes = {new_tracking_code() for _n in range(2000)}
    assert len(codes) == 2000
    code = codes.pop()
    assert len(code) == 12 and set(code) <= set(ALPHABET)
    shown = display_code(code)
    assert shown.count("-") == 2
    assert normalise_code(f"  {shown.lower()} ") == code
    assert normalise_code("0000-1111-2222".replace("0", "O").replace("1", "l")) == "000011112222"
    assert normalise_code("ABC") == "" and normalise_code("<script>alert(1)</script>") == ""


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not settings.DB_VENDOR_IS_POSTGRES, reason="concurrent writers need PostgreSQL")
def test_citizens_submitting_at_once_never_share_a_number(sebuntal):
    numbers, errors = [], []

    def submit():
        try:
            for _n in range(10):
                numbers.append(next_number(sebuntal, "ppid", 2026))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(numbers) == list(range(1, 81))
    with scopes_disabled():
        assert CaseSequence.objects.get(village=sebuntal, series="ppid", year=2026).last == 80
