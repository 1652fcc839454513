"""The operator types a budget and its realisation in the admin (/admin/apbdes/...), beside the import.

Every view is a `FinanceAdminView`: it runs inside the scope of the villages the person manages, so a
version, kegiatan or report of another village is not found (404). Only drafts are edited; the rules
and the locking are in `sinergi.finance.entry`.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from sinergi.accounts.access import managed_villages
from sinergi.finance import entry, services, totals
from sinergi.finance.admin_views import FinanceAdminView
from sinergi.finance.entry_forms import (
    AccountFormSet,
    ActivityForm,
    NewDraftForm,
    NewRealisationForm,
    RealisedForm,
    SpendingFormSet,
)
from sinergi.finance.models import BudgetActivity, BudgetVersion, Realisation, RealisationItem
from sinergi.finance.workbook import Codes

PARTS = {
    # url part -> (lines, code kind, account root, title)
    "pendapatan": ("income", "pendapatan", "4", gettext_lazy("Pendapatan")),
    "pembiayaan": ("financing", "pembiayaan", "6", gettext_lazy("Pembiayaan")),
}


def _error_to_form(form, error):
    form.add_error(None, str(error))


class NewDraftView(FinanceAdminView):
    template_name = "finance/admin/entry_form.html"
    page_title = gettext_lazy("Isi APBDes di Sinergi")

    def form(self):
        villages = managed_villages(self.request.user)
        if self.request.method == "POST":
            return NewDraftForm(self.request.POST, villages=villages)
        initial = {"village": villages.first().pk} if villages.count() == 1 else {}
        for key in ("village", "year", "kind", "start"):
            if self.request.GET.get(key):
                initial[key] = self.request.GET[key]
        return NewDraftForm(villages=villages, initial=initial)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "form": kwargs.get("form") or self.form(),
            "intro": _(
                "Buat draf APBDes lalu isi pendapatan, kegiatan dan pembiayaannya langsung di sini. "
                "Draf tidak tampil di situs sampai Anda menerbitkannya."
            ),
            "action_url": self.request.path,
            "submit_button_label": _("Buat draf"),
        }

    def post(self, request, *args, **kwargs):
        form = self.form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        village, year, kind = data["village"], data["year"], data["kind"]
        copy_from = None
        if data["start"] == "tahun_ini":
            copy_from = services.latest_published(village, year)
        elif data["start"] == "tahun_lalu":
            copy_from = services.latest_published(village, year - 1)
        if data["start"] and copy_from is None:
            form.add_error("start", _("Belum ada APBDes terbit untuk disalin dari tahun itu."))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            version = entry.start_draft(
                village,
                year,
                kind,
                request.user,
                copy_from=copy_from,
                reason=data["correction_reason"],
                perdes_number=data["perdes_number"],
                perdes_date=data["perdes_date"],
            )
        except entry.EntryError as error:
            _error_to_form(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        return redirect("apbdes_admin:version", version_id=version.pk)


class DraftView(FinanceAdminView):
    """A view on one version of the person's villages; posting requires it to be a draft (else a message)."""

    def get_version(self):
        return get_object_or_404(
            BudgetVersion.objects.select_related("village"), pk=self.kwargs["version_id"]
        )

    def get_breadcrumbs_items(self):
        version = self.version
        return [
            *self.breadcrumbs_items,
            {"url": reverse("apbdes_admin:index"), "label": _("APBDes")},
            {"url": reverse("apbdes_admin:version", args=[version.pk]), "label": str(version)},
            {"url": "", "label": self.get_page_title()},
        ]

    def refuse_published(self):
        if self.version.is_published:
            messages.error(
                self.request,
                _(
                    "Versi ini sudah diterbitkan dan tidak diubah lagi. Buat koreksi bila angkanya perlu diperbaiki."
                ),
            )
            return redirect("apbdes_admin:version", version_id=self.version.pk)
        return None


