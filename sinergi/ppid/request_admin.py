"""The PPID's side of information requests and objections in the Wagtail admin: the queue (overdue and
nearest deadlines first), a request's page with the decisions, an objection's page for the atasan
PPID, and the regency's figures for all its villages.

Every view runs inside `managed_scope(user)`: a case of a village the user does not manage is not
found (404). Changes of state go only through request_services (casework.workflow.perform).
The requester's NIK is shown masked; the full number is never rendered.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Min, Q, Value, When
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from sinergi.accounts.access import (
    administered_regencies,
    managed_scope,
    managed_village_ids,
)
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.casework.guard import held_reason_label
from sinergi.casework.workflow import OPERATOR, TransitionError
from sinergi.ppid import request_law as law
from sinergi.ppid.request_models import InformationRequest, Objection
from sinergi.ppid.request_reports import SORTS, regency_figures, report_workbook
from sinergi.ppid.request_services import act_on_objection, act_on_request
from sinergi.ppid.request_workflow import ATASAN, OBJECTION_TABLE, REQUEST_TABLE

R = InformationRequest.State
O = Objection.State  # noqa: E741
PER_PAGE = 100


class AnswerForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Jawaban / alasan"), required=False, widget=forms.Textarea)
    grounds = forms.MultipleChoiceField(
        label=gettext_lazy("Dasar pengecualian (UU 14/2008 Pasal 17)"),
        choices=list(law.EXEMPTION_GROUNDS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    held_elsewhere = forms.CharField(
        label=gettext_lazy("Badan publik yang mungkin menguasai informasi (bila tidak dikuasai)"),
        required=False,
        max_length=500,
    )
    documents = forms.FileField(label=gettext_lazy("Dokumen jawaban"), required=False)


def _parse_seen(value: str):
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


class PpidAdminView(VillageStaffView):
    header_icon = "info-circle"


def queue_rows(today):
    """Cases in the current scope, open and overdue first, then by deadline."""
    order = Case(
        When(Q(state__in=InformationRequest.OPEN_STATES, due_date__lt=today), then=Value(0)),
        When(state=R.HELD, then=Value(1)),
        When(state__in=InformationRequest.OPEN_STATES, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return (
        InformationRequest.objects.exclude(state=R.NEW)
        .select_related("village")
        .annotate(open_objections=Count("objections", filter=Q(objections__state=O.REGISTERED)))
        .order_by(order, "due_date", "-received_at")
    )


class QueueView(PpidAdminView):
    template_name = "ppid/request/admin/queue.html"
    page_title = gettext_lazy("Permohonan informasi")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        state = self.request.GET.get("status", "")
        rows = queue_rows(today)
        counts = dict(rows.values_list("state").annotate(n=Count("pk")).order_by())
        if state in R.values:
            rows = rows.filter(state=state)
        page = Paginator(rows, PER_PAGE).get_page(self.request.GET.get("p"))
        rows = list(page.object_list)
        for row in rows:
            row.overdue = row.is_overdue(today)
        objections = list(
            Objection.objects.filter(state__in=[O.REGISTERED, O.HELD])
            .select_related("request")
            .order_by("due_date")
        )
        ids = managed_village_ids(self.request.user)
        context.update(
            rows=rows,
            page_obj=page,
            objections=objections,
            state=state,
            tabs=[{"value": "", "label": _("Semua"), "count": sum(counts.values())}]
            + [
                {"value": s.value, "label": s.label, "count": counts.get(s.value, 0)} for s in R if s != R.NEW
            ],
            show_village=ids is None or len(ids) > 1,
            today=today,
        )
        return context


class RequestDetailView(PpidAdminView):
    template_name = "ppid/request/admin/request.html"

    def get_case(self):
        return get_object_or_404(
            InformationRequest.objects.exclude(state=R.NEW).select_related("village__district__regency"),
            pk=self.kwargs["ppid_request_id"],
        )

    def get_page_title(self):
        return _("Permohonan %(ref)s") % {"ref": self.case.reference}

    def get(self, request, *args, **kwargs):
        self.case = self.get_case()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        events = list(case.events.select_related("actor"))
        for event in events:
            event.label = REQUEST_TABLE.label(event.action)
        context.update(
            case=case,
            events=events,
            documents=list(case.documents.all()),
            objections=list(case.objections.exclude(state=O.NEW)),
            transitions=REQUEST_TABLE.available(case.state, {OPERATOR}),
            form=form or AnswerForm(),
            held_reason=held_reason_label(case.held_reason),
            exemptions=law.exemption_labels(case.exemption_grounds),
            overdue=case.is_overdue(),
            seen=case.updated_at.isoformat(),
        )
        return context

    def post(self, request, *args, **kwargs):
        self.case = self.get_case()
        url = reverse("ppid_requests:request", args=[self.case.pk])
        form = AnswerForm(request.POST, request.FILES)
        action = request.POST.get("action", "")
        seen = _parse_seen(request.POST.get("seen", ""))
        if not form.is_valid() or seen is None:
            messages.error(request, _("Isian belum benar atau halaman sudah lama dibuka; periksa lagi."))
            return redirect(url)
        uploads = request.FILES.getlist("documents")
        try:
            act_on_request(
                self.case,
                action,
                user=request.user,
                comment=form.cleaned_data["comment"],
                grounds=form.cleaned_data["grounds"],
                held_elsewhere=form.cleaned_data["held_elsewhere"],
                uploads=uploads,
                seen=seen,
            )
        except (TransitionError, ValidationError) as error:
            message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, message)
            # Keep what was typed: show the page again with the form filled in.
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 400
            return response
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect(url)
        messages.success(request, _("Tersimpan: %(action)s.") % {"action": REQUEST_TABLE.label(action)})
        return redirect(url)


class ObjectionDetailView(PpidAdminView):
    template_name = "ppid/request/admin/objection.html"

    def get_case(self):
        return get_object_or_404(
            Objection.objects.exclude(state=O.NEW).select_related("request", "village__district__regency"),
            pk=self.kwargs["ppid_objection_id"],
        )

    def get_page_title(self):
        return _("Keberatan %(ref)s") % {"ref": self.case.reference}

    def get(self, request, *args, **kwargs):
        self.case = self.get_case()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        events = list(case.events.select_related("actor"))
        for event in events:
            event.label = OBJECTION_TABLE.label(event.action)
        context.update(
            case=case,
            events=events,
            grounds=law.objection_labels(case.grounds),
            transitions=OBJECTION_TABLE.available(case.state, {OPERATOR, ATASAN}),
            held_reason=held_reason_label(case.held_reason),
            overdue=case.is_overdue(),
            seen=case.updated_at.isoformat(),
        )
        return context

    def post(self, request, *args, **kwargs):
        self.case = self.get_case()
        url = reverse("ppid_requests:objection", args=[self.case.pk])
        seen = _parse_seen(request.POST.get("seen", ""))
        if seen is None:
            messages.error(request, _("Halaman ini sudah lama dibuka. Periksa lagi, lalu putuskan."))
            return redirect(url)
        try:
            act_on_objection(
                self.case, request.POST.get("action", ""), user=request.user,
                comment=request.POST.get("comment", "")[:5000], seen=seen,
            )  # fmt: skip
        except (TransitionError, PermissionDenied) as error:
            messages.error(request, str(error))
            return redirect(url)
        messages.success(request, _("Tanggapan tersimpan."))
        return redirect(url)


class RegencyFiguresView(PpidAdminView):
    """Every village of the regencies the user administers: overdue on top, sortable; Excel too."""

    template_name = "ppid/request/admin/regency.html"
    page_title = gettext_lazy("Layanan informasi publik se-kabupaten")

    def dispatch(self, request, *args, **kwargs):
        if not administered_regencies(request.user).exists():
            return HttpResponseForbidden(_("Halaman ini untuk admin kabupaten."))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        regencies = list(administered_regencies(request.user).order_by("name"))
        typed = request.GET.get("kabupaten", "")
        self.regency = next((r for r in regencies if str(r.pk) == typed), regencies[0] if regencies else None)
        typed_year = request.GET.get("tahun", "")
        self.year = (
            int(typed_year)
            if typed_year.isdigit() and 2000 <= int(typed_year) <= 2100
            else timezone.localdate().year
        )
        self.sort = request.GET.get("urut", "desa")
        if self.regency is None:
            raise Http404
        self.rows = regency_figures(self.regency, self.year, self.sort)
        if request.GET.get("format") == "xlsx":
            from sinergi.ppid.request_routes import _xlsx

            return _xlsx(
                report_workbook(self.regency, self.year, self.rows), f"laporan-ppid-{self.year}.xlsx"
            )
        self.regencies = regencies
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=self.rows, regency=self.regency, regencies=self.regencies, year=self.year, sort=self.sort,
            sorts=list(SORTS),
        )  # fmt: skip
        return context


def dashboard_counts(user) -> dict:
    """Open requests and objections of the villages `user` manages, overdue ones, nearest deadline."""
    today = timezone.localdate()
    with managed_scope(user):
        requests = InformationRequest.objects.aggregate(
            open=Count("pk", filter=Q(state__in=InformationRequest.OPEN_STATES)),
            overdue=Count("pk", filter=Q(state__in=InformationRequest.OPEN_STATES, due_date__lt=today)),
            held=Count("pk", filter=Q(state=R.HELD)),
            nearest=Min("due_date", filter=Q(state__in=InformationRequest.OPEN_STATES, due_date__gte=today)),
        )
        objections = Objection.objects.aggregate(
            open=Count("pk", filter=Q(state=O.REGISTERED)),
            overdue=Count("pk", filter=Q(state=O.REGISTERED, due_date__lt=today)),
        )
    return {"requests": requests, "objections": objections}


app_name = "ppid_requests"
urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("permohonan/<int:ppid_request_id>/", RequestDetailView.as_view(), name="request"),
    path("keberatan/<int:ppid_objection_id>/", ObjectionDetailView.as_view(), name="objection"),
    path("kabupaten/", RegencyFiguresView.as_view(), name="regency"),
]
