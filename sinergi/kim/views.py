"""Member-facing KIM pages: the newsroom on a KIM member's phone.

Views parse the request, call one function (services.save_report, workflow.do_transition, the
invitations module) and render. Every view behind `member_required` runs inside the member's
village scope (django-scopes) and finds reports by (pk, author), so another member's or another
village's report is a plain 404.

A report is sent by a plain form POST (works without JavaScript) or by static/kim/report.js with
`Accept: application/json` (the offline queue). Both take the same path and differ only in the
answer: a redirect or the form again, or JSON with the report's id and state.
"""

import dataclasses
import uuid
from functools import wraps
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_scopes import scope, scopes_disabled
from wagtail.models import Site

from sinergi.accounts.throttling import client_ip_address
from sinergi.core import throttle
from sinergi.kim import limits
from sinergi.kim.auth import canonical_identifier, username_for
from sinergi.kim.forms import (
    ActivityForm,
    InvitationCodeForm,
    LoginForm,
    MemberForm,
    NewPasswordForm,
    ReportForm,
)
from sinergi.kim.invitations import (
    INVITATION_VALID_FOR,
    InvitationError,
    accept_invitation,
    create_invitation,
    find_by_code,
    find_by_token,
    provisional_user,
)
from sinergi.kim.models import (
    Activity,
    ActivityPhoto,
    Invitation,
    KimMember,
    Notification,
    Report,
    ReportEvent,
    ReportPhoto,
)
from sinergi.kim.photos import (
    clean_photo,
    max_upload_bytes,
    may_see_activity_photo,
    may_see_report_photo,
    photo_response,
)
from sinergi.kim.services import MAX_PHOTOS, AlreadySent, find_send, save_report, writing_hints
from sinergi.kim.workflow import EDITABLE_BY_AUTHOR, TransitionError, do_transition, event_label
from sinergi.villages.models import NewsCategory, NewsIndexPage

State = Report.State
# The order of the groups on the member's home page.
HOME_GROUPS = [
    State.DRAFT,
    State.SUBMITTED,
    State.REVISION,
    State.APPROVED_DRAFT,
    State.PUBLISHED,
    State.REJECTED,
]
SUBMITTABLE = frozenset({State.DRAFT, State.REVISION})
MAX_ACTIVITY_PHOTOS = 5
SERVICE_WORKER = Path(__file__).resolve().parent / "static" / "kim" / "sw.js"
AUTH_BACKEND = "sinergi.kim.auth.KimMemberBackend"


# --------------------------------------------------------------------------- helpers


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def is_live_send(request) -> bool:
    """report.js sends a report the member is looking at ("live"), or one from its queue in the background."""
    return not wants_json(request) or request.headers.get("X-Kim-Send") == "live"


def current_member(request):
    """The signed-in user's active KIM membership, with what every member page shows, or None."""
    if not request.user.is_authenticated:
        return None
    with scopes_disabled():
        return (
            KimMember.objects.select_related("kim", "village__page__logo", "village__district__regency__page")
            .filter(user=request.user, is_active=True, kim__is_active=True)  # KimMember.may_sign_in
            .first()
        )


def member_required(view):
    """Signed in as an active KIM member; the view runs in the member's village scope."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        member = current_member(request)
        if member is None:
            if wants_json(request):
                return JsonResponse(
                    {"ok": False, "login": reverse("kim:login"), "message": _("Silakan masuk lagi.")},
                    status=401,
                )
            if request.user.is_authenticated:
                return public_page(request, "kim/not_member.html", status=403)
            return redirect_to_login(request.get_full_path(), reverse("kim:login"))
        with scope(village=member.village_id):
            return view(request, member, *args, **kwargs)

    return wrapper


def lead_required(view):
    @wraps(view)
    def wrapper(request, member, *args, **kwargs):
        if not member.is_lead:
            return member_page(request, member, "kim/lead_only.html", {}, status=403)
        return view(request, member, *args, **kwargs)

    return wrapper


def upload_view(view):
    """Refuse an oversized POST before anything reads its body (413), then check CSRF as usual.

    The CSRF middleware reads request.POST, which parses (and stores) the whole upload: so this
    view is exempt from the middleware and runs the same check itself, after the size check.
    """
    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and limits.request_too_large(request):
            return too_large(request)
        return protected(request, *args, **kwargs)

    return wrapper


def too_large(request):
    limit_mb = limits.max_request_bytes() // (1024 * 1024)
    message = _(
        "Kiriman terlalu besar (lebih dari %(mb)s MB). Kirim paling banyak %(photos)s foto, masing-masing "
        "paling besar %(photo_mb)s MB."
    ) % {"mb": limit_mb, "photos": MAX_PHOTOS, "photo_mb": max_upload_bytes() // (1024 * 1024)}
    if wants_json(request):
        return JsonResponse({"ok": False, "message": message, "errors": {"__all__": [message]}}, status=413)
    return public_page(request, "kim/too_large.html", {"message": message}, status=413)


def public_page(request, template, context=None, status=200):
    """A /kim/ page for someone not signed in: the regency portal's header and footer."""
    site = Site.find_for_request(request)
    context = {
        "portal_home": site.root_page.specific if site else None,
        "village_home": None,
        **(context or {}),
    }
    return render(request, template, context, status=status)


