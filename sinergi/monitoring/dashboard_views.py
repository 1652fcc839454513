"""The index dashboards in the Wagtail admin (/admin/dasbor-indeks/): the regency's and the kecamatan's.

A regency admin reads every village of its regency, a kecamatan viewer the villages of its kecamatan
(`accounts.access.viewable_district_ids`); nothing here changes anything (GET only). Each view runs
inside `viewable_scope(user)`, so a score of a village outside the person's kecamatan is not found.
"""

import datetime as dt
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.access import (
    may_view_index,
    viewable_district_ids,
    viewable_scope,
)
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.monitoring import dashboard
from sinergi.monitoring.bands import BANDS
from sinergi.monitoring.dashboard_charts import band_colour, band_distribution, trend_bars
from sinergi.monitoring.models import BLOCK_TITLES, BLOCKS, Score
from sinergi.regions.models import Village

PER_PAGE = 100


def today() -> dt.date:
    return timezone.localdate()


class IndexReaderView(VillageStaffView):
    """Base: regency admins and kecamatan viewers; GET only; the scope of the villages they may read."""

    http_method_names = ["get"]
    scoped = False
    section_label = gettext_lazy("Indeks desa")
    section_url_name = "monitoring_dashboard:index"
    header_icon = "table"

    def has_access(self, user) -> bool:
        return may_view_index(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_access(request.user):
            return super().dispatch(request, *args, **kwargs)  # the base's 403
        with viewable_scope(request.user):
            return super().dispatch(request, *args, **kwargs)

    def district_choice(self, raw: str, district_ids):
        """The kecamatan chosen in the query string, if it is one the person may read."""
        try:
            district_id = int(raw)
        except (TypeError, ValueError):
            return None
        if district_ids is not None and district_id not in district_ids:
            return None
        return district_id


class DashboardView(IndexReaderView):
    template_name = "monitoring/dashboard.html"
    page_title = gettext_lazy("Indeks keterbukaan desa")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        district_ids = viewable_district_ids(request.user)
        district_id = self.district_choice(request.GET.get("kecamatan"), district_ids)
        band = request.GET.get("kategori", "")
        if band not in {b.code for b in BANDS} | {"belum"}:
            band = ""
        sort_key, descending = dashboard.parse_sort(request.GET.get("urut", ""))
        sort = f"{'-' if descending else ''}{sort_key}"

        all_rows = dashboard.rows(district_ids, today())
        in_district = dashboard.filter_rows(all_rows, district_id)
        shown = dashboard.sort_rows(dashboard.filter_rows(in_district, band=band), sort)
        page = Paginator(shown, PER_PAGE).get_page(request.GET.get("p"))
        distribution = dashboard.distribution(in_district)

        kept = {k: v for k, v in (("kecamatan", district_id), ("kategori", band)) if v}
        columns = []
        for key, (label, _value) in dashboard.COLUMNS.items():
            next_sort = key if sort == f"-{key}" else f"-{key}"
            columns.append(
                {
                    "key": key,
                    "label": label,
                    "title": BLOCK_TITLES.get(key.removeprefix("blok_").upper(), "")
                    if key.startswith("blok_")
                    else "",
                    "url": "?" + urlencode({**kept, "urut": next_sort}),
                    "sorted": "descending" if sort == f"-{key}" else "ascending" if sort == key else "",
                }
            )
        districts = dashboard.districts(district_ids)
        context.update(
            {
                "rows": page.object_list,
                "page_obj": page,
                "page_query": urlencode({**kept, "urut": sort}),
                "count": len(shown),
                "all_count": len(in_district),
                "columns": columns,
                "districts": districts,
                "district_id": district_id,
                "bands": [(b.code, b.label, band_colour(b.code)) for b in BANDS],
                "band": band,
                "sort": sort,
                "distribution": distribution,
                "chart": band_distribution(distribution) if distribution else "",
                "blocks": BLOCKS,
                "export_query": urlencode(kept),
                "report_districts": [d for d in districts if district_id in (None, d.pk)],
            }
        )
        return context


class VillageIndexView(IndexReaderView):
    template_name = "monitoring/dashboard_village.html"

    def get(self, request, village_id):
        district_ids = viewable_district_ids(request.user)
        villages = Village.objects.select_related("district")
        if district_ids is not None:
            villages = villages.filter(district_id__in=district_ids)
        self.village = villages.filter(pk=village_id).first()
        if self.village is None:
            raise Http404
        return super().get(request, village_id=village_id)

    def get_page_title(self):
        return self.village.display_name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        score = Score.objects.filter(village=self.village).select_related("ruleset").order_by("-day").first()
        points = dashboard.trend(self.village.pk, today())
        context.update(
            {
                "village": self.village,
                "score": score,
                "band_label": dashboard.BY_CODE[score.band].label
                if score and score.band in dashboard.BY_CODE
                else "",
                "blocks": [(b, BLOCK_TITLES[b], score.block_decimal(b) if score else None) for b in BLOCKS],
                "items": dashboard.items(score) if score else [],
                "points": points,
                "trend_chart": trend_bars(points),
                "report_url": reverse("monitoring_dashboard:report", args=[self.village.district_id]),
            }
        )
        return context


class ExportView(IndexReaderView):
    """Scores with block scores ("nilai"), or every village's missing items ("kekurangan"), as CSV or
    Excel, for the kecamatan and band chosen on the dashboard."""

    KINDS = {"nilai", "kekurangan"}

    def get(self, request, kind, fmt):
        from django.http import HttpResponse, StreamingHttpResponse

        from sinergi.monitoring import exports

        if kind not in self.KINDS or fmt not in {"csv", "xlsx"}:
            raise Http404
        district_ids = viewable_district_ids(request.user)
        district_id = self.district_choice(request.GET.get("kecamatan"), district_ids)
        band = request.GET.get("kategori", "")
        rows = dashboard.rows([district_id] if district_id else district_ids, today())
        rows = dashboard.sort_rows(dashboard.filter_rows(rows, band=band), "kecamatan")
        if kind == "nilai":
            header, body = exports.score_header(), exports.score_rows(rows)
            title = _("Nilai indeks")
        else:
            header, body = exports.missing_header(), exports.missing_rows(rows)
            title = _("Kekurangan")
        filename = f"indeks-{kind}-{today().isoformat()}.{fmt}"
        if fmt == "csv":
            # The rows are read while the response streams: keep the scope open for the generator.
            response = StreamingHttpResponse(
                _scoped(request.user, exports.csv_stream(header, body)),
                content_type="text/csv; charset=utf-8",
            )
        else:
            response = HttpResponse(
                exports.xlsx_bytes(title, header, body),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def _scoped(user, chunks):
    with viewable_scope(user):
        yield from chunks


class ReportView(IndexReaderView):
    """The meeting report of one kecamatan (PDF, A4)."""

    def get(self, request, district_id):
        from django.http import HttpResponse

        from sinergi.monitoring import report
        from sinergi.regions.models import District

        district_ids = viewable_district_ids(request.user)
        if district_ids is not None and district_id not in district_ids:
            raise Http404
        district = District.objects.select_related("regency").filter(pk=district_id).first()
        if district is None:
            raise Http404
        data = report.render(district, today(), regency_name=district.regency.name)
        response = HttpResponse(data, content_type="application/pdf")
        slug = district.name.lower().replace(" ", "-")
        response["Content-Disposition"] = (
            f'attachment; filename="indeks-kecamatan-{slug}-{today().isoformat()}.pdf"'
        )
        return response
