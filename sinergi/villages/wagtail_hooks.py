from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from sinergi.accounts.access import is_regency_admin, may_manage
from sinergi.core.pages import VILLAGE_DEPTH
from sinergi.villages.models import village_of_path


def may_move_to(user, page, destination) -> bool:
    """Moving a page hands it (and its descendants) to the destination's village: the regency admin
    may, an operator only between villages they manage both (the one rule of accounts.access)."""
    if page.depth <= VILLAGE_DEPTH:  # a village home keeps its village wherever its kecamatan is
        return True
    source = village_of_path(page.path)
    target = village_of_path(destination.path)
    if source == target or is_regency_admin(user):
        return True
    return source is not None and target is not None and may_manage(user, source) and may_manage(user, target)


def _refuse(request):
    messages.error(
        request,
        _(
            "Halaman ini tidak dapat dipindahkan ke desa lain: Anda harus mengelola kedua desa. "
            "Minta admin kabupaten untuk memindahkannya."
        ),
    )


@hooks.register("before_move_page")
def only_who_manages_both_villages_moves_between_them(request, page, destination):
    if may_move_to(request.user, page, destination):
        return None
    _refuse(request)
    return redirect("wagtailadmin_pages:move", page.pk)


@hooks.register("before_bulk_action")
def only_who_manages_both_villages_bulk_moves_between_them(request, action_type, objects, action):
    """Wagtail's bulk "move" does not call before_move_page: the same rule, for every selected page."""
    if action_type != "move":
        return None
    destination = action.cleaned_form.cleaned_data["chooser"]
    if all(may_move_to(request.user, page, destination) for page in objects):
        return None
    _refuse(request)
    return redirect(action.next_url)