def member_page(request, member, template, context, status=200):
    context = {
        "member": member,
        "village_home": member.village.page,
        "portal_home": member.village.district.regency.page,
        "unread_count": Notification.objects.filter(user=request.user, read_at__isnull=True).count(),
        **context,
    }
    return render(request, template, context, status=status)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/kim/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _uuid_or_none(value):
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _clean_photos(files, *, room: int):
    """Clean each uploaded photo, once; returns (CleanPhoto of each accepted one, messages naming each
    refused photo). The CleanPhoto objects are stored as they are, without decoding them again."""
    accepted, refused = [], []
    for upload in files:
        name = Path(upload.name or "foto").name[:100]
        try:
            photo = clean_photo(upload)
        except ValidationError as error:
            refused.append(" ".join(error.messages))
            continue
        if len(accepted) >= room:
            refused.append(
                _("Foto %(name)s tidak disimpan: maksimal %(max)s foto per laporan.")
                % {"name": name, "max": MAX_PHOTOS}
            )
            continue
        accepted.append(photo)
    return accepted, refused


# --------------------------------------------------------------------------- signing in and out


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request):
    """Username, phone number (0812…, +62812…, 62812…) or e-mail, and password; throttled by django-axes."""
    next_url = _safe_next(request, reverse("kim:home"))
    if request.method == "GET" and current_member(request) is not None:
        return redirect(next_url)
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # authenticate() with the request: axes counts this attempt under the canonical number.
        user = authenticate(request, username=form.identifier, password=form.cleaned_data["password"])
        if user is not None and getattr(user, "kim_member", None) is not None and user.kim_member.may_sign_in:
            login(request, user)
            return redirect(next_url)
        form.add_error(None, _("Nama pengguna/nomor HP/surel atau kata sandi salah."))
    # A TemplateResponse, so that a lockout shows this same page with the lockout message.
    site = Site.find_for_request(request)
    portal = site.root_page.specific if site else None
    context = {"form": form, "next": next_url, "portal_home": portal, "village_home": None}
    return TemplateResponse(request, "kim/login.html", context)


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("Anda sudah keluar."))
    return redirect("kim:login")


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@never_cache
@require_http_methods(["GET", "POST"])
@member_required
def password_change(request, member):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Kata sandi sudah diganti."))
        return redirect("kim:home")
    return member_page(
        request, member, "kim/password.html", {"form": form}, status=400 if form.errors else 200
    )


@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = find_by_token(token)
    if invitation is None or not invitation.is_usable:
        status = 404 if invitation is None else 410
        response = public_page(
            request, "kim/invitation_invalid.html", {"invitation": invitation}, status=status
        )
    else:
        member = invitation.member
        form = NewPasswordForm(request.POST or None, user=provisional_user(member))
        if request.method == "POST" and form.is_valid():
            user = _accept(form, invitation)
            if user is not None:
                login(request, user, backend=AUTH_BACKEND)
                messages.success(
                    request, _("Selamat datang, %(name)s! Akun Anda sudah siap.") % {"name": member.name}
                )
                return redirect("kim:home")
        response = public_page(
            request,
            "kim/invitation_accept.html",
            {"form": form, "invited": member, "username": username_for(member)},
        )
    # The token is in the address: never send it onwards.
    response["Referrer-Policy"] = "no-referrer"
    return response


