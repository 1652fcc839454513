"""The village operator's and the regency's side of complaints, inside the Wagtail admin.

Every view runs inside `managed_scope(user)` (a case of a village the user does not manage is simply
not found: 404). Cases change state only through sinergi.complaints.workflow.act (casework's perform).
A regency admin manages every village of its regency, so its queue holds them all; the filter
"diteruskan" shows the cases the villages forwarded to the kecamatan or the regency.
"""

import csv
import datetime as dt
import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from sinergi.accounts.access import (
    ALL,
    is_regency_admin,
    managed_village_ids,
)
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.casework.guard import held_reason_label
from sinergi.casework.tracking import display_code
from sinergi.casework.workflow import OPERATOR, TransitionError
from sinergi.complaints import figures
from sinergi.complaints.models import Complaint, ComplaintPhoto
from sinergi.complaints.workflow import TABLE, act, event_label, state_label
from sinergi.core.storage import private_file_response

S = Complaint.State
PER_PAGE = 50
FILTERS = {
    "ditahan": gettext_lazy("Ditahan"),
    "terlambat": gettext_lazy("Terlambat"),
    "diteruskan": gettext_lazy("Diteruskan"),
}


class ComplaintsAdminView(VillageStaffView):
    header_icon = "mail"
    section_label = gettext_lazy("Pengaduan warga")
    section_url_name = "complaints_admin:queue"


def several_villages(user) -> bool:
    ids = managed_village_ids(user)
    return ids is ALL or len(ids) > 1


def overdue_q(today: dt.date) -> Q:
    """Cases past the verification target, or past the first-reply target without a reply."""
    late_verify = Q(state=S.RECEIVED, verify_due__lt=today)
    late_reply = Q(state__in=[S.RECEIVED, S.VERIFIED], first_reply_at__isnull=True, reply_due__lt=today)
    return Q(held=False) & (late_verify | late_reply)


class QueueView(ComplaintsAdminView):
    template_name = "complaints/admin/queue.html"
    page_title = gettext_lazy("Pengaduan warga")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        cases = Complaint.objects.all()
        state = self.request.GET.get("status", "")
        if state not in S.values:
            state = ""
        flag = next((f for f in FILTERS if self.request.GET.get(f)), "")
        counts = cases.aggregate(
            all=Count("pk"),
            ditahan=Count("pk", filter=Q(held=True)),
            terlambat=Count("pk", filter=overdue_q(today)),
            diteruskan=Count("pk", filter=~Q(forwarded_to="")),
            **{s.value: Count("pk", filter=Q(state=s.value)) for s in S},
        )
        if state:
            cases = cases.filter(state=state)
        if flag == "ditahan":
            cases = cases.filter(held=True)
        elif flag == "terlambat":
            cases = cases.filter(overdue_q(today))
        elif flag == "diteruskan":
            cases = cases.exclude(forwarded_to="")
        cases = cases.select_related("category", "village").order_by(
            "-held", "verify_due", "-received_at", "-pk"
        )
        page = Paginator(cases, PER_PAGE).get_page(self.request.GET.get("p"))
        for case in page:
            case.late = case.overdue(today)
            case.held_label = held_reason_label(case.held_reason) if case.held else ""
        context.update(
            page_obj=page,
            cases=page.object_list,
            state=state,
            flag=flag,
            tabs=[
                {"query": "", "label": _("Semua"), "count": counts["all"], "active": not state and not flag},
                *[
                    {
                        "query": f"status={s.value}",
                        "label": s.label,
                        "count": counts[s.value],
                        "active": state == s,
                    }
                    for s in S
                ],
                *[
                    {"query": f"{f}=1", "label": label, "count": counts[f], "active": flag == f}
                    for f, label in FILTERS.items()
                ],
            ],
            show_village=several_villages(self.request.user),
            regency_admin=is_regency_admin(self.request.user),
        )
        return context


class DecisionForm(forms.Form):
    tindakan = forms.CharField()
    comment = forms.CharField(required=False, max_length=4000)
    expected_on = forms.DateField(required=False)
    rejection = forms.CharField(required=False, max_length=20)
    redirect_to = forms.CharField(required=False, max_length=200)
    forwarded_to = forms.CharField(required=False, max_length=12)
    into = forms.CharField(required=False, max_length=40)
    seen = forms.CharField(required=False, max_length=40)


