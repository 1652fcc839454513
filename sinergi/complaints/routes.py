"""Public routes of the "Pengaduan & Aspirasi" section (mixed into complaints.ComplaintsPage).

    ./                          the public list (only cases the citizen allowed and the village accepted)
    ./kirim/                    the form (no JavaScript needed)
    ./lacak/  ./lacak/<code>/   tracking by code: the whole timeline, add information, confirm, reopen
    ./<year>/<number>/          a public case, its photos and "Saya juga mengalami ini"
    ./rss/                      the feed of the public list

Pages with a form or a tracking result are never stored in the shared page cache: they are marked
`never_cache` (Cache-Control: private), which sinergi.core.cache's middleware never stores.
"""

import hashlib
import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django_scopes import scope
from wagtail.contrib.routable_page.models import path

from sinergi.accounts.throttling import client_ip_address
from sinergi.core import throttle
from sinergi.core.cache import invalidate_public_pages

PER_PAGE = 20
TRACK_MISSES_PER_HOUR = 20
BROWSER_COOKIE = "sinergi_warga"
BROWSER_SALT = "sinergi.complaints.browser"


def _private(response):
    add_never_cache_headers(response)  # "private, no-store": the page cache middleware skips it
    return response


def browser_key(request) -> tuple[str, str | None]:
    """(hash of this browser's token, a new token to set or None): one "me too" per browser."""
    token = request.get_signed_cookie(BROWSER_COOKIE, default=None, salt=BROWSER_SALT)
    new = None
    if not token:
        token = new = secrets.token_urlsafe(24)
    return hashlib.sha256(token.encode()).hexdigest(), new


def labelled(events) -> list:
    """The timeline lines with the label of their action."""
    from sinergi.complaints.workflow import event_label

    events = list(events)
    for event in events:
        event.label = event_label(event.action)
    return events


