"""Admin screens of the index for the village: its score and missing items, and recomputing it now."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.access import managed_villages, may_manage
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.core import throttle
from sinergi.monitoring.compute import compute_scores
from sinergi.monitoring.panel import village_index
from sinergi.regions.models import Village

# Recomputing one village takes well under a second; ten a quarter-hour per user is plenty to see a
# fix counted and keeps a double-clicking or scripted button from loading the server.
RECOMPUTE_LIMIT = 10
RECOMPUTE_WINDOW = 15 * 60


class VillageIndexView(VillageStaffView):
    """The whole list of what a village still lacks (the home panel shows the first items)."""

    template_name = "monitoring/admin/village.html"
    page_title = gettext_lazy("Indeks keterbukaan desa")
    header_icon = "doc-full-inverse"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        village = get_object_or_404(managed_villages(self.request.user), pk=self.kwargs["village_id"])
        context["index"] = village_index(village)
        return context


class RecomputeView(VillageStaffView):
    """POST: compute the village's score for today at once (only a village the user manages)."""

    http_method_names = ["post"]

    def post(self, request, village_id):
        if not may_manage(request.user, village_id):
            raise Http404
        village = get_object_or_404(Village.objects.select_related("district__regency"), pk=village_id)
        if not throttle.hit(f"index-recompute:{request.user.pk}", RECOMPUTE_LIMIT, RECOMPUTE_WINDOW):
            messages.error(request, _("Terlalu sering menghitung ulang. Coba lagi beberapa menit lagi."))
        else:
            compute_scores(village.district.regency, villages=[village])
            messages.success(
                request, _("Nilai %(village)s sudah dihitung ulang.") % {"village": village.name}
            )
        target = request.POST.get("next", "")
        if target.startswith("/admin/") and "//" not in target:
            return redirect(target)
        return redirect("wagtailadmin_home")