def _accept(form, invitation):
    try:
        return accept_invitation(invitation, form.cleaned_data["password1"])
    except ValidationError as error:
        form.add_error("password1", error)
    except InvitationError as error:
        form.add_error(None, str(error))
    return None


@sensitive_post_parameters("password1", "password2", "code")
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_code(request):
    """Accept an invitation with phone/e-mail and the 6-digit code; wrong codes are throttled."""
    form = InvitationCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        identifier = canonical_identifier(form.cleaned_data["identifier"])
        address = client_ip_address(request) or "-"
        per_identifier, per_address = f"invite-code:{identifier}", f"invite-code-ip:{address}"
        allowed = limits.invitation_code_tries_per_hour()
        try:
            locked = (
                throttle.count(per_identifier, fail_closed=True) >= allowed
                or throttle.count(per_address, fail_closed=True) >= 4 * allowed
            )
        except throttle.ThrottleUnavailable as error:
            form.add_error(None, str(error))
            locked, status = None, 503
        if locked:
            form.add_error(
                None, _("Terlalu banyak kode yang salah. Coba lagi dalam satu jam, atau minta undangan baru.")
            )
            status = 429
        elif locked is not None:
            invitation = find_by_code(identifier, form.cleaned_data["code"])
            if invitation is None:
                throttle.hit(per_identifier, allowed)
                throttle.hit(per_address, 4 * allowed)
                form.add_error(
                    "code", _("Nomor HP/surel atau kode tidak cocok, atau undangan sudah kedaluwarsa.")
                )
            else:
                form.user = provisional_user(invitation.member)
                form.check_password(form.cleaned_data["password1"])
                user = None if form.errors else _accept(form, invitation)
                if user is not None:
                    login(request, user, backend=AUTH_BACKEND)
                    messages.success(
                        request,
                        _("Selamat datang, %(name)s! Akun Anda sudah siap.")
                        % {"name": invitation.member.name},
                    )
                    return redirect("kim:home")
    return public_page(request, "kim/invitation_code.html", {"form": form}, status=status)


# --------------------------------------------------------------------------- home, notifications


@require_GET
@member_required
def home(request, member):
    reports = list(Report.objects.filter(author=member).select_related("category").order_by("-updated_at"))
    groups = [
        (state.label, [r for r in reports if r.state == state])
        for state in HOME_GROUPS
        if state != State.APPROVED_DRAFT or any(r.state == state for r in reports)
    ]
    unread = list(Notification.objects.filter(user=request.user, read_at__isnull=True)[:5])
    return member_page(
        request, member, "kim/home.html", {"groups": groups, "has_reports": bool(reports), "unread": unread}
    )


@require_GET
@member_required
def notifications(request, member):
    items = list(Notification.objects.filter(user=request.user)[:100])
    return member_page(request, member, "kim/notifications.html", {"notifications": items})


@require_POST
@member_required
def notifications_read(request, member):
    unread = Notification.objects.filter(user=request.user, read_at__isnull=True)
    if request.POST.get("id"):
        unread = unread.filter(pk=request.POST["id"] if request.POST["id"].isdigit() else 0)
    unread.update(read_at=timezone.now())
    return redirect(_safe_next(request, reverse("kim:notifications")))


# --------------------------------------------------------------------------- reports


def _own_report(member, pk):
    return get_object_or_404(
        Report.objects.select_related("category", "kim", "news_page"), pk=pk, author=member
    )


def _categories(member):
    index = NewsIndexPage.objects.child_of(member.village.page).first() if member.village.page else None
    return (
        NewsCategory.objects.filter(page=index).order_by("sort_order", "name")
        if index
        else NewsCategory.objects.none()
    )


def _hints_of(report, photo_count=None):
    count = report.photos.count() if photo_count is None else photo_count
    return writing_hints(report.title, report.body, count, report.event_date, report.place)


@require_GET
@member_required
def report_detail(request, member, pk):
    report = _own_report(member, pk)
    photos = list(report.photos.all())
    events = list(ReportEvent.objects.filter(report=report).select_related("actor"))
    for event in events:
        event.label = event_label(event.action)
        event.by_author = event.actor_id is not None and event.actor_id == member.user_id
    editable = report.state in EDITABLE_BY_AUTHOR
    context = {
        "report": report,
        "photos": photos,
        "events": events,
        "editable": editable,
        "hints": _hints_of(report, len(photos)) if editable else [],
    }
    return member_page(request, member, "kim/report_detail.html", context)