class CaseView(ComplaintsAdminView):
    template_name = "complaints/admin/case.html"

    def get_case(self) -> Complaint:
        case = (
            Complaint.objects.select_related("category", "village", "merged_into")
            .filter(pk=self.kwargs["complaint_id"])
            .first()
        )
        if case is None:
            raise Http404
        return case

    def get_page_title(self):
        return self.case.reference

    def get(self, request, *args, **kwargs):
        self.case = self.get_case()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.case = case = self.get_case()
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Isian tidak lengkap."))
            return redirect("complaints_admin:case", case.pk)
        data = form.cleaned_data
        into = None
        if data["into"]:
            into = Complaint.objects.filter(
                Q(reference=data["into"].strip())
                | Q(pk=int(data["into"]) if data["into"].isdigit() else None),
                village_id=case.village_id,
            ).first()
        seen = None
        if data["seen"]:
            try:
                seen = dt.datetime.fromisoformat(data["seen"])
            except ValueError:
                seen = None
        try:
            act(
                case,
                data["tindakan"],
                roles={OPERATOR},
                by=request.user,
                comment=data["comment"],
                seen=seen,
                expected_on=data["expected_on"],
                rejection=data["rejection"],
                redirect_to=data["redirect_to"],
                forwarded_to=data["forwarded_to"],
                into=into,
            )
        except (TransitionError, PermissionDenied) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Tersimpan: %(action)s.") % {"action": TABLE.label(data["tindakan"])})
        return redirect("complaints_admin:case", case.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        events = list(case.events.select_related("actor"))
        for event in events:
            event.label = event_label(event.action)
            event.from_label = state_label(event.from_state) if event.from_state else ""
        actions = [t for t in TABLE.available(case.state, {OPERATOR}) if t.name != "release" or case.held]
        context.update(
            case=case,
            code=display_code(case.tracking_code),
            events=events,
            photos=list(case.photos.all()),
            actions=actions,
            late=case.overdue(),
            held_label=held_reason_label(case.held_reason) if case.held else "",
            rejections=Complaint.Rejection.choices,
            forwards=Complaint.Forward.choices,
            seen=case.updated_at.isoformat(),
            today=timezone.localdate(),
        )
        return context


class DeleteHeldView(ComplaintsAdminView):
    """A held case that is spam is deleted (with its photos); a case that is not held is never deleted."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        case = Complaint.objects.filter(pk=self.kwargs["complaint_id"], held=True).first()
        if case is None:
            raise Http404
        reference = case.reference
        case.delete()
        messages.success(request, _("Pengaduan %(ref)s yang ditahan sudah dihapus.") % {"ref": reference})
        return redirect(reverse("complaints_admin:queue") + "?ditahan=1")


class PhotoView(ComplaintsAdminView):
    def get(self, request, *args, **kwargs):
        photo = ComplaintPhoto.objects.filter(
            pk=self.kwargs["complaint_photo_id"], complaint_id=self.kwargs["complaint_id"]
        ).first()
        if photo is None:
            raise Http404
        content_type = {"PNG": "image/png", "WEBP": "image/webp"}.get(photo.format, "image/jpeg")
        return private_file_response(photo.file, content_type)


class FiguresView(ComplaintsAdminView):
    """Per village and month: the regency's figures, sortable, and downloadable as CSV or Excel."""

    template_name = "complaints/admin/figures.html"
    page_title = gettext_lazy("Angka pengaduan")

    def has_access(self, user) -> bool:
        return is_regency_admin(user)

    def get(self, request, *args, **kwargs):
        rows = figures.compute(request.user)
        sort = request.GET.get("urut", "")
        rows = figures.sort(rows, sort)
        download = request.GET.get("format", "")
        if download == "csv":
            return csv_response(rows)
        if download == "xlsx":
            return xlsx_response(rows)
        self.rows, self.sort = rows, sort
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(rows=self.rows, columns=figures.COLUMNS, sort=self.sort)
        return context


def csv_response(rows) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(label) for _key, label in figures.COLUMNS])
    for row in rows:
        writer.writerow([figures.cell(row, key) for key, _label in figures.COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="angka-pengaduan.csv"'
    return response


def xlsx_response(rows) -> HttpResponse:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Pengaduan"
    sheet.append([str(label) for _key, label in figures.COLUMNS])
    for row in rows:
        sheet.append([figures.cell(row, key) for key, _label in figures.COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="angka-pengaduan.xlsx"'
    return response
