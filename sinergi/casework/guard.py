"""Guarding the public forms of the citizen services against bots and online-gambling spam, without a
third-party captcha.

- A honeypot field that people never see (hidden by CSS and from screen readers) and bots fill in.
- A signed time stamp of when the form was shown: a form sent faster than a person can type it
  (CASEWORK_MIN_FILL_SECONDS, default 3 s) is a bot.
- A rate limit per address (and per tracking code for additions), counted in core.throttle.
- The text: gambling terms from the regency's list (casework.SpamTerm, matched through the disguises
  of sinergi.core.spam), more than one link, or a phone number together with a link.

Honeypot, speed and text only ever *hold* a submission: it is stored, never public, and the operator
sees it as held and can release or delete it, so a false alarm loses nothing. The rate limit refuses
with a message and the form keeps what was typed.
"""

import re
import time
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.throttling import client_ip_address
from sinergi.core import throttle
from sinergi.core.spam import looks_like_gambling_spam

HONEYPOT = "situs_web"
STARTED = "mulai"
_SALT = "sinergi.casework.form-started"

LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|id|xyz|top|site|online|vip|link|io|co|ly|me)\b\S*",
    re.I,
)
# An Indonesian phone number as spammers write it: 08…, +62…, 62…, with spaces, dots or dashes.
PHONE = re.compile(r"(?:\+?62|0)8[\d\s.\-]{7,14}\d")

# Reasons a submission is held, as the operator reads them.
HELD_HONEYPOT = "honeypot"
HELD_TOO_FAST = "terlalu_cepat"
HELD_GAMBLING = "judi_online"
HELD_LINKS = "banyak_tautan"
HELD_PHONE_LINK = "telepon_dan_tautan"
HELD_REASONS = {
    HELD_HONEYPOT: gettext_lazy("Kolom jebakan untuk robot terisi"),
    HELD_TOO_FAST: gettext_lazy("Formulir dikirim terlalu cepat untuk diisi manusia"),
    HELD_GAMBLING: gettext_lazy("Mengandung kata promosi judi online"),
    HELD_LINKS: gettext_lazy("Berisi lebih dari satu tautan"),
    HELD_PHONE_LINK: gettext_lazy("Berisi nomor telepon bersama tautan"),
}


def held_reason_label(code: str) -> str:
    return ", ".join(str(HELD_REASONS.get(part, part)) for part in code.split(",") if part)


def min_fill_seconds() -> float:
    return getattr(settings, "CASEWORK_MIN_FILL_SECONDS", 3)


def started_token() -> str:
    return signing.dumps(time.time(), salt=_SALT)


class GuardedForm(forms.Form):
    """Adds the honeypot and the time stamp to a public form; templates render them with
    `{% include "casework/guard_fields.html" %}`."""

    situs_web = forms.CharField(required=False, label=gettext_lazy("Jangan diisi"))
    mulai = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[STARTED] = started_token()

    def bot_signs(self) -> list[str]:
        """Why this submission looks sent by a bot (empty: looks human). Call after is_valid()."""
        signs = []
        if (self.cleaned_data.get(HONEYPOT) or "").strip():
            signs.append(HELD_HONEYPOT)
        try:
            started = float(signing.loads(self.cleaned_data.get(STARTED) or "", salt=_SALT, max_age=86400))
        except (signing.BadSignature, TypeError, ValueError):
            started = None
        # No valid stamp (a form older than a day, or posted without showing it) counts as too fast.
        if started is None or time.time() - started < min_fill_seconds():
            signs.append(HELD_TOO_FAST)
        return signs


@dataclass
class TextCheck:
    reasons: list[str] = field(default_factory=list)

    @property
    def suspicious(self) -> bool:
        return bool(self.reasons)


def spam_terms() -> tuple[tuple[str, ...], frozenset]:
    """The regency's gambling terms (casework.SpamTerm); the built-in list when the table is empty."""
    from sinergi.casework.models import SpamTerm

    rows = list(SpamTerm.objects.values_list("term", "whole_word"))
    if not rows:
        return None, None
    return tuple(term for term, _whole in rows), frozenset(term for term, whole in rows if whole)


def check_text(*texts: str) -> list[str]:
    """Reasons to hold the text a citizen typed (empty: nothing suspicious)."""
    text = "\n".join(t for t in texts if t)
    reasons = []
    terms, whole = spam_terms()
    if looks_like_gambling_spam(text, terms, whole):
        reasons.append(HELD_GAMBLING)
    links = len(LINK.findall(text))
    if links > 1:
        reasons.append(HELD_LINKS)
    if links and PHONE.search(text):
        reasons.append(HELD_PHONE_LINK)
    return reasons


def submissions_per_hour(kind: str) -> int:
    return getattr(settings, "CASEWORK_SUBMISSIONS_PER_HOUR", {}).get(kind, 10)


def over_rate_limit(request, kind: str, key: str = "") -> bool:
    """Count one submission of `kind` from this address (and `key`, e.g. a tracking code);
    True when that goes over the hourly limit."""
    limit = submissions_per_hour(kind)
    address = client_ip_address(request) or "unknown"
    allowed = throttle.hit(f"{kind}:ip:{address}", limit)
    if key:
        allowed = throttle.hit(f"{kind}:key:{key}", limit) and allowed
    return not allowed


def rate_limit_message(kind: str) -> str:
    return _(
        "Terlalu banyak kiriman dari jaringan Anda dalam satu jam (batas %(n)s). Isian Anda tidak hilang: "
        "coba kirim lagi nanti."
    ) % {"n": submissions_per_hour(kind)}