@require_GET
def report_photo(request, pk, photo_pk):
    """A report photo for its author, their KIM lead and the village's operators; a 404 for anyone else."""
    with scopes_disabled():  # the rule below decides, for members and staff alike
        photo = get_object_or_404(ReportPhoto.objects.select_related("report"), pk=photo_pk, report_id=pk)
        return photo_response(request.user, photo, may_see_report_photo)


@upload_view
@require_http_methods(["GET", "POST"])
@member_required
def report_new(request, member):
    return _report_form(request, member, None)


@upload_view
@require_http_methods(["GET", "POST"])
@member_required
def report_edit(request, member, pk):
    return _report_form(request, member, _own_report(member, pk))


@dataclasses.dataclass
class SendOutcome:
    """What happened to one send of the report form."""

    report: Report | None = None
    action: str = "draft"
    saved: bool = False  # this send saved the report, or it had been saved by an earlier copy of it
    replay: bool = False
    errors: dict = dataclasses.field(default_factory=dict)  # field name (or "photos", "__all__") -> messages
    status: int = 200
    form: ReportForm | None = None

    @property
    def ok(self) -> bool:
        if self.errors or self.report is None:
            return False
        return self.action == "draft" or self.report.state not in SUBMITTABLE

    def add(self, field: str, message) -> None:
        self.errors.setdefault(field, []).append(str(message))


def _report_form(request, member, report):
    categories = _categories(member)
    if request.method != "POST":
        if report is not None and report.state not in EDITABLE_BY_AUTHOR:
            return _not_editable(request, member, report)
        form = ReportForm(categories=categories, report=report)
        hints = _hints_of(report) if report is not None else []
        return _render_report_form(request, member, form, report, hints=hints)

    action = "submit" if request.POST.get("action") == "submit" else "draft"
    send_key = _uuid_or_none(request.POST.get("send_key"))
    earlier = find_send(member, send_key)
    if earlier is not None:
        # The same send again (a retry after a lost answer, a double tap, a re-posted page).
        return _answer(request, member, _replay(earlier, action))
    if report is not None and report.state not in EDITABLE_BY_AUTHOR:
        return _not_editable(request, member, report)
    try:
        outcome = _send_report(request, member, report, action, categories, send_key)
    except AlreadySent as already:
        # A copy of this send was saved while this one was being saved: this one's changes are undone.
        outcome = _replay(already.send, action)
    return _answer(request, member, outcome)


def _replay(send, action) -> SendOutcome:
    return SendOutcome(report=send.report, action=action, saved=True, replay=True)


def _send_report(request, member, report, action, categories, send_key=None) -> SendOutcome:
    """Save (and, for "Kirim ke desa", submit) one send of the form; never loses what can be kept."""
    form = ReportForm(request.POST, categories=categories, report=report)
    outcome = SendOutcome(report=report, action=action, form=form)
    client_key = (
        report.client_key
        if report is not None
        else (_uuid_or_none(request.POST.get("client_key")) or uuid.uuid4())
    )

    if report is None:
        existing = Report.objects.filter(author=member, client_key=client_key).first()
        if existing is not None:
            return _repeat_first_send(request, existing, outcome)

    # Sends to the village have their limit; drafts a looser one of their own, so saving a draft is
    # never refused because of the send limit.
    if action == "submit" and not throttle.hit(f"report:{member.pk}", limits.reports_per_hour()):
        outcome.add(
            "__all__",
            _(
                "Anda sudah mengirim %(n)s laporan ke desa dalam satu jam terakhir. "
                "Simpan sebagai draf dulu, lalu kirim lagi nanti."
            )
            % {"n": limits.reports_per_hour()},
        )
        outcome.status = 429
        return outcome
    if action != "submit" and not throttle.hit(f"draft:{member.pk}", limits.drafts_per_hour()):
        outcome.add(
            "__all__",
            _("Anda sudah menyimpan %(n)s draf dalam satu jam terakhir. Coba lagi nanti.")
            % {"n": limits.drafts_per_hour()},
        )
        outcome.status = 429
        return outcome
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                outcome.add(field, error)
        outcome.status = 400
        return outcome

    removed = form.cleaned_data["remove_photos"]
    kept = report.photos.exclude(pk__in=removed).count() if report is not None else 0
    accepted, refused = _clean_photos(request.FILES.getlist("photos"), room=MAX_PHOTOS - kept)
    for message in refused:
        outcome.add("photos", message)

    with transaction.atomic():
        # One send per member at a time, so two copies of the same first send cannot both add photos.
        list(KimMember.objects.select_for_update().filter(pk=member.pk).values_list("pk"))
        if report is None:
            existing = Report.objects.filter(author=member, client_key=client_key).first()
            if existing is not None:
                return _repeat_first_send(request, existing, outcome)
        try:
            result = save_report(
                member,
                client_key=client_key,
                fields=form.report_fields(),
                photos=accepted,
                remove_photo_ids=removed,
                send_key=send_key,
            )
        except (TransitionError, ValidationError) as error:
            outcome.add("__all__", " ".join(getattr(error, "messages", [str(error)])))
            outcome.status = 409 if isinstance(error, TransitionError) else 400
            return outcome
        outcome.report, outcome.saved = result.report, True
        # A refused photo keeps the report back: the member meant to send it with that photo.
        if action == "submit" and outcome.report.state in SUBMITTABLE and not outcome.errors:
            _submit(request, outcome)
    return outcome


