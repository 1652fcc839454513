from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from sinergi.accounts.admin_guard import is_regency_admin
from sinergi.core.pages import VILLAGE_DEPTH
from sinergi.villages.models import village_of_path


def _manages(user, village) -> bool:
    return village is not None and user.groups.filter(pk=village.operators_group_id).exists()


@hooks.register("before_move_page")
def only_who_manages_both_villages_moves_between_them(request, page, destination):
    """Moving a page hands it (and its descendants) to another village: the regency admin may, an
    operator only between villages they both manage."""
    if page.depth <= VILLAGE_DEPTH:  # a village home keeps its village wherever its kecamatan is
        return None
    source = village_of_path(page.path)
    target = village_of_path(destination.path)
    if source == target or is_regency_admin(request.user):
        return None
    if _manages(request.user, source) and _manages(request.user, target):
        return None
    messages.error(
        request,
        _(
            "Halaman ini tidak dapat dipindahkan ke desa lain: Anda harus mengelola kedua desa. "
            "Minta admin kabupaten untuk memindahkannya."
        ),
    )
    return redirect("wagtailadmin_pages:move", page.pk)
