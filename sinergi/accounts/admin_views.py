"""The base of every Sinergi screen in the Wagtail admin that works on village data (KIM, PPID, DIP,
complaints, APBDes, the index).

`VillageStaffView` lets in whoever manages at least one village (or a narrower `has_access`), runs
the view *and renders its template* inside `managed_scope(user)`, so every query on village-owned data
(django-scopes) is limited to the villages that person manages: another village's object is simply not
found (404). A refused person gets a plain 403 with an Indonesian sentence: Wagtail would turn a
PermissionDenied into a redirect to the dashboard, which hides what happened.
"""

from django.http import Http404, HttpResponseForbidden
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

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
