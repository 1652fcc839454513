"""What holds a public submission for the operator, and what refuses it."""

import time

import pytest
from django.test import RequestFactory

from sinergi.casework import guard
from sinergi.casework.models import SpamTerm
from sinergi.casework.workflow import Transition, TransitionTable


class Form(guard.GuardedForm):
    pass


def sent(data, *, age: float):
    token = guard.signing.dumps(time.time() - age, salt=guard._SALT)
    form = Form(data={**data, guard.STARTED: token})
    assert form.is_valid()
    return form.bot_signs()


def test_a_person_taking_their_time_is_not_a_bot():
    assert sent({}, age=30) == []


def test_honeypot_and_speed_mark_a_bot():
    assert sent({guard.HONEYPOT: "http://x"}, age=30) == [guard.HELD_HONEYPOT]
    assert sent({}, age=0.5) == [guard.HELD_TOO_FAST]
    # Posted without ever showing the form (no stamp) or with a forged stamp.
    form = Form(data={guard.STARTED: "1700000000"})
    assert form.is_valid() and form.bot_signs() == [guard.HELD_TOO_FAST]


def test_a_new_form_carries_a_fresh_stamp():
    assert Form().initial[guard.STARTED]


@pytest.mark.parametrize(
    "text",
    [
        "Slot gacor hari ini maxwin",
        "s l o t g a c o r",
        "G4C0R parah",
        "Situs T0GEL terpercaya",
        "deposit pulsa tanpa potongan",
    ],
)
def test_gambling_promotions_are_held_however_disguised(db, text):
    assert guard.HELD_GAMBLING in guard.check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jembatan di RT 05 rusak sejak banjir, mohon diperbaiki.",
        "Bantuan langsung tunai bulan Oktober belum cair. Info di https://kutaikartanegarakab.go.id",
        "Hubungi saya di 0812 3456 7890 untuk survei lokasi.",
    ],
)
def test_ordinary_complaints_pass(db, text):
    assert guard.check_text(text) == []


def test_links_and_phone_with_link_are_held(db):
    assert guard.HELD_LINKS in guard.check_text("lihat www.contoh.xyz dan https://b.top/daftar")
    assert guard.HELD_PHONE_LINK in guard.check_text("WA 0812-3456-7890 klik bit.ly/abc atau situsku.com")


def test_the_regency_edits_the_list(db):
    assert guard.check_text("promo sabung ayam") == []
    SpamTerm.objects.create(term="sabungayam")
    assert guard.check_text("promo S4BUNG AYAM") == [guard.HELD_GAMBLING]
    SpamTerm.objects.filter(term="maxwin").delete()
    assert guard.check_text("maxwin") == []


def test_rate_limit_per_address_and_per_code(db, settings):
    settings.CASEWORK_SUBMISSIONS_PER_HOUR = {"uji": 2}
    factory = RequestFactory()
    first, second = factory.post("/", REMOTE_ADDR="10.0.0.1"), factory.post("/", REMOTE_ADDR="10.0.0.2")
    assert [guard.over_rate_limit(first, "uji") for _n in range(3)] == [False, False, True]
    assert guard.over_rate_limit(second, "uji") is False
    assert guard.over_rate_limit(second, "uji", key="KODE1") is False
    assert guard.over_rate_limit(factory.post("/", REMOTE_ADDR="10.0.0.3"), "uji", key="KODE1") is False
    assert guard.over_rate_limit(factory.post("/", REMOTE_ADDR="10.0.0.4"), "uji", key="KODE1") is True
    assert "2" in guard.rate_limit_message("uji")


TABLE = TransitionTable(
    [
        Transition("verify", frozenset({"new"}), "open", "operator", "Verifikasi"),
        Transition("close", frozenset({"open"}), "done", "operator", "Selesai"),
        Transition("add", frozenset({"new", "open"}), None, "citizen", "Tambah"),
    ]
)


def test_a_transition_table_answers_who_may_do_what():
    assert [t.name for t in TABLE.available("new", {"citizen"})] == ["add"]
    assert [t.name for t in TABLE.available("new", {"operator", "citizen"})] == ["verify", "add"]
    assert TABLE.states() == {"new", "open", "done"}
    assert TABLE.reachable("new") == {"new", "open", "done"}
    with pytest.raises(ValueError):
        TransitionTable([TABLE["verify"], TABLE["verify"]])
    with pytest.raises(guard_error()):
        TABLE["nope"]


def guard_error():
    from sinergi.casework.workflow import TransitionError

    return TransitionError
