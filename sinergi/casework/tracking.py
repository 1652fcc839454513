"""Tracking codes and registration numbers of citizen cases.

A tracking code is what a citizen keeps to follow their case without an account: 12 symbols of
Crockford's base32 (no I, L, O or U, so nothing is misread), 60 random bits, shown as XXXX-XXXX-XXXX.
Guessing one is hopeless at the throttled rate the tracking page allows. A registration number is the
readable number the law asks for (a register entry), e.g. 001/PPID-SBT/2026; it is not a secret.
"""

import re
import secrets

from django.db import transaction
from django.db.models import F
from django_scopes import scope

from sinergi.casework.models import CaseSequence

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
# What people type instead of the symbol meant (Crockford): O for zero, I and L for one.
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})
VOWELS = frozenset("AEIOU")


def new_tracking_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _n in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """The stored form of a code as someone typed it: case, spaces and dashes ignored."""
    code = re.sub(r"[^0-9A-Za-z]", "", typed or "").upper().translate(_MISREAD)
    return code if len(code) == CODE_LENGTH and all(c in ALPHABET for c in code) else ""


def display_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def village_initials(name: str, length: int = 3) -> str:
    """Short letters for a village in a registration number: the first letter of each word and the
    consonants that open a syllable ("Sebuntal" → SBT, "Marang Kayu" → MRK)."""
    letters = []
    for word in re.findall(r"[A-Za-z]+", name or ""):
        word = word.upper()
        letters.append(word[0])
        letters += [c for i, c in enumerate(word[1:-1], 1) if c not in VOWELS and word[i + 1] in VOWELS]
    initials = "".join(letters)[:length]
    return initials or "DS"


def next_number(village, series: str, year: int) -> int:
    """The next number of `series` in `village` and `year`, never given twice.

    Call it inside the transaction that stores the case: the row lock taken by the UPDATE makes
    concurrent submissions wait their turn, and a failed save gives the number back.
    """
    with scope(village=village.pk), transaction.atomic():
        CaseSequence.objects.get_or_create(village=village, series=series, year=year)
        rows = CaseSequence.objects.filter(village=village, series=series, year=year)
        rows.update(last=F("last") + 1)
        return rows.values_list("last", flat=True).get()


def registration(number: int, label: str, village, year: int) -> str:
    """The readable registration number, e.g. 001/PPID-SBT/2026."""
    return f"{number:03d}/{label}-{village_initials(village.name)}/{year}"