def _repeat_first_send(request, existing, outcome) -> SendOutcome:
    """The first send of this report arrives again: change nothing, answer as the first time did."""
    outcome.report, outcome.saved, outcome.replay = existing, True, True
    if outcome.action == "submit" and existing.state in SUBMITTABLE:
        _submit(request, outcome)
    return outcome


def _submit(request, outcome) -> None:
    report = outcome.report
    if not report.body.strip():
        outcome.add("body", _("Isi laporan belum ditulis."))
    if not report.consent_confirmed and report.photos.exists():
        outcome.add(
            "consent_confirmed",
            _("Centang kotak ini setelah orang yang ada di foto setuju fotonya diterbitkan."),
        )
    if outcome.errors:
        return
    try:
        outcome.report = do_transition(report, "submit", by=request.user)
    except (TransitionError, PermissionDenied) as error:
        outcome.add("__all__", str(error))


def _outcome_message(outcome: SendOutcome) -> str:
    report = outcome.report
    if outcome.ok and outcome.action == "submit":
        return _("Terkirim: “%(title)s” sudah masuk ke desa dan menunggu verifikasi.") % {
            "title": report.title
        }
    if outcome.ok:
        return _("Draf “%(title)s” tersimpan.") % {"title": report.title}
    if outcome.saved and outcome.action == "submit":
        return _("“%(title)s” tersimpan sebagai draf, tetapi belum terkirim ke desa.") % {
            "title": report.title
        }
    if outcome.saved:
        return _("Draf “%(title)s” tersimpan, tetapi ada yang perlu diperbaiki.") % {"title": report.title}
    if set(outcome.errors) == {"__all__"}:
        # Refused as a whole (too many sends, a conflict): the reason itself, not "check the fields".
        return " ".join(outcome.errors["__all__"])
    return _("Belum tersimpan. Periksa isian yang ditandai.")


