"""Sign-in throttling on top of django-axes, for every login form that calls Django's `authenticate`.

Axes records each failed sign-in (AccessAttempt rows per account, address and browser) and refuses
the next one once a limit is reached; this module adapts it to Sinergi:

- two limits, not one: 5 failures lock the account (from any address), 20 failures lock the address
  (any account). Axes compares every lockout parameter with a single AXES_FAILURE_LIMIT, so the
  handler below reports the address as "at the limit" once it has reached its own, higher limit.
  An office or a mobile carrier puts many honest people behind one address, hence the higher limit.
- a successful sign-in clears only that account's failures from that address, not every failure
  of the address: otherwise anyone with one account could clear the address count between guesses.
- the client address is REMOTE_ADDR, or behind our proxies (BEHIND_PROXY=1) the X-Forwarded-For
  entry written by the outermost of the TRUSTED_PROXY_COUNT proxies; what a client writes into that
  header itself is ignored.
- the locked-out response is the login page itself, with the Indonesian message, status 429.

The Wagtail admin login uses it now; a KIM member login built on Django's LoginView gets the same
page-with-message behaviour without any change here.
"""

import ipaddress
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.forms import BaseForm
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

LOCKOUT_MESSAGE = (
    "Terlalu banyak percobaan masuk. Coba lagi dalam %(minutes)d menit atau hubungi admin kabupaten."
)


def address_failure_limit() -> int:
    return settings.SINERGI_LOGIN_FAILURES_PER_ADDRESS


# --------------------------------------------------------------------------- client address


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE (and the KIM throttles): the address that counts for throttling.

    Each of the TRUSTED_PROXY_COUNT proxies in front of us (a load balancer, then nginx) appends the
    address it saw to X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`), so the entry that many
    places from the right is the visitor as seen by the outermost proxy. Everything left of it came
    from the client and can be forged, so it is never used. Without BEHIND_PROXY: REMOTE_ADDR.
    """
    trusted = settings.TRUSTED_PROXY_COUNT if settings.BEHIND_PROXY else 0
    if trusted > 0:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        # Fewer entries than proxies: the left-most one was still written by one of our proxies.
        if hops and (address := _valid_ip(hops[-min(trusted, len(hops))])):
            return address
    return _valid_ip(request.META.get("REMOTE_ADDR", "") or "")


# --------------------------------------------------------------------------- axes handler


class SinergiAxesHandler(AxesDatabaseHandler):
    """Axes' database handler with a separate limit per lockout parameter (see the module docstring)."""

    def get_failures(self, request, credentials=None) -> int:
        account_limit = get_failure_limit(request, credentials)
        counts = {}
        parameters = get_lockout_parameters(request, credentials)
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            counts[str(parameter)] = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
        account_failures = counts.get("username", 0)
        if counts.get("ip_address", 0) >= address_failure_limit():
            return max(account_failures, account_limit)
        return account_failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful sign-in: forget this account's failures from this address only."""
        username = get_client_username(request, credentials)
        count, _deleted = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return count


# --------------------------------------------------------------------------- current lockouts


@dataclass
class Lockout:
    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    since: datetime  # the failure that reached the limit: failures during a lockout are not recorded
    until: datetime
    related: list[str] = field(
        default_factory=list
    )  # the addresses of an account, the accounts of an address

    @property
    def kind_label(self) -> str:
        return _("Akun") if self.kind == "username" else _("Alamat IP")


def _recent_attempts(now: datetime):
    return AccessAttempt.objects.filter(attempt_time__gte=now - get_cool_off())


def current_lockouts(now: datetime | None = None) -> list[Lockout]:
    """Accounts and addresses that are locked now, most recent first."""
    now = now or timezone.now()
    cool_off = get_cool_off()
    recent = _recent_attempts(now)
    lockouts = []
    limits = {"username": settings.AXES_FAILURE_LIMIT, "ip_address": address_failure_limit()}
    other = {"username": "ip_address", "ip_address": "username"}
    for kind, limit in limits.items():
        groups = (
            recent.exclude(**{kind: None}).values(kind)
            .annotate(failures=Sum("failures_since_start"), since=Max("attempt_time"))
            .filter(failures__gte=limit)
        )  # fmt: skip
        for group in groups:
            related = sorted(
                {
                    str(v)
                    for v in recent.filter(**{kind: group[kind]}).values_list(other[kind], flat=True)
                    if v
                }
            )
            lockouts.append(
                Lockout(
                    kind=kind,
                    value=str(group[kind]),
                    failures=group["failures"],
                    since=group["since"],
                    until=group["since"] + cool_off,
                    related=related,
                )
            )
    return sorted(lockouts, key=lambda lockout: lockout.since, reverse=True)


def minutes_until_unlocked(username: str | None, ip_address: str | None, now: datetime | None = None) -> int:
    """Whole minutes until the account or address may try again (an upper bound), at least 1."""
    now = now or timezone.now()
    ends = [
        lockout.until
        for lockout in current_lockouts(now)
        if (lockout.kind == "username" and lockout.value == username)
        or (lockout.kind == "ip_address" and lockout.value == ip_address)
    ]
    remaining = (max(ends) - now) if ends else get_cool_off()
    return max(1, math.ceil(remaining / timedelta(minutes=1)))


def lockout_message(request, credentials=None) -> str:
    minutes = minutes_until_unlocked(get_client_username(request, credentials), request.axes_ip_address)
    return LOCKOUT_MESSAGE % {"minutes": minutes}


# --------------------------------------------------------------------------- the locked-out page


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page again, its only error the lockout message; status 429.

    `original_response` is the login view's own response to this POST (the form with "wrong
    password"): its template is rendered again with the form's errors replaced. A login view that is
    not a form template gets a small stand-alone page with the same message.
    """
    message = lockout_message(request, credentials)
    status = settings.AXES_HTTP_RESPONSE_CODE
    context = dict(getattr(original_response, "context_data", None) or {})
    form = context.get("form")
    template = getattr(original_response, "template_name", None)
    if isinstance(form, BaseForm) and template:
        form.errors.clear()
        form.add_error(None, message)
        response = TemplateResponse(request, template, context, status=status)
    else:
        response = TemplateResponse(request, "accounts/locked_out.html", {"message": message}, status=status)
    return response.render()
