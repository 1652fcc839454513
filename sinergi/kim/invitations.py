"""Inviting a KIM member to make an account: a one-time link and a 6-digit code, both valid 7 days.

The link carries a long random token; the code is for members who get it read out or by SMS and
type it at /kim/undangan/ with their phone number or e-mail. Neither is stored: the database keeps
a SHA-256 of the token and a keyed hash (HMAC with SECRET_KEY, bound to the member) of the code, so
a copy of the database does not let anyone accept an invitation. A new invitation ends the earlier
ones of the same member; accepting one ends all of them.

`create_invitation(member, *, by)` is also the "reset password" of the operator (admin) and of the
ketua (/kim/anggota/): for a member who already has an account, the old password stops working at once
(and with it every open session), and accepting the invitation sets the new one. An account that is
also staff (an operator, the regency, a superuser) is never reset this way: whoever made the
invitation would choose that account's password.
"""

import datetime as dt
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from sinergi.kim.auth import canonical_identifier, phone_variants, username_for, users_matching
from sinergi.kim.models import Invitation, KimMember
from sinergi.kim.workflow import is_village_operator

INVITATION_VALID_FOR = dt.timedelta(days=7)
CODE_DIGITS = 6


class InvitationError(Exception):
    """The invitation cannot be made or used; the message is for the person on screen."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_code(member_id: int, code: str) -> str:
    return salted_hmac("sinergi.kim.invitation-code", f"{member_id}:{code}", algorithm="sha256").hexdigest()


def may_invite(user, member) -> bool:
    """The village's operators (and the regency) invite anyone; a KIM's ketua invites their own KIM."""
    if user is None or not user.is_authenticated:
        return False
    if is_village_operator(user, member.village):
        return True
    with scopes_disabled():
        lead = KimMember.objects.filter(user=user, is_active=True).first()
    return bool(lead and lead.is_lead and lead.kim_id == member.kim_id)


def member_only_account(user) -> bool:
    """An account that exists only to be a KIM member (no staff rights, no group): the KIM may manage it."""
    return not (user.is_staff or user.is_superuser) and not user.groups.exists()


def create_invitation(member, *, by):
    """A new invitation for `member`, made by user `by` (None: the system, e.g. a command).

    Returns (invitation, token, code); the token and the code exist only in this return value. For a
    member with an account this is a password reset: the account's password is locked at once.
    """
    if by is not None and not may_invite(by, member):
        raise PermissionDenied(_("Anda tidak berhak mengundang anggota ini."))
    if not member.is_active:
        raise InvitationError(_("Anggota ini tidak aktif."))
    if not username_for(member):
        raise InvitationError(_("Isi nomor HP atau surel anggota ini dulu: itulah yang dipakai untuk masuk."))
    account = member.user
    if account is not None and not member_only_account(account):
        raise InvitationError(
            _("Akun anggota ini juga akun staf; kata sandinya tidak diatur ulang dari sini.")
        )
    token = secrets.token_urlsafe(32)
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    now = timezone.now()
    with scope(village=member.village_id), transaction.atomic():
        Invitation.objects.filter(member=member, used_at__isnull=True, expires_at__gt=now).update(
            expires_at=now
        )
        if account is not None:
            account.set_unusable_password()  # the old password and its sessions end now
            account.save(update_fields=["password"])
        invitation = Invitation.objects.create(
            member=member,
            token_hash=hash_token(token),
            code_hash=hash_code(member.pk, code),
            created_by=by if by is not None and by.is_authenticated else None,
            expires_at=now + INVITATION_VALID_FOR,
        )
    return invitation, token, code


def find_by_token(token: str):
    """The invitation of this link, usable or not (the page says which), or None."""
    if not token or len(token) > 100:
        return None
    with scopes_disabled():
        return (
            Invitation.objects.select_related("member__kim", "village")
            .filter(token_hash=hash_token(token))
            .first()
        )


def find_by_code(identifier: str, code: str):
    """The usable invitation of the member with this phone/e-mail and this code, or None."""
    code = (code or "").strip().replace(" ", "")
    if len(code) != CODE_DIGITS or not code.isdigit():
        return None
    identifier = canonical_identifier(identifier)
    if "@" in identifier:
        member_lookup = {"member__email__iexact": identifier}
    elif identifier.startswith("+62"):
        member_lookup = {"member__phone__in": phone_variants(identifier)}
    else:
        return None
    with scopes_disabled():
        candidates = Invitation.objects.select_related("member__kim", "village").filter(
            member__is_active=True, used_at__isnull=True, expires_at__gt=timezone.now(), **member_lookup
        )
        for invitation in candidates:
            if constant_time_compare(invitation.code_hash, hash_code(invitation.member_id, code)):
                return invitation
    return None


def provisional_user(member):
    """The account as it will be (or already is), for the password-similarity check."""
    if member.user_id:
        return member.user
    User = get_user_model()
    return User(username=username_for(member), email=member.email, first_name=member.name[:150])


def accept_invitation(invitation, password: str):
    """Use `invitation` once: make (or reset) the member's account with `password`; return the user."""
    User = get_user_model()
    now = timezone.now()
    with scope(village=invitation.village_id), transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_usable:
            raise InvitationError(
                _(
                    "Undangan ini sudah dipakai atau sudah kedaluwarsa. Minta undangan baru ke ketua KIM atau operator desa."
                )
            )
        member = KimMember.objects.select_related("user").get(pk=locked.member_id)
        if not member.is_active:
            raise InvitationError(_("Anggota ini tidak aktif."))
        user = member.user
        if user is None:
            username = username_for(member)
            if not username:
                raise InvitationError(
                    _("Data anggota belum punya nomor HP atau surel. Hubungi operator desa.")
                )
            clash = (
                User.objects.filter(username__iexact=username).exists() or users_matching(username).exists()
            )
            if clash:
                raise InvitationError(
                    _(
                        "Nomor HP atau surel ini sudah dipakai akun lain. Hubungi operator desa untuk memperbaikinya."
                    )
                )
            user = User(username=username, email=member.email, first_name=member.name[:150])
        validate_password(password, user)
        user.set_password(password)
        user.save()
        if member.user_id != user.pk:
            member.user = user
            member.save(update_fields=["user"])
        locked.used_at = now
        locked.save(update_fields=["used_at"])
        Invitation.objects.filter(member=member, used_at__isnull=True, expires_at__gt=now).update(
            expires_at=now
        )
    return user