def _answer(request, member, outcome: SendOutcome):
    """The answer to one send: JSON for report.js, else a redirect or the form again."""
    report = outcome.report
    detail_url = reverse("kim:report_detail", args=[report.pk]) if report else None
    edit_url = (
        reverse("kim:report_edit", args=[report.pk])
        if report and report.state in EDITABLE_BY_AUTHOR
        else None
    )
    next_url = (
        detail_url
        if outcome.ok and (outcome.action == "submit" or not edit_url)
        else (edit_url or detail_url)
    )
    message = _outcome_message(outcome)

    if wants_json(request):
        if outcome.saved and is_live_send(request):
            # report.js opens `url` next, where these messages are shown.
            add = messages.success if outcome.ok else messages.warning
            for text in [message, *(m for ms in outcome.errors.values() for m in ms)]:
                add(request, text)
        return JsonResponse(
            {
                "ok": outcome.ok,
                "saved": outcome.saved,
                "replay": outcome.replay,
                "id": report.pk if report else None,
                "client_key": str(report.client_key) if report else None,
                "state": report.state if report else None,
                "state_label": report.get_state_display() if report else None,
                "url": next_url,
                "detail_url": detail_url,
                "edit_url": edit_url,
                "message": message,
                "errors": outcome.errors,
            },
            status=outcome.status,
        )

    if outcome.ok or (outcome.saved and outcome.form is None):
        (messages.success if outcome.ok else messages.warning)(request, message)
        return redirect(next_url)
    if report is not None and report.state not in EDITABLE_BY_AUTHOR:
        return _not_editable(request, member, report)
    # The form again, with what was typed; once the report is saved, the form posts to its edit page.
    data = request.POST.copy()
    data.pop("remove_photos", None)
    data["send_key"] = str(uuid.uuid4())  # the corrected form is a new send
    shown = ReportForm(data, categories=_categories(member), report=report)
    shown.is_valid()
    for field, field_errors in outcome.errors.items():
        if field in shown.fields and not shown.has_error(field):
            for error in field_errors:
                shown.add_error(field, error)
    for name in shown.errors:
        if name in shown.fields:
            # Screen readers read the error with the field (kim/includes/field.html gives it this id).
            bound = shown[name]
            described = [f"{bound.auto_id}_error"] + (
                [f"{bound.auto_id}_helptext"] if bound.help_text else []
            )
            shown.fields[name].widget.attrs["aria-describedby"] = " ".join(described)
    top = [e for e in outcome.errors.get("__all__", []) if e not in shown.non_field_errors()]
    return _render_report_form(
        request, member, shown, report, photo_errors=outcome.errors.get("photos", []),
        top_errors=top, status=outcome.status,
        hints=_hints_of(report) if report is not None else [], saved_message=message if outcome.saved else "",
    )  # fmt: skip


def _render_report_form(
    request, member, form, report, *, photo_errors=(), top_errors=(), status=200, hints=(), saved_message=""
):
    photos = list(report.photos.all()) if report is not None else []
    context = {
        "form": form,
        "report": report,
        "photos": photos,
        "photo_errors": photo_errors,
        "top_errors": top_errors,
        "saved_message": saved_message,
        "hints": hints,
        "max_photos": MAX_PHOTOS,
        "room": MAX_PHOTOS - len(photos),
        "max_photo_bytes": max_upload_bytes(),
        "max_request_bytes": limits.max_request_bytes(),
        "can_submit": report is None or report.state in SUBMITTABLE,
        "form_action": reverse("kim:report_edit", args=[report.pk]) if report else reverse("kim:report_new"),
    }
    return member_page(request, member, "kim/report_form.html", context, status=status)


def _not_editable(request, member, report):
    message = _("Laporan ini sudah diputuskan desa (%(state)s) dan tidak bisa diubah lagi.") % {
        "state": report.get_state_display()
    }
    if wants_json(request):
        return JsonResponse(
            {
                "ok": False,
                "id": report.pk,
                "state": report.state,
                "state_label": report.get_state_display(),
                "detail_url": reverse("kim:report_detail", args=[report.pk]),
                "message": message,
                "errors": {"__all__": [message]},
            },
            status=409,
        )
    return member_page(
        request, member, "kim/not_editable.html", {"report": report, "message": message}, status=403
    )


@require_POST
@member_required
def hints(request, member):
    """Writing hints for what is typed now: called by report.js while the member writes."""
    if not throttle.hit(f"hints:{member.pk}", limits.hints_per_hour()):
        return JsonResponse({"hints": [], "message": _("Terlalu sering. Coba lagi nanti.")}, status=429)
    try:
        photo_count = max(0, min(int(request.POST.get("photo_count") or 0), 100))
    except ValueError:
        photo_count = 0
    try:
        event_date = parse_date(request.POST.get("event_date") or "")
    except ValueError:
        event_date = None
    found = writing_hints(
        request.POST.get("title", "")[:200],
        request.POST.get("body", "")[:20000],
        photo_count,
        event_date,
        request.POST.get("place", "")[:200],
    )
    return JsonResponse(
        {
            "hints": [dataclasses.asdict(h) for h in found],
            "done": sum(h.ok for h in found),
            "total": len(found),
        }
    )


# --------------------------------------------------------------------------- activities (ADINDA)


