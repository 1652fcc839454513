"""The DIP in the Wagtail admin: the regency's catalogue (regency admins) and each village's entries
(the village's operators, and the regency admin for every village of its regency)."""

from django import forms
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scope
from wagtail.admin import messages
from wagtail.documents import get_document_model
from wagtail.models import Page

from sinergi.accounts.access import managed_villages, may_manage
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.casework.admin import RegencyRulesViewSet
from sinergi.core.cache import invalidate_public_pages
from sinergi.ppid.dip_catalogue import ensure_entries
from sinergi.ppid.dip_models import DipEntry, DipItem, InfoClass
from sinergi.regions.models import Village

# --------------------------------------------------------------------------- the regency's catalogue


class DipCatalogueViewSet(RegencyRulesViewSet):
    model = DipItem
    icon = "list-ul"
    menu_label = gettext_lazy("Katalog DIP")
    form_fields = [
        "regency",
        "info_class",
        "title",
        "description",
        "source",
        "needs_check",
        "period",
        "order",
        "active",
    ]
    list_display = ["title", "info_class", "source", "needs_check", "period", "active"]
    list_filter = ["info_class", "needs_check", "active"]
    search_fields = ["title", "source"]


# --------------------------------------------------------------------------- the village's entries


class DipAdminView(VillageStaffView):
    """A page for staff who manage at least one village; objects outside their villages answer 404.

    Not run in the managed scope: each view opens the scope of the one village it shows."""

    header_icon = "list-ul"
    page_title = gettext_lazy("Daftar Informasi Publik")
    scoped = False

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("ppid_dip_admin:index"), "label": _("Daftar Informasi Publik")},
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self):
        return []

    def managed_village(self, village_id) -> Village:
        village = (
            Village.objects.select_related("district", "page", "collection").filter(pk=village_id).first()
        )
        if village is None or not may_manage(self.request.user, village):
            raise Http404
        return village


class VillagesView(DipAdminView):
    """The villages the user manages, with how much of each DIP is filled; one village goes straight in."""

    template_name = "ppid/dip/admin/villages.html"

    def get(self, request, *args, **kwargs):
        villages = list(managed_villages(request.user).order_by("name"))
        if len(villages) == 1:
            return redirect("ppid_dip_admin:village", village_id=villages[0].pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        villages = managed_villages(self.request.user).order_by("district__name", "name")
        with scope(village=list(villages.values_list("pk", flat=True))):
            filled = dict(
                DipEntry.objects.filter(item__active=True)
                .values("village")
                .annotate(n=Count("pk", filter=Q(page__isnull=False) | Q(document__isnull=False)))
                .values_list("village", "n")
            )
        context["rows"] = [(village, filled.get(village.pk, 0)) for village in villages]
        return context


class VillageEntriesView(DipAdminView):
    template_name = "ppid/dip/admin/entries.html"

    def get_page_title(self):
        return _("DIP %(village)s") % {"village": self.village.display_name}

    def get(self, request, village_id, *args, **kwargs):
        self.village = self.managed_village(village_id)
        ensure_entries(villages=[self.village])  # first use: every catalogue item has its entry
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from sinergi.ppid.dip_services import dip_sections

        context = super().get_context_data(**kwargs)
        context["village"] = self.village
        context["sections"] = dip_sections(self.village, self.request)
        context["public_url"] = _public_dip_url(self.village)
        return context


def _public_dip_url(village) -> str:
    from sinergi.ppid.models import PpidPage

    page = PpidPage.objects.filter(village=village).first()
    return f"{page.url}dip/" if page is not None and page.url else ""


class EntryForm(forms.ModelForm):
    class Meta:
        model = DipEntry
        fields = ["page", "document", "note", "updated_on"]
        widgets = {"updated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "page": gettext_lazy("Halaman website desa yang memuat informasi ini."),
            "document": gettext_lazy("Atau dokumen dari koleksi dokumen desa."),
            "updated_on": gettext_lazy("Kosong saat ada tautan: diisi tanggal hari ini."),
        }

    def __init__(self, *args, village, **kwargs):
        super().__init__(*args, **kwargs)
        home = village.page
        self.fields["page"].queryset = (
            Page.objects.filter(path__startswith=home.path, depth__gt=home.depth).live().order_by("path")
            if home is not None
            else Page.objects.none()
        )
        self.fields["page"].label_from_instance = lambda page: (
            "— " * max(page.depth - home.depth - 1, 0) + page.title
        )
        self.fields["document"].queryset = (
            get_document_model()
            .objects.filter(collection__path__startswith=village.collection.path)
            .order_by("title")
            if village.collection is not None
            else get_document_model().objects.none()
        )

    def clean_updated_on(self):
        updated_on = self.cleaned_data.get("updated_on")
        if updated_on and updated_on > timezone.localdate():
            raise forms.ValidationError(_("Tanggal pembaruan tidak boleh di masa depan."))
        return updated_on

    def clean(self):
        data = super().clean()
        if (data.get("page") or data.get("document")) and not data.get("updated_on"):
            data["updated_on"] = timezone.localdate()
        return data


class EntryEditView(DipAdminView):
    template_name = "ppid/dip/admin/entry_form.html"

    def setup_entry(self, entry_id):
        with scope(village=sorted(managed_villages(self.request.user).values_list("pk", flat=True))):
            entry = DipEntry.objects.select_related("item").filter(pk=entry_id).first()
        if entry is None:
            raise Http404
        self.village = self.managed_village(entry.village_id)
        self.entry = entry

    def get_page_title(self):
        return self.entry.item.title

    def extra_breadcrumbs(self):
        url = reverse("ppid_dip_admin:village", kwargs={"village_id": self.village.pk})
        return [{"url": url, "label": self.village.display_name}]

    def get(self, request, entry_id, *args, **kwargs):
        self.setup_entry(entry_id)
        return self.render_to_response(
            self.get_context_data(form=EntryForm(instance=self.entry, village=self.village))
        )

    def post(self, request, entry_id, *args, **kwargs):
        self.setup_entry(entry_id)
        form = EntryForm(request.POST, instance=self.entry, village=self.village)
        if form.is_valid():
            with scope(village=self.village):
                form.save()
            invalidate_public_pages()
            messages.success(request, _("Isian DIP disimpan."))
            return redirect("ppid_dip_admin:village", village_id=self.village.pk)
        messages.validation_error(request, _("Data belum bisa disimpan; periksa isian yang ditandai."), form)
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(entry=self.entry, village=self.village, action_url=self.request.get_full_path())
        context["info_class_label"] = InfoClass(self.entry.item.info_class).label
        return context


app_name = "ppid_dip_admin"
urlpatterns = [
    path("", VillagesView.as_view(), name="index"),
    path("desa/<int:village_id>/", VillageEntriesView.as_view(), name="village"),
    path("isian/<int:entry_id>/", EntryEditView.as_view(), name="entry"),
]
