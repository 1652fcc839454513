"""The two transition tables of the PPID service: information requests and objections.

Roles: "system" (Sinergi itself, at submission), "citizen" (whoever holds the tracking code),
"operator" (staff who manage the village: the PPID desa) and "atasan" (the atasan PPID, the village
head). In Sinergi the village's staff accounts act for both the PPID and its atasan: a village has
no separate account for its head yet (see docs/domain.md, "PPID: requests and objections").
"""

from django.utils.translation import gettext_lazy as _

from sinergi.casework.workflow import OPERATOR, SYSTEM, Transition, TransitionTable
from sinergi.ppid.request_models import InformationRequest, Objection

ATASAN = "atasan"

R = InformationRequest.State
O = Objection.State  # noqa: E741

ANSWER_SOURCES = frozenset({R.REGISTERED, R.EXTENDED})

REQUEST_TABLE = TransitionTable(
    [
        Transition("register", frozenset({R.NEW}), R.REGISTERED, SYSTEM, _("Didaftarkan")),
        Transition(
            "hold", frozenset({R.NEW}), R.HELD, SYSTEM, _("Ditahan sebagai dugaan spam"), public=False
        ),
        Transition("release", frozenset({R.HELD}), R.REGISTERED, OPERATOR, _("Dilepas dari tahanan spam")),
        Transition(
            "extend",
            frozenset({R.REGISTERED}),
            R.EXTENDED,
            OPERATOR,
            _("Diperpanjang 7 hari kerja"),
            comment_required=True,
        ),
        Transition("grant", ANSWER_SOURCES, R.GRANTED, OPERATOR, _("Dikabulkan")),
        Transition(
            "partly_grant",
            ANSWER_SOURCES,
            R.PARTLY_GRANTED,
            OPERATOR,
            _("Dikabulkan sebagian"),
            comment_required=True,
        ),
        Transition("refuse", ANSWER_SOURCES, R.REFUSED, OPERATOR, _("Ditolak"), comment_required=True),
        Transition(
            "not_held",
            ANSWER_SOURCES,
            R.NOT_HELD,
            OPERATOR,
            _("Informasi tidak dikuasai"),
            comment_required=True,
        ),
        Transition("note", frozenset(R.values), None, OPERATOR, _("Catatan internal"), True, public=False),
    ]
)

OBJECTION_TABLE = TransitionTable(
    [
        Transition("register", frozenset({O.NEW}), O.REGISTERED, SYSTEM, _("Keberatan dicatat")),
        Transition(
            "refuse_late", frozenset({O.NEW}), O.LATE, SYSTEM, _("Tidak diterima: lewat 30 hari kerja")
        ),
        Transition(
            "hold", frozenset({O.NEW}), O.HELD, SYSTEM, _("Ditahan sebagai dugaan spam"), public=False
        ),
        Transition("release", frozenset({O.HELD}), O.REGISTERED, OPERATOR, _("Dilepas dari tahanan spam")),
        Transition(
            "uphold",
            frozenset({O.REGISTERED}),
            O.UPHELD,
            ATASAN,
            _("Keberatan dikabulkan"),
            comment_required=True,
        ),
        Transition(
            "dismiss",
            frozenset({O.REGISTERED}),
            O.DISMISSED,
            ATASAN,
            _("Keberatan ditolak"),
            comment_required=True,
        ),
    ]
)


def request_state_label(state: str) -> str:
    return str(R(state).label) if state in R.values else state


def objection_state_label(state: str) -> str:
    return str(O(state).label) if state in O.values else state
