"""The regency admin's page of sign-in lockouts: who is locked, and "Buka kunci" to end it now."""

import ipaddress
import logging

from axes.helpers import get_cool_off
from axes.utils import reset
from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sinergi.accounts.throttling import address_failure_limit, current_lockouts

log = logging.getLogger(__name__)

# Given to the regency admin group by provisioning (REGENCY_ADMIN_MODEL_PERMISSIONS).
UNLOCK_PERMISSION = "axes.delete_accessattempt"


def can_unlock(user) -> bool:
    return user.is_active and user.has_perm(UNLOCK_PERMISSION)


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Kunci masuk")
    header_icon = "lock"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            # A plain 403: Wagtail would turn a PermissionDenied into a redirect to the dashboard.
            return HttpResponseForbidden(_("Maaf, Anda tidak berhak membuka halaman ini."))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            lockouts=current_lockouts(),
            unlock_url=reverse("sinergi_lockouts"),
            account_limit=settings.AXES_FAILURE_LIMIT,
            address_limit=address_failure_limit(),
            cool_off_minutes=int(get_cool_off().total_seconds() // 60),
        )
        return context

    def post(self, request, *args, **kwargs):
        kind, value = request.POST.get("kind", ""), request.POST.get("value", "").strip()
        if kind not in {"username", "ip_address"} or not value:
            return HttpResponseBadRequest(_("Permintaan tidak sah."))
        if kind == "ip_address":
            try:
                value = str(ipaddress.ip_address(value))
            except ValueError:
                return HttpResponseBadRequest(_("Alamat IP tidak sah."))
        # Axes' own reset: every recorded failure of the account (any address) or of the address.
        removed = reset(username=value) if kind == "username" else reset(ip=value)
        log.warning("Sign-in lockout of %s %r lifted by %s (%d records)", kind, value, request.user, removed)
        label = _("akun") if kind == "username" else _("alamat IP")
        messages.success(request, _("Kunci %(label)s %(value)s dibuka.") % {"label": label, "value": value})
        return redirect("sinergi_lockouts")
