"""The admin's branding: Sinergi with the regency's name, and a village operator's own dashboard title."""

from django import template
from django.utils.translation import gettext as _

from sinergi.accounts.access import ALL, is_regency_admin, managed_village_ids
from sinergi.regions.models import Regency, Village

register = template.Library()


@register.simple_tag
def admin_brand() -> str:
    """ "Sinergi · Kabupaten …" (the instance's first regency; one instance usually serves one)."""
    regency = Regency.objects.order_by("code").only("name").first()
    return f"Sinergi · {regency.name}" if regency else "Sinergi"


@register.simple_tag(takes_context=True)
def dashboard_title(context) -> str:
    """The operator of one village sees their village's name, not the regency portal's."""
    user = context["request"].user
    ids = managed_village_ids(user)
    if ids is not ALL and len(ids) == 1 and not is_regency_admin(user):
        village = Village.objects.get(pk=next(iter(ids)))
        return _("Dasbor %(village)s") % {"village": village.display_name}
    return context.get("site_name") or admin_brand()