class ComplaintRoutes:
    """The citizen's side of complaints; `self` is the village's ComplaintsPage."""

    # ------------------------------------------------------------------ helpers

    @property
    def regency(self):
        self.village_home  # noqa: B018  (read with the village, kecamatan and regency: VillagePage.village_home)
        return self.village.district.regency

    def _scope(self):
        return scope(village=self.village_id)

    def _render(self, request, template, **context):
        response = self.render(request, template=template, context_overrides=context)
        if isinstance(response, TemplateResponse):
            with self._scope():
                response.render()
        return response

    def _case_or_404(self, year, number):
        from sinergi.complaints.models import public_cases

        with self._scope():
            case = public_cases().select_related("category").filter(year=year, number=number).first()
        if case is None:
            raise Http404(_("Pengaduan ini tidak ada atau tidak ditampilkan untuk umum."))
        return case

    # ------------------------------------------------------------------ list and feed

    def public_list(self, request):
        from sinergi.complaints.models import Complaint, ComplaintCategory, public_cases

        categories = ComplaintCategory.for_regency(self.regency)
        cases = public_cases().select_related("category").order_by("-received_at", "-pk")
        active_category = next((c for c in categories if c.slug == request.GET.get("kategori")), None)
        if active_category:
            cases = cases.filter(category=active_category)
        status = request.GET.get("status") or ""
        public_states = [Complaint.State.VERIFIED, Complaint.State.IN_PROGRESS, Complaint.State.RESOLVED]
        if status in public_states:
            cases = cases.filter(state=status)
        else:
            status = ""
        return categories, cases, active_category, status, public_states

    @path("", name="index")
    def index_route(self, request, *args, **kwargs):
        from sinergi.complaints.models import Complaint
        from sinergi.villages.models import paginate

        with self._scope():
            categories, cases, active_category, status, states = self.public_list(request)
            page_of_cases = paginate(request, cases, PER_PAGE)
        return self._render(
            request,
            "complaints/complaints_page.html",
            cases=page_of_cases,
            categories=categories,
            active_category=active_category,
            status=status,
            states=[(s, Complaint.State(s).label) for s in states],
        )

    @path("rss/", name="feed")
    def feed_view(self, request):
        from sinergi.complaints.feeds import ComplaintFeed

        with self._scope():
            return ComplaintFeed(self)(request)

    # ------------------------------------------------------------------ the form

    @path("kirim/", name="new")
    def new_view(self, request):
        from sinergi.casework.guard import check_text, over_rate_limit, rate_limit_message
        from sinergi.complaints.forms import ComplaintForm
        from sinergi.complaints.models import ComplaintCategory, ComplaintSettings
        from sinergi.complaints.services import submit

        categories = ComplaintCategory.for_regency(self.regency)
        area = ComplaintSettings.for_regency(self.regency)
        if request.method == "POST":
            form = ComplaintForm(request.POST, request.FILES, categories=categories, area=area)
            if form.is_valid():
                if over_rate_limit(request, "complaint"):
                    form.add_error(None, rate_limit_message("complaint"))
                else:
                    data = form.cleaned_data
                    held = form.bot_signs() + check_text(
                        data["title"], data["description"], data["location_text"], data["name"]
                    )
                    case = submit(self.village, data, data.get("photos") or [], held)
                    url = self.url + self.reverse_subpage("track", args=[case.tracking_code]) + "?baru=1"
                    return _private(HttpResponseRedirect(url))
        else:
            form = ComplaintForm(categories=categories, area=area)
        return _private(self._render(request, "complaints/form.html", form=form))

    # ------------------------------------------------------------------ tracking

    def _track_refused(self, request) -> bool:
        address = client_ip_address(request) or "unknown"
        return throttle.count(f"complaint-track:{address}") >= TRACK_MISSES_PER_HOUR

    def _track_miss(self, request):
        address = client_ip_address(request) or "unknown"
        throttle.hit(f"complaint-track:{address}", TRACK_MISSES_PER_HOUR)
        response = self._render(
            request,
            "complaints/track_missing.html",
            form_action=self.url + self.reverse_subpage("track_form"),
        )
        response.status_code = 404
        return _private(response)

    def _too_many_guesses(self, request):
        response = self._render(request, "complaints/track_missing.html", too_many=True)
        response.status_code = 429
        return _private(response)

    @path("lacak/", name="track_form")
    def track_form_view(self, request):
        from sinergi.casework.tracking import normalise_code

        typed = request.GET.get("kode", "")
        if not typed:
            return _private(self._render(request, "complaints/track_form.html"))
        if self._track_refused(request):
            return self._too_many_guesses(request)
        code = normalise_code(typed)
        if not code:
            return self._track_miss(request)
        return _private(redirect(self.url + self.reverse_subpage("track", args=[code])))

    @path("lacak/<str:code>/", name="track")
    def track_view(self, request, code):
        from django.core.exceptions import PermissionDenied

        from sinergi.casework.guard import over_rate_limit, rate_limit_message
        from sinergi.casework.tracking import display_code, normalise_code
        from sinergi.casework.workflow import CITIZEN, TransitionError
        from sinergi.complaints.forms import CommentForm
        from sinergi.complaints.models import Complaint
        from sinergi.complaints.workflow import TABLE, act

        if self._track_refused(request):
            return self._too_many_guesses(request)
        code = normalise_code(code)
        with self._scope():
            case = (
                Complaint.objects.select_related("category", "merged_into").filter(tracking_code=code).first()
                if code
                else None
            )
        if case is None:
            return self._track_miss(request)
        comment_form = CommentForm()
        if request.method == "POST":
            action = request.POST.get("tindakan", "")
            comment_form = CommentForm(request.POST)
            allowed = {t.name for t in TABLE.available(case.state, {CITIZEN})}
            if action not in allowed:
                messages.error(request, _("Tindakan ini tidak tersedia untuk pengaduan Anda sekarang."))
            elif over_rate_limit(request, "complaint_addition", key=case.tracking_code):
                messages.error(request, rate_limit_message("complaint_addition"))
            elif TABLE[action].comment_required and not comment_form.is_valid():
                messages.error(request, _("Tuliskan keterangannya (paling banyak 2000 huruf)."))
            else:
                comment = comment_form.cleaned_data.get("comment", "") if comment_form.is_valid() else ""
                try:
                    act(case, action, roles={CITIZEN}, comment=comment)
                except (TransitionError, PermissionDenied) as error:
                    messages.error(request, str(error))
                else:
                    messages.success(request, _("Terima kasih, sudah kami catat."))
                    return _private(redirect(request.path))
        with self._scope():
            events = labelled(case.events.all())
            photos = case.photos.count()
            survivor = case.merged_into
            survivor_events = labelled(survivor.events.filter(public=True)) if survivor else []
        return _private(
            self._render(
                request,
                "complaints/track.html",
                case=case,
                code=display_code(case.tracking_code),
                events=events,
                photo_count=photos,
                survivor=survivor,
                survivor_events=survivor_events,
                actions=TABLE.available(case.state, {CITIZEN}),
                comment_form=comment_form,
                new=request.GET.get("baru") == "1",
            )
        )

    # ------------------------------------------------------------------ a public case

    @path("<int:year>/<int:number>/", name="case")
    def case_view(self, request, year, number):
        return self._case_page(request, self._case_or_404(year, number))

    def _case_page(self, request, case, notice=""):
        with self._scope():
            events = labelled(case.events.filter(public=True))
            photos = list(case.photos.all())
        return _private(
            self._render(
                request, "complaints/case.html", case=case, events=events, photos=photos, notice=notice
            )
        )

    @path("<int:year>/<int:number>/juga/", name="affected")
    def affected_view(self, request, year, number):
        """POST only; answers the case page itself (a reload cannot count twice: one per browser)."""
        from sinergi.complaints.models import AffectedToo, Complaint

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        case = self._case_or_404(year, number)
        key, new_token = browser_key(request)
        try:
            with self._scope(), transaction.atomic():
                AffectedToo.objects.create(complaint=case, browser=key)
                Complaint.objects.filter(pk=case.pk).update(affected_count=F("affected_count") + 1)
            case.affected_count += 1
            invalidate_public_pages()
            notice = _("Terima kasih, Anda tercatat juga mengalami ini.")
        except IntegrityError:
            notice = _("Anda sudah tercatat sebelumnya.")
        response = self._case_page(request, case, notice=notice)
        if new_token:
            response.set_signed_cookie(
                BROWSER_COOKIE,
                new_token,
                salt=BROWSER_SALT,
                max_age=3600 * 24 * 365 * 2,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response

    @path("<int:year>/<int:number>/foto/<int:photo>/", name="photo")
    def photo_view(self, request, year, number, photo):
        from sinergi.core.storage import private_file_response

        case = self._case_or_404(year, number)
        with self._scope():
            found = case.photos.filter(pk=photo).first()
        if found is None:
            raise Http404
        content_type = {"PNG": "image/png", "WEBP": "image/webp"}.get(found.format, "image/jpeg")
        return private_file_response(found.file, content_type)
