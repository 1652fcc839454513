"""Public routes of information requests and objections under the village's PPID section.

Every answer here is marked never-cache (Cache-Control: private, no-store): forms carry a CSRF token
and a tracking result is for the holder of the code only, so the shared page cache
(sinergi/core/cache.py) must never keep them. The register and the report are public data but change
with every request, so they are not cached either.
"""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django_scopes import scope
from wagtail.contrib.routable_page.models import path, re_path

from sinergi.accounts.throttling import client_ip_address
from sinergi.casework import guard, tracking
from sinergi.casework.calendar import WorkingCalendar
from sinergi.core import throttle

# Wrong tracking codes one address may try in an hour before it is refused.
TRACK_MISSES_PER_HOUR = 20


def _never_cache(response):
    add_never_cache_headers(response)
    return response


class RequestRoutes:
    """Mixed into ppid.PpidPage: the request form, receipt, tracking, objection, register and report."""

    # ------------------------------------------------------------------ helpers

    def _village(self):
        return self.village_home.village

    def _render(self, request, template, status=200, **context):
        # In the site's frame only: the PPID profile's officials and the commission's address are on
        # the profile page (PpidPage.get_context), not on the request's pages (the tracking page's
        # context has the commission of its own: request_views.tracking_context).
        response = self.render_in_frame(request, f"ppid/request/{template}", **context)
        if isinstance(response, TemplateResponse):
            response.render()
        response.status_code = status
        return _never_cache(response)

    def _miss_key(self, request) -> str:
        return f"ppid-track-miss:{client_ip_address(request) or 'unknown'}"

    def _find(self, request, typed: str):
        """(request, None) or (None, response) for a typed tracking code; misses are counted."""
        from sinergi.ppid.request_models import InformationRequest

        if throttle.count(self._miss_key(request)) >= TRACK_MISSES_PER_HOUR:
            return None, self._render(
                request, "not_found.html", status=429, too_many=True, limit=TRACK_MISSES_PER_HOUR
            )
        code = tracking.normalise_code(typed)
        case = None
        if code:
            with scope(village=self.village_id):
                case = (
                    InformationRequest.objects.filter(village_id=self.village_id, tracking_code=code)
                    .exclude(state=InformationRequest.State.NEW)
                    .first()
                )
        if case is None:
            throttle.hit(self._miss_key(request), TRACK_MISSES_PER_HOUR)
            return None, self._render(request, "not_found.html", status=404)
        return case, None

    # ------------------------------------------------------------------ request form and receipt

    @path("permohonan/", name="ppid_request_form")
    def request_form(self, request):
        from sinergi.ppid.request_forms import RequestForm
        from sinergi.ppid.request_services import submit_request

        if request.method == "POST":
            form = RequestForm(request.POST)
            if form.is_valid():
                if guard.over_rate_limit(request, "ppid_request"):
                    return self._render(
                        request,
                        "form.html",
                        status=429,
                        form=form,
                        refused=guard.rate_limit_message("ppid_request"),
                    )
                fields = form.model_fields()
                held = form.bot_signs() + guard.check_text(fields["information"], fields["purpose"])
                case = submit_request(self._village(), fields, held_reasons=held)
                return HttpResponseRedirect(
                    f"{self.url}tanda-terima/{tracking.display_code(case.tracking_code)}/"
                )
            return self._render(request, "form.html", status=400, form=form)
        return self._render(request, "form.html", form=RequestForm())

    @path("tanda-terima/<str:code>/", name="ppid_request_receipt")
    def request_receipt(self, request, code):
        case, refusal = self._find(request, code)
        if refusal:
            return refusal
        calendar = WorkingCalendar(self._village().district.regency)
        return self._render(
            request,
            "receipt.html",
            case=case,
            code=tracking.display_code(case.tracking_code),
            received_on=calendar.received_on(case.received_at),
        )

    # ------------------------------------------------------------------ tracking

    @path("lacak/", name="ppid_track_form")
    def track_form(self, request):
        from sinergi.ppid.request_forms import TrackForm

        if "kode" in request.GET:
            form = TrackForm(request.GET)
            if form.is_valid():
                code = tracking.normalise_code(form.cleaned_data["kode"])
                if code:
                    return HttpResponseRedirect(f"{self.url}lacak/{tracking.display_code(code)}/")
                form.add_error("kode", _("Kode lacak terdiri dari 12 huruf dan angka, mis. ABCD-1234-EFGH."))
            return self._render(request, "track_form.html", status=400, form=form)
        return self._render(request, "track_form.html", form=TrackForm())

    @path("lacak/<str:code>/", name="ppid_track")
    def track(self, request, code):
        from sinergi.ppid.request_views import tracking_context

        case, refusal = self._find(request, code)
        if refusal:
            return refusal
        return self._render(request, "track.html", **tracking_context(self, case))

    # ------------------------------------------------------------------ objection

    @path("keberatan/", name="ppid_objection_form")
    def objection_form(self, request):
        from sinergi.ppid.request_forms import ObjectionForm
        from sinergi.ppid.request_models import InformationRequest
        from sinergi.ppid.request_services import submit_objection

        if request.method != "POST":
            initial = {"kode": request.GET.get("kode", "")[:20]}
            return self._render(request, "objection_form.html", form=ObjectionForm(initial=initial))
        form = ObjectionForm(request.POST)
        if not form.is_valid():
            return self._render(request, "objection_form.html", status=400, form=form)
        case, refusal = self._find(request, form.cleaned_data["kode"])
        if refusal:
            return refusal
        if case.state == InformationRequest.State.HELD:
            raise Http404
        if guard.over_rate_limit(request, "ppid_objection", key=case.tracking_code):
            return self._render(
                request, "objection_form.html", status=429, form=form,
                refused=guard.rate_limit_message("ppid_objection"),
            )  # fmt: skip
        with scope(village=self.village_id):
            open_objection = case.objections.filter(state__in=["baru", "terdaftar", "ditahan"]).exists()
        if open_objection:
            form.add_error(None, _("Keberatan atas permohonan ini sudah tercatat dan sedang ditanggapi."))
            return self._render(request, "objection_form.html", status=400, form=form)
        held = form.bot_signs() + guard.check_text(form.cleaned_data["reasons"])
        submit_objection(
            case,
            {"grounds": form.cleaned_data["grounds"], "reasons": form.cleaned_data["reasons"].strip()},
            held_reasons=held,
        )
        return HttpResponseRedirect(f"{self.url}lacak/{tracking.display_code(case.tracking_code)}/")

    # ------------------------------------------------------------------ register and report

    def _year(self, request) -> int:
        typed = request.GET.get("tahun", "")
        today = timezone.localdate()
        if typed.isdigit() and 2000 <= int(typed) <= today.year + 1:
            return int(typed)
        return today.year

    @path("register/", name="ppid_register")
    def register(self, request):
        from sinergi.ppid.request_reports import register_rows

        year = self._year(request)
        rows = register_rows(self._village(), year)
        return self._render(request, "register.html", rows=rows, year=year)

    @re_path(r"^register/unduh/$", name="ppid_register_xlsx")
    def register_xlsx(self, request):
        from sinergi.ppid.request_reports import register_rows, register_workbook

        year = self._year(request)
        content = register_workbook(self._village(), year, register_rows(self._village(), year))
        return _xlsx(content, f"register-permohonan-{self.slug}-{year}.xlsx")

    @path("laporan/", name="ppid_report")
    def report(self, request):
        from sinergi.ppid.request_reports import village_report

        year = self._year(request)
        return self._render(request, "report.html", report=village_report(self._village(), year), year=year)

    @re_path(r"^laporan/unduh/$", name="ppid_report_xlsx")
    def report_xlsx(self, request):
        from sinergi.ppid.request_reports import report_workbook, village_report

        year = self._year(request)
        content = report_workbook(self._village(), year, [village_report(self._village(), year)])
        return _xlsx(content, f"laporan-layanan-informasi-{self.slug}-{year}.xlsx")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _never_cache(response)
