"""The village operator's and the regency's side of KIM, inside the Wagtail admin.

Every view runs inside `managed_scope(user)`: a report, KIM or member of a village the user does not
manage is simply not found (404). Reports change state only through `workflow.do_transition`.
"""

import datetime as dt
import logging

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from sinergi.accounts.access import (
    ALL,
    administered_regencies,
    managed_village_ids,
    managed_villages,
)
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.kim import figures as kim_figures
from sinergi.kim.admin_forms import KimClassificationForm, KimForm, KimMemberForm, KimSettingsForm
from sinergi.kim.invitations import InvitationError, create_invitation, member_only_account
from sinergi.kim.models import (
    Activity,
    Kim,
    KimClassification,
    KimMember,
    KimSettings,
    Notification,
    Report,
    ReportEvent,
)
from sinergi.kim.photos import may_see_report_photo, photo_response
from sinergi.kim.services import writing_hints
from sinergi.kim.workflow import (
    OPERATOR,
    TRANSITIONS,
    TransitionError,
    available_transitions,
    do_transition,
    event_label,
)

log = logging.getLogger(__name__)

State = Report.State
REPORTS_PER_PAGE = 50
# What the operator sees: every report once it has been sent (a draft is still the member's own).
QUEUE_STATES = [State.SUBMITTED, State.REVISION, State.APPROVED_DRAFT, State.PUBLISHED, State.REJECTED]
STATE_CLASSES = {State.SUBMITTED: "w-status w-status--primary"}
OTHER_STATE_CLASS = "w-status w-status--label"
# Officers first, in the order of a KIM's decree.
POSITION_ORDER = Case(
    *[When(position=p, then=Value(n)) for n, p in enumerate(KimMember.Position.values)],
    output_field=IntegerField(),
)
# Activities the operator still has to look at: new ones, and those held as gambling spam.
ACTIVITY_WAITING = [Activity.Review.PENDING, Activity.Review.HELD]
# The decision buttons, most common first.
DECISION_ORDER = ["approve_publish", "approve_draft", "request_revision", "reject"]


