"""The operator's and the regency's APBDes screens in the Wagtail admin (/admin/apbdes/).

Every view runs inside `managed_scope(user)` (sinergi.accounts.access): another village's import,
version or realisation is simply not found (404). Nothing of a budget is saved before the operator
confirms a previewed import; published figures change only through a new version or a correction.
"""

from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled
from wagtail.admin import messages

from sinergi.accounts.access import is_regency_admin, managed_villages
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.finance import regency, services, totals
from sinergi.finance.admin_forms import CodeForm, ImportForm, PerdesForm
from sinergi.finance.models import BudgetCode, BudgetEvent, BudgetImport, BudgetVersion, Realisation
from sinergi.finance.public import summary_rows
from sinergi.finance.template import build_csv, build_workbook
from sinergi.finance.workbook import WorkbookRefused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_LIMIT = 100


def attachment(data, content_type, filename):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class FinanceAdminView(VillageStaffView):
    """A page for staff who manage at least one village, run inside the scope of those villages."""

    header_icon = "table"
    section_label = gettext_lazy("APBDes")
    section_url_name = "apbdes_admin:index"


class IndexView(FinanceAdminView):
    template_name = "finance/admin/index.html"
    page_title = gettext_lazy("APBDes")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        # The latest first; a regency admin sees every village's, so the list is capped (the regency
        # view is their overview).
        versions = BudgetVersion.objects.select_related("village", "created_by").order_by(
            "-created_at", "-pk"
        )[:LIST_LIMIT]
        realisations = Realisation.objects.select_related("version__village").order_by("-created_at", "-pk")[
            :LIST_LIMIT
        ]
        pending = (
            BudgetImport.objects.filter(state=BudgetImport.State.PENDING)
            .select_related("village")
            .order_by("-uploaded_at")[:20]
        )
        return {
            **super().get_context_data(**kwargs),
            "versions": versions,
            "realisations": realisations,
            "pending": pending,
            "regency_admin": is_regency_admin(self.request.user),
        }


class TemplateDownloadView(FinanceAdminView):
    def get(self, request, *args, **kwargs):
        data = build_workbook(codes=BudgetCode.objects.filter(is_active=True))
        return attachment(data, XLSX, "templat-apbdes.xlsx")


class ImportView(FinanceAdminView):
    template_name = "finance/admin/import.html"
    page_title = gettext_lazy("Impor APBDes dari Excel")

    def form(self):
        villages = managed_villages(self.request.user)
        if self.request.method == "POST":
            return ImportForm(self.request.POST, self.request.FILES, villages=villages)
        initial = {}
        if self.request.GET.get("ulang"):
            try:
                again = BudgetImport.objects.get(pk=int(self.request.GET["ulang"]))
                initial = {
                    "village": again.village_id,
                    "year": again.year,
                    "target": again.target,
                    "perdes_number": again.perdes_number,
                    "perdes_date": again.perdes_date,
                    "correction_reason": again.correction_reason,
                }
            except (ValueError, BudgetImport.DoesNotExist):
                initial = {}
        elif villages.count() == 1:
            initial = {"village": villages.first().pk}
        return ImportForm(villages=villages, initial=initial)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "form": kwargs.get("form") or self.form(),
            "action_url": reverse("apbdes_admin:import"),
            "submit_button_label": _("Unggah dan pratinjau"),
        }

    def post(self, request, *args, **kwargs):
        form = self.form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        budget_import = BudgetImport(
            village=data["village"],
            year=data["year"],
            target=data["target"],
            correction_reason=data["correction_reason"].strip(),
            perdes_number=data["perdes_number"].strip(),
            perdes_date=data["perdes_date"],
            original_name=data["file"].name[:255],
            uploaded_by=request.user,
        )
        budget_import.file.save("impor.xlsx", ContentFile(form.data_bytes), save=False)
        budget_import.save()
        return redirect("apbdes_admin:preview", import_id=budget_import.pk)


