"""Shared set-up of the PPID request tests: a valid form submission and a request in any state."""

import datetime
import time

from django.utils import timezone

from sinergi.casework import guard
from sinergi.ppid.request_services import (
    act_on_objection,
    act_on_request,
    ppid_page,
    submit_objection,
    submit_request,
)

NIK = "6402015204900001"  # structurally valid: Kutai Kartanegara, a woman born 12-04-1990

FIELDS = {
    "requester_name": "Siti Aminah",
    "nik": NIK,
    "organisation": "",
    "address": "RT 03 Desa Sebuntal",
    "phone": "081234567890",
    "email": "siti@contoh.id",
    "information": "Salinan APB Desa Sebuntal tahun 2026",
    "purpose": "Mengetahui penggunaan dana desa",
    "form": "mencatat",
    "copy": "softcopy",
    "delivery": "email",
}


def form_data(**changes) -> dict:
    """What a person's browser posts: the fields, the consent and a stamp of 30 s ago."""
    data = {**FIELDS, "consent": "on", guard.STARTED: guard.signing.dumps(time.time() - 30, salt=guard._SALT)}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def local(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


def make_request(village, *, at=None, **changes):
    return submit_request(village, {**FIELDS, **changes}, now=at or timezone.now())


def page_url(village) -> str:
    return ppid_page(village).url


__all__ = ["act_on_objection", "act_on_request", "submit_objection"]