def waiting_label(submitted_at, now=None) -> str:
    """menunggu 4 hari / menunggu 5 jam / menunggu kurang dari 1 jam."""
    if submitted_at is None:
        return ""
    age = (now or timezone.now()) - submitted_at
    if age.days >= 1:
        return _("menunggu %(n)s hari") % {"n": age.days}
    hours = int(age.total_seconds() // 3600)
    if hours >= 1:
        return _("menunggu %(n)s jam") % {"n": hours}
    return _("menunggu kurang dari 1 jam")


def several_villages(user) -> bool:
    ids = managed_village_ids(user)
    return ids is ALL or len(ids) > 1


def visible_reports():
    """Reports the village has received, in the current scope."""
    return Report.objects.exclude(state=State.DRAFT)


# --------------------------------------------------------------------------- base views


class KimAdminView(VillageStaffView):
    """A page for staff who manage at least one village, run inside the scope of those villages."""

    header_icon = "doc-full-inverse"
    section_label = gettext_lazy("Laporan KIM")
    section_url_name = "kim_admin:queue"


class FormView(KimAdminView):
    """GET shows the form, POST saves it; the subclass builds the form and says where to go next."""

    template_name = "kim/admin/form.html"
    submit_button_label = gettext_lazy("Simpan")
    success_message = ""

    def get_form(self, data=None, files=None):
        raise NotImplementedError

    def form_valid(self, form):
        return form.save()

    def get_success_url(self, saved):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        form = self.get_form(request.POST, request.FILES)
        if form.is_valid():
            saved = self.form_valid(form)
            if self.success_message:
                messages.success(request, self.success_message % {"name": saved})
            return redirect(self.get_success_url(saved))
        messages.validation_error(request, _("Data belum bisa disimpan; periksa isian yang ditandai."), form)
        return self.render_to_response(self.get_context_data(form=form))

    def setup_objects(self):
        """Load the objects named in the URL (inside the scope); 404 when the user may not see them."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            action_url=self.request.get_full_path(),
            submit_button_label=self.submit_button_label,
            media=form.media,
            form_is_multipart=form.is_multipart(),
        )
        return context


# --------------------------------------------------------------------------- review queue


class ReportQueueView(KimAdminView):
    template_name = "kim/admin/queue.html"
    page_title = gettext_lazy("Laporan KIM")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.request.GET.get("status", "")
        if state not in QUEUE_STATES:
            state = ""
        reports = visible_reports()
        kim = None
        if kim_id := self.request.GET.get("kim", ""):
            kim = Kim.objects.filter(pk=int(kim_id)).first() if kim_id.isdigit() else None
            if kim is None:
                raise Http404
            reports = reports.filter(kim=kim)
        counts = dict(reports.values_list("state").annotate(n=Count("pk")).order_by())
        if state:
            reports = reports.filter(state=state)
        waiting_first = Case(
            When(state=State.SUBMITTED, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        reports = (
            reports.select_related("kim", "author", "village")
            .annotate(photo_count=Count("photos"))
            .order_by(waiting_first, F("submitted_at").asc(nulls_last=True), "-updated_at", "-pk")
        )
        page = Paginator(reports, REPORTS_PER_PAGE).get_page(self.request.GET.get("p"))
        now = timezone.now()
        for report in page:
            report.waiting = (
                waiting_label(report.submitted_at, now) if report.state == State.SUBMITTED else ""
            )
            report.status_class = STATE_CLASSES.get(report.state, OTHER_STATE_CLASS)
        base_query = f"kim={kim.pk}&" if kim else ""
        context.update(
            page_obj=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            reports=page.object_list,
            state=state,
            kim=kim,
            base_query=base_query,
            tabs=[
                {"value": "", "label": _("Semua"), "count": sum(counts.values())},
                *[
                    {"value": s.value, "label": s.label, "count": counts.get(s.value, 0)}
                    for s in QUEUE_STATES
                ],
            ],
            show_village=several_villages(self.request.user),
        )
        return context


class ReportDetailView(KimAdminView):
    template_name = "kim/admin/report_detail.html"

    def get_report(self):
        return get_object_or_404(
            visible_reports().select_related(
                "kim", "author__user", "village__district__regency", "category", "news_page"
            ),
            pk=self.kwargs["report_id"],
        )

    def get_page_title(self):
        return self.report.title

    def get(self, request, *args, **kwargs):
        self.report = self.get_report()
        # Opening the report is reading what was said about it.
        Notification.objects.filter(user=request.user, report=self.report, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        photos = list(report.photos.all())
        events = list(ReportEvent.objects.filter(report=report).select_related("actor"))
        for event in events:
            event.label = event_label(event.action)
            event.to_label = State(event.to_state).label if event.to_state in State.values else event.to_state
        news_page = report.news_page
        context.update(
            report=report,
            photos=photos,
            events=events,
            hints=writing_hints(report.title, report.body, len(photos), report.event_date, report.place),
            transitions=sorted(
                (t for t in available_transitions(self.request.user, report) if t.actor == OPERATOR),
                key=lambda t: (
                    DECISION_ORDER.index(t.name) if t.name in DECISION_ORDER else len(DECISION_ORDER)
                ),
            ),
            waiting=waiting_label(report.submitted_at) if report.state == State.SUBMITTED else "",
            status_class=STATE_CLASSES.get(report.state, OTHER_STATE_CLASS),
            news_url=news_page.get_url(self.request) if news_page and news_page.live else "",
            news_edit_url=reverse("wagtailadmin_pages:edit", args=[news_page.pk]) if news_page else "",
            # Sent back with a decision: the decision is about the text shown here (do_transition's `seen`).
            seen=report.updated_at.isoformat(),
        )
        return context

    def post(self, request, *args, **kwargs):
        report = self.get_report()
        action = request.POST.get("action", "")
        transition = TRANSITIONS.get(action)
        detail_url = reverse("kim_admin:report_detail", args=[report.pk])
        if transition is None or transition.actor != OPERATOR:
            messages.error(request, _("Tindakan tidak dikenal."))
            return redirect(detail_url)
        seen = _parse_seen(request.POST.get("seen", ""))
        if seen is None:
            messages.error(
                request, _("Halaman ini sudah lama dibuka. Periksa laporannya lagi, lalu putuskan.")
            )
            return redirect(detail_url)
        try:
            report = do_transition(
                report, action, by=request.user, comment=request.POST.get("comment", ""), seen=seen
            )
        except TransitionError as error:
            report.refresh_from_db(fields=["state"])
            if report.state not in transition.sources:
                # Usually a second click on the same button, or a colleague was quicker.
                messages.error(
                    request,
                    _("Laporan ini sudah berstatus “%(state)s”; tidak ada yang diubah.")
                    % {"state": report.get_state_display()},
                )
            else:
                messages.error(request, str(error))
            return redirect(detail_url)
        except PermissionDenied as error:
            messages.error(request, str(error) or _("Anda tidak berhak melakukan tindakan ini."))
            return redirect(detail_url)
        except ValueError:
            log.exception("Report %s could not become a news page", report.pk)
            messages.error(request, _("Berita tidak bisa dibuat: desa ini belum punya bagian Berita."))
            return redirect(detail_url)
        self.announce(report, action)
        return redirect(detail_url)

    def announce(self, report, action):
        request = self.request
        if action == "approve_publish":
            messages.success(
                request,
                _("Laporan “%(title)s” sudah terbit sebagai berita desa.") % {"title": report.title},
                buttons=[
                    messages.button(report.news_page.get_url(request), _("Lihat berita"), new_window=True)
                ],
            )
        elif action == "approve_draft":
            messages.success(
                request,
                _("Laporan “%(title)s” disetujui; draf beritanya siap disunting dan diterbitkan.")
                % {"title": report.title},
                buttons=[
                    messages.button(
                        reverse("wagtailadmin_pages:edit", args=[report.news_page_id]), _("Sunting draf")
                    )
                ],
            )
        elif action == "request_revision":
            messages.success(request, _("Laporan dikembalikan ke penulis untuk direvisi."))
        elif action == "reject":
            messages.success(request, _("Laporan ditolak; penulis menerima alasannya."))


class NotificationsReadView(KimAdminView):
    """POST: the signed-in staff member's KIM notifications are all marked read (from the home panel)."""

    def get(self, request, *args, **kwargs):
        raise Http404

    def post(self, request, *args, **kwargs):
        Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
        return redirect("wagtailadmin_home")


def _parse_seen(value: str):
    """The report's updated_at as the decision form carried it, or None when missing or malformed."""
    try:
        seen = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return seen if timezone.is_aware(seen) else None


class ReportPhotoView(KimAdminView):
    """A report photo, only for the people who may manage the report's village (never a public URL)."""

    def get(self, request, *args, **kwargs):
        report = get_object_or_404(visible_reports(), pk=kwargs["report_id"])
        photo = get_object_or_404(report.photos.all(), pk=kwargs["photo_id"])
        return photo_response(request.user, photo, may_see_report_photo)


# --------------------------------------------------------------------------- KIM registry


class RegistrySection:
    """A page of the KIM registry: under "Daftar KIM" in the breadcrumbs, below its KIM when it has one."""

    header_icon = "group"
    section_label = gettext_lazy("Daftar KIM")
    section_url_name = "kim_admin:kim_list"
    kim = None

    def extra_breadcrumbs(self):
        if self.kim is None:
            return []
        return [{"url": reverse("kim_admin:kim_detail", args=[self.kim.pk]), "label": self.kim.name}]


class KimListView(RegistrySection, KimAdminView):
    """Every KIM the user manages with this month's and the last 12 months' figures; CSV and Excel too."""

    template_name = "kim/admin/kim_list.html"
    page_title = gettext_lazy("Daftar KIM")

    COLUMNS = [
        ("masuk", gettext_lazy("Masuk")),
        ("terbit", gettext_lazy("Terbit")),
        ("revisi", gettext_lazy("Revisi")),
        ("tolak", gettext_lazy("Ditolak")),
        ("median", gettext_lazy("Median keputusan")),
        ("kegiatan", gettext_lazy("Kegiatan")),
    ]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def rows(self):
        kims = Kim.objects.select_related("village__district", "classification").annotate(
            active_members=Count("members", filter=Q(members__is_active=True))
        )
        rows = kim_figures.kim_rows(kims, self.today)
        return kim_figures.sort_rows(rows, self.request.GET.get("sort", kim_figures.DEFAULT_SORT))

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        export = request.GET.get("format", "")
        if export in ("csv", "xlsx"):
            rows, _sort = self.rows()
            filename = f"kim-{self.today:%Y-%m}"
            if export == "csv":
                response = HttpResponse(
                    kim_figures.as_csv(rows, self.today), content_type="text/csv; charset=utf-8"
                )
            else:
                response = HttpResponse(
                    kim_figures.as_xlsx(rows, self.today),
                    content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            response["Content-Disposition"] = f'attachment; filename="{filename}.{export}"'
            return response
        return super().get(request, *args, **kwargs)

    def sort_link(self, key, current):
        """The query string that sorts by `key`, descending first, toggling when already sorted by it."""
        target = key if current == f"-{key}" else f"-{key}"
        if key in ("kim", "desa"):  # names sort A→Z first
            target = f"-{key}" if current == key else key
        return f"?sort={target}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, sort = self.rows()
        for row in rows:
            row.month_median = kim_figures.duration_label(row.month.median_decision_time)
            row.year_median = kim_figures.duration_label(row.year.median_decision_time)

        def column(key, label):
            return {
                "label": label,
                "url": self.sort_link(key, sort),
                "active": sort.lstrip("-") == key,
                "descending": sort.startswith("-"),
            }

        context.update(
            rows=rows,
            sort=sort,
            month_label=kim_figures.month_label(kim_figures.month_start(self.today)),
            name_columns={"kim": column("kim", _("KIM")), "desa": column("desa", _("Desa/kelurahan"))},
            members_column=column("anggota", _("Anggota aktif")),
            month_columns=[column(f"bulan_{key}", label) for key, label in self.COLUMNS],
            year_columns=[column(f"tahun_{key}", label) for key, label in self.COLUMNS],
            sort_query=f"&sort={sort}",
        )
        return context


class KimObjectMixin(RegistrySection):
    """Loads the KIM named in the URL from the user's villages."""

    def get_kim(self):
        return get_object_or_404(
            Kim.objects.select_related(
                "village__district__regency", "village__collection", "classification", "decree_document"
            ),
            pk=self.kwargs["kim_id"],
        )


class KimDetailView(KimObjectMixin, KimAdminView):
    template_name = "kim/admin/kim_detail.html"

    def get(self, request, *args, **kwargs):
        self.kim = self.get_kim()
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return self.kim.name

    def extra_breadcrumbs(self):
        return []  # the KIM is the page itself

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kim = self.kim
        months = kim_figures.last_months(timezone.localdate())
        by_month = kim_figures.monthly_figures(months[0], months[-1], kim_ids=[kim.pk]).get(kim.pk, {})
        monthly = []
        total = kim_figures.Figures()
        for month in reversed(months):
            figures = by_month.get(month, kim_figures.Figures())
            total.add(figures)
            monthly.append(
                {
                    "label": kim_figures.month_label(month),
                    "figures": figures,
                    "median": kim_figures.duration_label(figures.median_decision_time),
                }
            )
        members = list(
            KimMember.objects.filter(kim=kim)
            .select_related("user")
            .order_by("-is_active", POSITION_ORDER, "name")
        )
        report_counts = dict(
            visible_reports().filter(kim=kim).values_list("state").annotate(n=Count("pk")).order_by()
        )
        context.update(
            kim=kim,
            members=members,
            monthly=monthly,
            total=total,
            total_median=kim_figures.duration_label(total.median_decision_time),
            report_states=[
                {"value": state.value, "label": state.label, "count": report_counts.get(state.value, 0)}
                for state in QUEUE_STATES
            ],
            kim_links=[
                (kim._meta.get_field(name).verbose_name, getattr(kim, name))
                for name in ("website", "facebook", "instagram", "youtube", "tiktok")
                if getattr(kim, name)
            ],
            activities=list(Activity.objects.filter(kim=kim).select_related("recorded_by")[:5]),
            activity_count=Activity.objects.filter(kim=kim).count(),
            activities_waiting=Activity.objects.filter(kim=kim, review__in=ACTIVITY_WAITING).count(),
            civil_servants_forbidden=KimSettings.for_regency(
                kim.village.district.regency
            ).forbid_civil_servants,
        )
        return context


class KimCreateView(RegistrySection, FormView):
    page_title = gettext_lazy("Tambah KIM")
    success_message = gettext_lazy("KIM “%(name)s” ditambahkan.")

    def get_form(self, data=None, files=None):
        return KimForm(data, files, villages=managed_villages(self.request.user), user=self.request.user)

    def get_success_url(self, saved):
        return reverse("kim_admin:kim_detail", args=[saved.pk])


class KimEditView(KimObjectMixin, FormView):
    success_message = gettext_lazy("Data KIM “%(name)s” disimpan.")

    def setup_objects(self):
        self.kim = self.get_kim()

    def get_page_title(self):
        return _("Ubah data KIM")

    def get_form(self, data=None, files=None):
        return KimForm(data, files, instance=self.kim, villages=None, user=self.request.user)

    def get_success_url(self, saved):
        return reverse("kim_admin:kim_detail", args=[saved.pk])


class ActivityListView(KimObjectMixin, KimAdminView):
    """The KIM's activities; those not yet reviewed (and those held as spam) first, with show/hide."""

    template_name = "kim/admin/activities.html"

    def get(self, request, *args, **kwargs):
        self.kim = self.get_kim()
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Kegiatan diseminasi")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activities = (
            Activity.objects.filter(kim=self.kim)
            .select_related("recorded_by", "reviewed_by")
            .annotate(photo_count=Count("photos"))
        )
        waiting = list(activities.filter(review__in=ACTIVITY_WAITING).order_by("-review", "-date", "-pk"))
        reviewed = activities.exclude(review__in=ACTIVITY_WAITING).order_by("-date", "-pk")
        page = Paginator(reviewed, REPORTS_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            kim=self.kim,
            page_obj=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            waiting=waiting,
            activities=page.object_list,
            review_choices=Activity.Review,
        )
        return context


class ActivityReviewView(KimAdminView):
    """POST review=tampil shows an activity on the village's public KIM page, review=disembunyikan hides it."""

    def get(self, request, *args, **kwargs):
        raise Http404

    def post(self, request, *args, **kwargs):
        # Inside the operator's scope: another village's activity is not found (404).
        activity = get_object_or_404(Activity.objects.select_related("kim"), pk=self.kwargs["activity_id"])
        decision = request.POST.get("review")
        back = reverse("kim_admin:activities", args=[activity.kim_id])
        if decision not in (Activity.Review.PUBLIC, Activity.Review.HIDDEN):
            messages.error(request, _("Pilih tampilkan atau sembunyikan."))
            return redirect(back)
        activity.review = decision
        activity.reviewed_at = timezone.now()
        activity.reviewed_by = request.user
        activity.save(update_fields=["review", "reviewed_at", "reviewed_by"])
        if decision == Activity.Review.PUBLIC:
            messages.success(
                request, _("Kegiatan “%(name)s” tampil di halaman KIM desa.") % {"name": activity}
            )
        else:
            messages.success(request, _("Kegiatan “%(name)s” disembunyikan dari situs.") % {"name": activity})
        return redirect(back)


# --------------------------------------------------------------------------- members


class MemberObjectMixin(KimObjectMixin):
    def get_member(self):
        return get_object_or_404(
            KimMember.objects.select_related("kim__village__district__regency", "user"),
            pk=self.kwargs["member_id"],
        )


class MemberCreateView(MemberObjectMixin, FormView):
    header_icon = "user"
    success_message = gettext_lazy("Anggota %(name)s ditambahkan.")

    def setup_objects(self):
        self.kim = self.get_kim()

    def get_page_title(self):
        return _("Tambah anggota")

    def get_form(self, data=None, files=None):
        return KimMemberForm(data, files, kim=self.kim)

    def get_success_url(self, saved):
        return reverse("kim_admin:kim_detail", args=[self.kim.pk]) + "#anggota"


class MemberEditView(MemberObjectMixin, FormView):
    header_icon = "user"
    success_message = gettext_lazy("Data anggota %(name)s disimpan.")

    def setup_objects(self):
        self.member = self.get_member()
        self.kim = self.member.kim

    def get_page_title(self):
        return _("Ubah anggota: %(name)s") % {"name": self.member.name}

    def get_form(self, data=None, files=None):
        return KimMemberForm(data, files, instance=self.member, kim=self.kim)

    def get_success_url(self, saved):
        return reverse("kim_admin:kim_detail", args=[self.kim.pk]) + "#anggota"


class MemberActiveView(MemberObjectMixin, KimAdminView):
    """POST active=0 deactivates a member (and their member-only account), active=1 brings them back."""

    def get(self, request, *args, **kwargs):
        raise Http404

    def post(self, request, *args, **kwargs):
        member = self.get_member()
        active = request.POST.get("active") == "1"
        if active and member.position == KimMember.Position.CHAIR:
            chair = (
                KimMember.objects.filter(kim=member.kim, position=KimMember.Position.CHAIR, is_active=True)
                .exclude(pk=member.pk)
                .first()
            )
            if chair:
                messages.error(
                    request,
                    _("KIM ini sudah punya ketua aktif (%(name)s). Ubah dulu jabatan ketua yang lama.")
                    % {"name": chair.name},
                )
                return redirect(reverse("kim_admin:kim_detail", args=[member.kim_id]) + "#anggota")
        member.is_active = active
        member.save(update_fields=["is_active"])
        if member.user and member_only_account(member.user) and member.user.is_active != active:
            member.user.is_active = active
            member.user.save(update_fields=["is_active"])
        if active:
            messages.success(request, _("%(name)s aktif kembali.") % {"name": member.name})
        else:
            messages.success(
                request, _("%(name)s dinonaktifkan dan tidak bisa masuk lagi.") % {"name": member.name}
            )
        return redirect(reverse("kim_admin:kim_detail", args=[member.kim_id]) + "#anggota")


class MemberInvitationView(MemberObjectMixin, KimAdminView):
    """An invitation (one-time link and 6-digit code) for a member to set their password.

    For a member who already has an account this is the password reset: the old password stops
    working at once (and with it every open session), and the invitation sets a new one. The link
    and the code are shown once, in this POST's own response (never a redirect or a flash
    message): only their hashes are stored (sinergi.kim.invitations).
    """

    template_name = "kim/admin/member_invitation.html"
    header_icon = "key"

    def get(self, request, *args, **kwargs):
        raise Http404

    def get_page_title(self):
        return _("Undangan untuk %(name)s") % {"name": self.member.name}

    def post(self, request, *args, **kwargs):
        self.member = member = self.get_member()
        self.kim = member.kim
        members_url = reverse("kim_admin:kim_detail", args=[member.kim_id]) + "#anggota"
        user = member.user
        try:
            invitation, token, code = create_invitation(member, by=request.user)
        except (InvitationError, PermissionDenied) as error:
            messages.error(request, str(error))
            return redirect(members_url)
        log.info(
            "Invitation for KIM member %s made by %s (reset: %s)", member.pk, request.user, user is not None
        )
        context = self.get_context_data(
            member=member,
            is_reset=user is not None,
            link=request.build_absolute_uri(reverse("kim:invitation_accept", args=[token])),
            code_url=request.build_absolute_uri(reverse("kim:invitation_code")),
            code=code,
            expires_at=invitation.expires_at,
            identifier=member.phone or member.email,
        )
        response = self.render_to_response(context)
        response["Cache-Control"] = "no-store"
        return response


# --------------------------------------------------------------------------- regency rules


class RegencyView(KimAdminView):
    """Pages of the regency's KIM rules: only for its admins (and superusers)."""

    header_icon = "cog"
    section_label = gettext_lazy("Aturan KIM")
    section_url_name = "kim_admin:regencies"

    def has_access(self, user) -> bool:
        return administered_regencies(user).exists()

    def get_regency(self, regency_id):
        return get_object_or_404(administered_regencies(self.request.user), pk=regency_id)


class RegencyListView(RegencyView):
    template_name = "kim/admin/regencies.html"
    page_title = gettext_lazy("Aturan KIM")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        regencies = list(administered_regencies(request.user))
        if len(regencies) == 1:
            return redirect("kim_admin:regency_rules", regency_id=regencies[0].pk)
        return self.render_to_response(self.get_context_data(regencies=regencies))


class RegencyRulesView(RegencyView):
    """KimSettings of the regency (form) and its KIM classifications (list)."""

    template_name = "kim/admin/regency_rules.html"

    def get_page_title(self):
        return _("Aturan KIM %(regency)s") % {"regency": self.regency.name}

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.regency = self.get_regency(kwargs["regency_id"])
        form = KimSettingsForm(instance=KimSettings.for_regency(self.regency))
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        self.regency = self.get_regency(kwargs["regency_id"])
        form = KimSettingsForm(request.POST, instance=KimSettings.for_regency(self.regency))
        if form.is_valid():
            form.save()
            messages.success(request, _("Pengaturan KIM disimpan."))
            return redirect("kim_admin:regency_rules", regency_id=self.regency.pk)
        messages.validation_error(
            request, _("Pengaturan belum bisa disimpan; periksa isian yang ditandai."), form
        )
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            regency=self.regency,
            media=context["form"].media,
            classifications=KimClassification.objects.filter(regency=self.regency).annotate(
                kim_count=Count("kims")
            ),
        )
        return context


