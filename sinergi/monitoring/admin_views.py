"""Admin screens of the index for the village: its score and missing items, and recomputing it now."""

import json
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sinergi.accounts.access import administered_regencies, is_regency_admin, managed_villages, may_manage
from sinergi.accounts.admin_views import VillageStaffView
from sinergi.core import throttle
from sinergi.core.cache import invalidate_public_pages
from sinergi.monitoring.compute import compute_scores
from sinergi.monitoring.models import IndexSettings
from sinergi.monitoring.panel import village_index
from sinergi.monitoring.rulesets import new_version
from sinergi.monitoring.seed import ensure_ruleset
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


class RulesView(VillageStaffView):
    """The regency admin's rule set: weights and parameters (a change saves a new version) and the
    public ranking switch."""

    template_name = "monitoring/admin/rules.html"
    page_title = gettext_lazy("Aturan indeks keterbukaan")
    header_icon = "cogs"
    scoped = False

    def has_access(self, user) -> bool:
        return is_regency_admin(user)

    def regency(self):
        regency = administered_regencies(self.request.user).order_by("code").first()
        if regency is None:
            raise Http404
        return regency

    def get_context_data(self, errors=None, **kwargs):
        context = super().get_context_data(**kwargs)
        regency = self.regency()
        ruleset = ensure_ruleset(regency)
        context.update(
            regency=regency,
            ruleset=ruleset,
            rules=[(rule, json.dumps(rule.params, ensure_ascii=False)) for rule in ruleset.rules.all()],
            settings=IndexSettings.for_regency(regency),
            errors=errors or [],
            versions=regency.index_rulesets.order_by("-version")[:10],
        )
        return context

    def post(self, request, *args, **kwargs):
        regency = self.regency()
        ruleset = ensure_ruleset(regency)
        changes, errors = {}, []
        for rule in ruleset.rules.all():
            try:
                weight = Decimal(request.POST.get(f"weight-{rule.check_id}", rule.weight))
                if not Decimal("0") <= weight <= Decimal("100") or weight != weight.quantize(Decimal("0.01")):
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                errors.append(_("%(rule)s: bobot harus angka 0 sampai 100.") % {"rule": rule.title})
                continue
            try:
                params = json.loads(request.POST.get(f"params-{rule.check_id}", "") or "{}")
                if not isinstance(params, dict):
                    raise ValueError
            except ValueError:
                errors.append(_("%(rule)s: parameter harus objek JSON.") % {"rule": rule.title})
                continue
            changes[rule.check_id] = {"weight": weight, "params": params}
        if errors:
            return self.render_to_response(self.get_context_data(errors=errors))
        settings = IndexSettings.for_regency(regency)
        public = request.POST.get("public_ranking") == "on"
        if settings.public_ranking != public:
            settings.public_ranking = public
            settings.save()
            invalidate_public_pages()
        created = new_version(regency, changes, user=request.user, note=request.POST.get("note", "")[:1000])
        if created:
            messages.success(request, _("Aturan versi %(v)s disimpan.") % {"v": created.version})
        else:
            messages.success(request, _("Pengaturan disimpan; bobot dan parameter tidak berubah."))
        return redirect("monitoring_rules:rules")