class PreviewView(FinanceAdminView):
    template_name = "finance/admin/preview.html"
    page_title = gettext_lazy("Pratinjau impor")

    def get_object(self):
        return get_object_or_404(BudgetImport.objects.select_related("village"), pk=self.kwargs["import_id"])

    def get_context_data(self, **kwargs):
        budget_import = self.get_object()
        context = {**super().get_context_data(**kwargs), "import": budget_import}
        if budget_import.state == BudgetImport.State.SAVED:
            return context
        try:
            parsed = services.parse_import(budget_import)
        except WorkbookRefused as refused:  # the file was checked at upload; a changed storage still answers
            context["refused"] = str(refused)
            return context
        context["parsed"] = parsed
        context["summary"] = [
            (_("Pendapatan"), parsed.total_income),
            (_("Belanja"), parsed.total_spending),
            (_("Surplus/(Defisit)"), parsed.total_income - parsed.total_spending),
            (_("Penerimaan pembiayaan"), parsed.financing_in),
            (_("Pengeluaran pembiayaan"), parsed.financing_out),
            (_("Pembiayaan netto"), parsed.financing_in - parsed.financing_out),
            (
                _("SiLPA tahun berjalan"),
                parsed.total_income - parsed.total_spending + parsed.financing_in - parsed.financing_out,
            ),
        ]
        if budget_import.is_realisation:
            context["summary"] = [
                (_("Realisasi pendapatan"), sum(r.amount for r in parsed.realised if r.part == "pendapatan")),
                (_("Realisasi belanja"), sum(r.amount for r in parsed.realised if r.part == "belanja")),
                (_("Realisasi pembiayaan"), sum(r.amount for r in parsed.realised if r.part == "pembiayaan")),
            ]
        return context

    def post(self, request, *args, **kwargs):
        budget_import = self.get_object()
        try:
            budget_import = services.confirm_import(budget_import.pk, request.user)
        except (services.NotConfirmed, WorkbookRefused) as error:
            messages.error(request, str(error))
            return redirect("apbdes_admin:preview", import_id=budget_import.pk)
        messages.success(request, _("Tersimpan sebagai draf. Periksa lalu terbitkan."))
        if budget_import.realisation_id:
            return redirect("apbdes_admin:realisation", realisation_id=budget_import.realisation_id)
        if budget_import.version_id:
            return redirect("apbdes_admin:version", version_id=budget_import.version_id)
        return redirect("apbdes_admin:index")


class VersionView(FinanceAdminView):
    template_name = "finance/admin/version.html"

    def get_object(self):
        return get_object_or_404(
            BudgetVersion.objects.select_related("village", "created_by", "published_by", "corrects"),
            pk=self.kwargs["version_id"],
        )

    def get_page_title(self):
        return str(self.version)

    def get(self, request, *args, **kwargs):
        self.version = self.get_object()
        export = request.GET.get("format")
        if export in ("xlsx", "csv"):
            figures = totals.figures(self.version)
            name = f"{self.version.village.code}-apbdes-{self.version.year}-v{self.version.number}.{export}"
            if export == "csv":
                return attachment(build_csv(figures), "text/csv; charset=utf-8", name)
            return attachment(
                build_workbook(self.version, figures, None, BudgetCode.objects.filter(is_active=True)),
                XLSX,
                name,
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        figures = totals.figures(self.version)
        return {
            **super().get_context_data(**kwargs),
            "version": self.version,
            "figures": figures,
            "summary": summary_rows(figures),
            "events": BudgetEvent.objects.filter(version=self.version).select_related("by"),
            "realisations": Realisation.objects.filter(version=self.version),
            "public_url": _public_url(self.version),
        }


def _public_url(version) -> str:
    from sinergi.finance.models import TransparencyPage

    page = TransparencyPage.objects.filter(village=version.village).live().first()
    return f"{page.url}tahun/{version.year}/versi/{version.number}/" if page and version.is_published else ""


class PerdesView(FinanceAdminView):
    template_name = "finance/admin/code_form.html"
    page_title = gettext_lazy("Perdes APBDes")

    def get_object(self):
        return get_object_or_404(
            BudgetVersion.objects.select_related("village__collection"), pk=self.kwargs["version_id"]
        )

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or PerdesForm(instance=self.get_object())
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "action_url": self.request.path,
            "submit_button_label": _("Simpan"),
        }

    def post(self, request, *args, **kwargs):
        form = PerdesForm(request.POST, instance=self.get_object())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        version = form.save()
        messages.success(request, _("Perdes disimpan."))
        return redirect("apbdes_admin:version", version_id=version.pk)