class ClassificationMixin:
    def get_classification(self):
        return get_object_or_404(
            KimClassification.objects.filter(
                regency__in=administered_regencies(self.request.user)
            ).select_related("regency"),
            pk=self.kwargs["classification_id"],
        )

    def regency_breadcrumbs(self):
        return [
            {
                "url": reverse("kim_admin:regency_rules", args=[self.regency.pk]),
                "label": _("Aturan KIM %(regency)s") % {"regency": self.regency.name},
            }
        ]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.regency_breadcrumbs(),
            {"url": "", "label": self.get_page_title()},
        ]


class ClassificationCreateView(ClassificationMixin, RegencyView, FormView):
    page_title = gettext_lazy("Tambah klasifikasi KIM")
    success_message = gettext_lazy("Klasifikasi “%(name)s” disimpan.")

    def setup_objects(self):
        self.regency = self.get_regency(self.kwargs["regency_id"])

    def get_form(self, data=None, files=None):
        return KimClassificationForm(data, regency=self.regency)

    def get_success_url(self, saved):
        return reverse("kim_admin:regency_rules", args=[self.regency.pk])


class ClassificationEditView(ClassificationMixin, RegencyView, FormView):
    page_title = gettext_lazy("Ubah klasifikasi KIM")
    success_message = gettext_lazy("Klasifikasi “%(name)s” disimpan.")

    def setup_objects(self):
        self.classification = self.get_classification()
        self.regency = self.classification.regency

    def get_form(self, data=None, files=None):
        return KimClassificationForm(data, instance=self.classification, regency=self.regency)

    def get_success_url(self, saved):
        return reverse("kim_admin:regency_rules", args=[self.regency.pk])


class ClassificationDeleteView(ClassificationMixin, RegencyView):
    """Deleting a classification leaves its KIMs without one (they are not deleted)."""

    template_name = "kim/admin/classification_delete.html"
    page_title = gettext_lazy("Hapus klasifikasi KIM")

    def get(self, request, *args, **kwargs):
        self.classification = self.get_classification()
        self.regency = self.classification.regency
        kim_count = Kim.objects.filter(classification=self.classification).count()
        return self.render_to_response(
            self.get_context_data(classification=self.classification, kim_count=kim_count)
        )

    def post(self, request, *args, **kwargs):
        classification = self.get_classification()
        classification.delete()
        messages.success(request, _("Klasifikasi “%(name)s” dihapus.") % {"name": classification.name})
        return redirect("kim_admin:regency_rules", regency_id=classification.regency_id)