class AccountsView(DraftView):
    """All the pendapatan or pembiayaan lines of a draft, as one table of rows."""

    template_name = "finance/admin/entry_lines.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.lines, self.kind, self.root, self.title = PARTS.get(kwargs["part"], (None,) * 4)

    def get_page_title(self):
        return self.title

    def formset(self, codes):
        kwargs = {"form_kwargs": {"codes": codes, "kind": self.kind, "root": self.root}, "prefix": "baris"}
        if self.request.method == "POST":
            return AccountFormSet(self.request.POST, **kwargs)
        lines = (self.version.income_lines if self.lines == "income" else self.version.financing_lines).all()
        initial = [{"code": x.code, "name": x.name, "amount": f"{x.amount}"} for x in lines]
        return AccountFormSet(initial=initial, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.lines is None:
            raise Http404
        self.version = self.get_version()
        return self.refuse_published() or super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        codes = kwargs.get("codes") or Codes.load()
        known = sorted((c, n) for c, n in codes.names.get(self.kind, {}).items() if c.count(".") >= 2)
        return {
            **super().get_context_data(**kwargs),
            "version": self.version,
            "formset": kwargs.get("formset") or self.formset(codes),
            "datalist_id": f"kode-{self.kind}",
            "known_codes": known,
        }

    def post(self, request, *args, **kwargs):
        if self.lines is None:
            raise Http404
        self.version = self.get_version()
        refused = self.refuse_published()
        if refused:
            return refused
        codes = Codes.load()
        formset = self.formset(codes)
        if formset.is_valid():
            try:
                entry.save_accounts(self.version.pk, self.lines, formset.rows())
            except entry.EntryError as error:
                formset._non_form_errors = formset.error_class([str(error)])
            else:
                messages.success(request, _("%(part)s disimpan di draf.") % {"part": self.title})
                return redirect("apbdes_admin:version", version_id=self.version.pk)
        return self.render_to_response(self.get_context_data(formset=formset, codes=codes))


class ActivityView(DraftView):
    """One kegiatan of a draft with its belanja lines (jenis belanja, sumber dana, anggaran)."""

    template_name = "finance/admin/entry_activity.html"

    def get_page_title(self):
        return _("Ubah kegiatan") if self.kwargs.get("budget_activity_id") else _("Tambah kegiatan")

    def get_activity(self):
        if "budget_activity_id" not in self.kwargs:
            return None
        return get_object_or_404(BudgetActivity, pk=self.kwargs["budget_activity_id"], version=self.version)

    def forms(self, codes):
        activity = self.get_activity()
        if self.request.method == "POST":
            return (
                activity,
                ActivityForm(self.request.POST, codes=codes),
                SpendingFormSet(self.request.POST, form_kwargs={"codes": codes}, prefix="belanja"),
            )
        initial, lines = {}, []
        if activity is not None:
            initial = {
                "code": activity.code,
                "name": activity.name,
                "location": activity.location,
                "volume": ""
                if activity.volume is None
                else f"{activity.volume.normalize():f}".replace(".", ","),
                "unit": activity.unit,
                "implementer": activity.implementer,
            }
            lines = [
                {"spending_type": x.spending_type, "fund_source": x.fund_source, "amount": f"{x.amount}"}
                for x in activity.lines.all()
            ]
        return (
            activity,
            ActivityForm(codes=codes, initial=initial),
            SpendingFormSet(initial=lines, form_kwargs={"codes": codes}, prefix="belanja"),
        )

    def get(self, request, *args, **kwargs):
        self.version = self.get_version()
        return self.refuse_published() or super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["activity"], kwargs["form"], kwargs["formset"] = self.forms(Codes.load())
        return {**super().get_context_data(**kwargs), "version": self.version}

    def post(self, request, *args, **kwargs):
        self.version = self.get_version()
        refused = self.refuse_published()
        if refused:
            return refused
        activity, form, formset = self.forms(Codes.load())
        if form.is_valid() and formset.is_valid():
            try:
                entry.save_activity(
                    self.version.pk, activity.pk if activity else None, form.data_object(), formset.rows()
                )
            except entry.EntryError as error:
                _error_to_form(form, error)
            else:
                messages.success(
                    request, _("Kegiatan %(code)s disimpan di draf.") % {"code": form.cleaned_data["code"]}
                )
                return redirect("apbdes_admin:version", version_id=self.version.pk)
        return self.render_to_response(self.get_context_data(activity=activity, form=form, formset=formset))


class DeleteActivityView(DraftView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.version = self.get_version()
        activity = get_object_or_404(BudgetActivity, pk=kwargs["budget_activity_id"], version=self.version)
        try:
            entry.delete_activity(self.version.pk, activity.pk)
        except entry.EntryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Kegiatan %(code)s dihapus dari draf.") % {"code": activity.code})
        return redirect("apbdes_admin:version", version_id=self.version.pk)


class NewRealisationView(DraftView):
    template_name = "finance/admin/entry_form.html"
    page_title = gettext_lazy("Isi realisasi di Sinergi")

    def get(self, request, *args, **kwargs):
        self.version = self.get_version()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "form": kwargs.get("form") or NewRealisationForm(),
            "intro": _(
                "Laporan realisasi %(version)s %(year)s: satu baris untuk setiap pendapatan, kegiatan dan "
                "pembiayaan. Isi yang sudah terealisasi, status setiap kegiatan, lalu terbitkan."
            )
            % {"version": self.version.label, "year": self.version.year},
            "action_url": self.request.path,
            "submit_button_label": _("Buat draf realisasi"),
        }

    def post(self, request, *args, **kwargs):
        self.version = self.get_version()
        form = NewRealisationForm(request.POST)
        if form.is_valid():
            try:
                realisation = entry.start_realisation(
                    self.version,
                    form.cleaned_data["period"],
                    request.user,
                    reason=form.cleaned_data["correction_reason"],
                )
            except entry.EntryError as error:
                _error_to_form(form, error)
            else:
                return redirect("apbdes_admin:realisation_entry", realisation_id=realisation.pk)
        return self.render_to_response(self.get_context_data(form=form))


class RealisedEntryView(FinanceAdminView):
    """Every row of a draft realisation report, to fill in at once."""

    template_name = "finance/admin/entry_realisation.html"

    def get_page_title(self):
        return _("Isi %(report)s") % {"report": self.realisation}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("apbdes_admin:index"), "label": _("APBDes")},
            {
                "url": reverse("apbdes_admin:realisation", args=[self.realisation.pk]),
                "label": str(self.realisation),
            },
            {"url": "", "label": _("Isi")},
        ]

    def load(self):
        self.realisation = get_object_or_404(
            Realisation.objects.select_related("version__village"), pk=self.kwargs["realisation_id"]
        )
        if self.realisation.is_published:
            messages.error(
                self.request,
                _("Realisasi ini sudah diterbitkan dan tidak diubah lagi. Buat koreksi bila perlu."),
            )
            return redirect("apbdes_admin:realisation", realisation_id=self.realisation.pk)
        return None

    def forms(self):
        figures = totals.figures(self.realisation.version)
        budget = {("pendapatan", x.code): (x.amount, f"{x.code} {x.name}") for x in figures.income_lines}
        budget.update(
            {("pembiayaan", x.code): (x.amount, f"{x.code} {x.name}") for x in figures.financing_lines}
        )
        budget.update(
            {
                ("belanja", row.activity.code): (row.amount, f"{row.activity.code} {row.activity.name}")
                for row in figures.activities
            }
        )
        data = self.request.POST if self.request.method == "POST" else None
        groups = {part: [] for part in RealisationItem.Part.values}
        for item in self.realisation.items.all():
            amount, label = budget.get((item.part, item.code), (0, item.code))
            initial = {"amount": f"{item.amount}", "status": item.status, "note": item.note}
            groups[item.part].append(
                RealisedForm(data, item=item, budget=amount, label=label, initial=initial)
            )
        return groups

    def get(self, request, *args, **kwargs):
        return self.load() or super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        groups = kwargs.get("groups") or self.forms()
        return {
            **super().get_context_data(**kwargs),
            "realisation": self.realisation,
            "groups": [(RealisationItem.Part(part).label, forms) for part, forms in groups.items() if forms],
            "has_errors": kwargs.get("has_errors", False),
        }

    def post(self, request, *args, **kwargs):
        refused = self.load()
        if refused:
            return refused
        groups = self.forms()
        forms = [f for group in groups.values() for f in group]
        if all(f.is_valid() for f in forms):
            try:
                entry.save_realised(self.realisation.pk, {f.item.pk: f.value() for f in forms})
            except entry.EntryError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Realisasi disimpan di draf. Periksa lalu terbitkan."))
                return redirect("apbdes_admin:realisation", realisation_id=self.realisation.pk)
        return self.render_to_response(self.get_context_data(groups=groups, has_errors=True))
