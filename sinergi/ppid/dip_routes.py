"""Public routes of the Daftar Informasi Publik under the village's PPID section."""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path


class DipRoutes:
    """Mixed into ppid.PpidPage: the DIP and its downloads (no forms: these pages may be cached)."""

    def _dip_village(self):
        from sinergi.regions.models import Village

        village = Village.objects.select_related("district").filter(pk=self.village_id).first()
        if village is None:
            raise Http404
        return village

    @path("dip/", name="dip")
    def dip_view(self, request):
        from sinergi.ppid.dip_services import dip_sections, last_update

        village = self._dip_village()
        sections = dip_sections(village, request)
        context = self.get_context(request)
        context.update(
            {
                "village": village,
                "sections": sections,
                "last_update": last_update(sections),
                "today": timezone.localdate(),
            }
        )
        return TemplateResponse(request, "ppid/dip/dip_page.html", context)

    def _dip_download(self, request, kind):
        from sinergi.casework.notify import absolute
        from sinergi.ppid.dip_services import as_csv, as_xlsx, dip_sections

        village = self._dip_village()
        sections = dip_sections(village, request)
        name = f"dip-{slugify(village.name)}-{timezone.localdate():%Y%m%d}"
        if kind == "csv":
            response = HttpResponse(as_csv(sections, absolute), content_type="text/csv; charset=utf-8")
        else:
            title = _("Daftar Informasi Publik %(village)s") % {"village": village.display_name}
            response = HttpResponse(
                as_xlsx(sections, absolute, title),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
        return response

    @path("dip/excel/", name="dip_xlsx")
    def dip_xlsx_view(self, request):
        return self._dip_download(request, "xlsx")

    @path("dip/csv/", name="dip_csv")
    def dip_csv_view(self, request):
        return self._dip_download(request, "csv")
