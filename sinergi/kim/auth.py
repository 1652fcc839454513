"""Signing in KIM members with their phone number (written any common Indonesian way), e-mail or username.

A member's account is made when they accept an invitation; its username is their phone number in
E.164 form (+6281234567890) or, without a phone, their e-mail in lower case (`username_for`). The
backend also finds older accounts through the member's phone or e-mail, but only when exactly one
account matches: an ambiguous number signs nobody in.

The login view passes the canonical identifier to `django.contrib.auth.authenticate(request=...)`,
so django-axes (first in AUTHENTICATION_BACKENDS) counts failures per number, whichever way it was
typed, and per address, exactly as for the admin login.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q
from lokal import normalize_phone, parse_phone


def normalized_phone(value: str) -> str | None:
    """+6281234567890 for 0812-3456-7890, +62 812 3456 7890, 6281234567890; None if not a number."""
    value = (value or "").strip()
    if not value or "@" in value:
        return None
    return normalize_phone(value)


def canonical_identifier(value: str) -> str:
    """What a member typed to sign in, in the one form it is stored and counted under."""
    value = (value or "").strip()
    if "@" in value:
        return value.lower()
    return normalized_phone(value) or value


def phone_variants(e164: str) -> set[str]:
    """The ways the same mobile number may have been typed into a member record."""
    local = "0" + e164[3:]
    variants = {e164, e164[1:], local}
    national = parse_phone(e164).national
    if national:
        variants |= {national, national.replace("-", " "), national.replace("-", "")}
    return variants


def username_for(member) -> str:
    """The username of the account a member gets: their phone number, else their e-mail, else ""."""
    phone = normalized_phone(member.phone)
    if phone:
        return phone
    return (member.email or "").strip().lower()


def users_matching(identifier: str):
    """Accounts of KIM members that `identifier` (already canonical) may refer to."""
    User = get_user_model()
    if "@" in identifier:
        match = (
            Q(username__iexact=identifier)
            | Q(email__iexact=identifier)
            | Q(kim_member__email__iexact=identifier)
        )
    elif identifier.startswith("+62"):
        match = Q(username=identifier) | Q(kim_member__phone__in=phone_variants(identifier))
    elif identifier:
        # The account's own username (kim.sebuntal), as at /admin/: printed by `make demo`.
        match = Q(username=identifier)
    else:
        return User.objects.none()
    return User.objects.filter(match, kim_member__isnull=False).distinct()


class KimMemberBackend(ModelBackend):
    """Phone number, e-mail or username plus password, for active members of an active KIM."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        candidates = list(users_matching(canonical_identifier(username))[:2])
        if len(candidates) != 1:
            # Take as long as a real check, so timing does not tell which numbers have an account.
            get_user_model()().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user) and user.kim_member.may_sign_in:
            return user
        return None