class PublishVersionView(FinanceAdminView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        version = get_object_or_404(BudgetVersion, pk=kwargs["version_id"])
        try:
            services.publish_version(version.pk, request.user)
            messages.success(request, _("%(version)s diterbitkan.") % {"version": version})
        except services.PublishError as error:
            messages.error(request, str(error))
        return redirect("apbdes_admin:version", version_id=version.pk)


class DeleteVersionView(FinanceAdminView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        version = get_object_or_404(BudgetVersion, pk=kwargs["version_id"])
        try:
            services.delete_draft(version, request.user)
        except services.PublishError as error:
            messages.error(request, str(error))
            return redirect("apbdes_admin:version", version_id=version.pk)
        messages.success(request, _("Draf dihapus."))
        return redirect("apbdes_admin:index")


class RealisationView(FinanceAdminView):
    template_name = "finance/admin/realisation.html"

    def get_page_title(self):
        return str(self.realisation)

    def get(self, request, *args, **kwargs):
        self.realisation = get_object_or_404(
            Realisation.objects.select_related("version__village", "created_by", "published_by"),
            pk=kwargs["realisation_id"],
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        figures = totals.figures(self.realisation.version, self.realisation)
        return {
            **super().get_context_data(**kwargs),
            "realisation": self.realisation,
            "figures": figures,
            "events": BudgetEvent.objects.filter(realisation=self.realisation).select_related("by"),
        }


class PublishRealisationView(FinanceAdminView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        realisation = get_object_or_404(Realisation, pk=kwargs["realisation_id"])
        try:
            services.publish_realisation(realisation.pk, request.user)
            messages.success(request, _("Realisasi diterbitkan."))
        except services.PublishError as error:
            messages.error(request, str(error))
        return redirect("apbdes_admin:realisation", realisation_id=realisation.pk)


class DeleteRealisationView(FinanceAdminView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        realisation = get_object_or_404(
            Realisation.objects.select_related("version"), pk=kwargs["realisation_id"]
        )
        try:
            services.delete_draft(realisation, request.user)
        except services.PublishError as error:
            messages.error(request, str(error))
            return redirect("apbdes_admin:realisation", realisation_id=realisation.pk)
        messages.success(request, _("Draf dihapus."))
        return redirect("apbdes_admin:index")


# --------------------------------------------------------------------------- the regency


class RegencyOnly(FinanceAdminView):
    def has_access(self, user) -> bool:
        return is_regency_admin(user)


class RegencyView(RegencyOnly):
    template_name = "finance/admin/regency.html"
    page_title = gettext_lazy("APBDes se-kabupaten")

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        try:
            self.year = int(request.GET.get("tahun", today.year))
        except ValueError:
            self.year = today.year
        if not 2000 <= self.year <= today.year + 1:
            self.year = today.year
        villages = regency.regency_villages(request.user)
        rows = regency.village_rows(villages, self.year, today)
        self.rows, self.sort = regency.sort_rows(rows, request.GET.get("sort", "desa"))
        self.districts = regency.district_totals(rows)
        if request.GET.get("format") == "xlsx":
            return attachment(
                regency.as_xlsx(self.rows, self.districts, self.year),
                XLSX,
                f"apbdes-kabupaten-{self.year}.xlsx",
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        with scopes_disabled():
            events = list(
                BudgetEvent.objects.filter(
                    year=self.year, village__in=regency.regency_villages(self.request.user)
                ).select_related("village", "by")[:50]
            )
        rows = self.rows
        return {
            **super().get_context_data(**kwargs),
            "year": self.year,
            "years": range(timezone.localdate().year + 1, timezone.localdate().year - 5, -1),
            "rows": rows,
            "districts": self.districts,
            "total": regency.regency_total(self.districts),
            "field_codes": totals.FIELDS,
            "sort": self.sort,
            "published": sum(1 for r in rows if r["version"]),
            "with_realisation": sum(1 for r in rows if r["realisation"]),
            "late": [r for r in rows if r["late"]],
            "events": events,
            "columns": [
                ("desa", _("Desa")),
                ("pendapatan", _("Pendapatan")),
                ("dana_desa", _("Dana Desa")),
                ("belanja", _("Belanja")),
                ("realisasi", _("Realisasi")),
                ("terbit", _("Diterbitkan")),
            ],
        }


class CodeListView(RegencyOnly):
    template_name = "finance/admin/codes.html"
    page_title = gettext_lazy("Kode APBDes")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "codes": BudgetCode.objects.all()}


class CodeEditView(RegencyOnly):
    template_name = "finance/admin/code_form.html"

    def get_page_title(self):
        return _("Ubah kode") if self.kwargs.get("code_id") else _("Tambah kode")

    def get_instance(self):
        if "code_id" in self.kwargs:
            return get_object_or_404(BudgetCode, pk=self.kwargs["code_id"])
        return BudgetCode()

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or CodeForm(instance=self.get_instance())
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "action_url": self.request.path,
            "submit_button_label": _("Simpan"),
        }

    def post(self, request, *args, **kwargs):
        form = CodeForm(request.POST, instance=self.get_instance())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, _("Kode disimpan."))
        return redirect("apbdes_admin:codes")