@upload_view
@require_http_methods(["GET", "POST"])
@member_required
def activities(request, member):
    form = ActivityForm(request.POST or None)
    photo_errors = []
    status = 200
    if request.method == "POST":
        files = request.FILES.getlist("photos")
        if len(files) > MAX_ACTIVITY_PHOTOS:
            photo_errors.append(_("Maksimal %(max)s foto per kegiatan.") % {"max": MAX_ACTIVITY_PHOTOS})
        elif not throttle.hit(f"activity:{member.pk}", limits.reports_per_hour()):
            form.add_error(None, _("Terlalu banyak kiriman dalam satu jam terakhir. Coba lagi nanti."))
            status = 429
        elif form.is_valid():
            accepted, photo_errors = _clean_photos(files, room=MAX_ACTIVITY_PHOTOS)
            if not photo_errors:
                _save_activity(form, member, accepted)
                messages.success(
                    request,
                    _("Kegiatan tersimpan. Tampil di halaman KIM desa setelah ditinjau operator desa."),
                )
                return redirect("kim:activities")
        status = status if status != 200 else 400
    items = list(
        Activity.objects.filter(kim=member.kim).select_related("recorded_by").prefetch_related("photos")[:50]
    )
    context = {
        "form": form,
        "activities": items,
        "photo_errors": photo_errors,
        "max_photos": MAX_ACTIVITY_PHOTOS,
    }
    return member_page(request, member, "kim/activities.html", context, status=status)


def _save_activity(form, member, photos):
    with transaction.atomic():
        activity = form.save(commit=False)
        activity.kim = member.kim
        activity.recorded_by = member
        activity.save()
        for photo in photos:  # CleanPhoto objects from _clean_photos
            stored = ActivityPhoto(
                activity=activity, format=photo.format, width=photo.width, height=photo.height
            )
            stored.file.save("foto", photo.content, save=False)
            stored.save()
    return activity


@require_GET
def activity_photo(request, pk):
    """An activity photo for the members of its KIM and the village's operators; a 404 for anyone else."""
    with scopes_disabled():
        photo = get_object_or_404(ActivityPhoto.objects.select_related("activity"), pk=pk)
        return photo_response(request.user, photo, may_see_activity_photo)


# --------------------------------------------------------------------------- the lead's member list


@require_GET
@member_required
@lead_required
def members(request, member):
    open_invitations = Invitation.objects.filter(used_at__isnull=True, expires_at__gt=timezone.now())
    people = list(
        KimMember.objects.filter(kim=member.kim)
        .prefetch_related(Prefetch("invitations", queryset=open_invitations, to_attr="open_invitations"))
        .order_by("-is_active", "name")
    )
    return member_page(request, member, "kim/members.html", {"people": people})


@require_http_methods(["GET", "POST"])
@member_required
@lead_required
def member_add(request, member):
    form = MemberForm(request.POST or None, kim=member.kim)
    if request.method == "POST" and form.is_valid():
        added = form.save()
        return _invite(request, member, added)
    return member_page(
        request, member, "kim/member_add.html", {"form": form}, status=400 if form.errors else 200
    )


@require_POST
@member_required
@lead_required
def member_invite(request, member, pk):
    invited = get_object_or_404(KimMember, pk=pk, kim=member.kim)
    return _invite(request, member, invited)


def _invite(request, member, invited):
    try:
        invitation, token, code = create_invitation(invited, by=request.user)
    except (InvitationError, PermissionDenied) as error:
        messages.error(request, str(error))
        return redirect("kim:members")
    context = {
        "invited": invited,
        "invitation": invitation,
        "link": request.build_absolute_uri(reverse("kim:invitation_accept", args=[token])),
        "code_url": request.build_absolute_uri(reverse("kim:invitation_code")),
        "code": code,
        "days": INVITATION_VALID_FOR.days,
        "username": username_for(invited),
    }
    response = member_page(request, member, "kim/invitation_created.html", context)
    response["Cache-Control"] = "no-store"
    return response


# --------------------------------------------------------------------------- offline support


@require_GET
def service_worker(request):
    """The service worker script, served under /kim/ so that it may control the member pages."""
    response = HttpResponse(SERVICE_WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/kim/"
    response["Cache-Control"] = "no-cache"
    return response
