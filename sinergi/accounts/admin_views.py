"""The base of every Sinergi screen in the Wagtail admin that works on village data (KIM, PPID, DIP,
complaints, APBDes, the index).

`VillageStaffView` lets in whoever manages at least one village (or a narrower `has_access`), runs
the view *and renders its template* inside `managed_scope(user)`, so every query on village-owned data
(django-scopes) is limited to the villages that person manages: another village's object is simply not
found (404). A refused person gets a plain 403 with an Indonesian sentence: Wagtail would turn a
PermissionDenied into a redirect to the dashboard, which hides what happened.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseForbidden
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from sinergi.accounts.access import managed_scope, manages_any_village


class VillageStaffView(WagtailAdminTemplateMixin, TemplateView):
    http_method_names = ["get", "post"]
    # The feature's first breadcrumb (its list or queue); the page's own title follows it.
    section_label = ""
    section_url_name = ""
    # False for a view that opens the scope of one village itself (e.g. the DIP of a chosen village).
    scoped = True
    refused_message = ""

    def has_access(self, user) -> bool:
        return manages_any_village(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_access(request.user):
            return HttpResponseForbidden(
                self.refused_message or _("Maaf, Anda tidak berhak membuka halaman ini.")
            )
        if not self.scoped:
            return self._rendered(super().dispatch(request, *args, **kwargs))
        with managed_scope(request.user):
            # Templates read scoped querysets: render while the scope is active.
            return self._rendered(super().dispatch(request, *args, **kwargs))

    @staticmethod
    def _rendered(response):
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            response.render()
        return response

    def post(self, request, *args, **kwargs):
        raise Http404

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.section_url_name:
            items.append({"url": reverse(self.section_url_name), "label": self.section_label})
        return [*items, *self.extra_breadcrumbs(), {"url": "", "label": self.get_page_title()}]

    def extra_breadcrumbs(self) -> list[dict]:
        return []


# --------------------------------------------------------------------------- rule screens of a regency


class ScopedRows:
    """A ModelViewSet's views that list and open only the rows its permission policy grants the user
    (the policy decides per row: a regency admin's own regency); any other row answers 403."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["change"])

    def get_object(self, *args, **kwargs):
        row = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", row):
            raise PermissionDenied
        return row


class ScopedIndexView(ScopedRows, generic.IndexView):
    pass


class ScopedEditView(ScopedRows, generic.EditView):
    pass


class ScopedDeleteView(ScopedRows, generic.DeleteView):
    pass


class ScopedHistoryView(ScopedRows, generic.HistoryView):
    pass


class ScopedUsageView(ScopedRows, generic.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """The base of the regency's rule screens (casework) and of the kecamatan viewers' screen."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
