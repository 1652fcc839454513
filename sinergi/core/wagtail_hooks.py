from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from sinergi.accounts.access import is_regency_admin
from sinergi.accounts.admin_guard import explorable_pages


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_explore(pages, request):
    """The page chooser otherwise browses and searches every village's pages, drafts included."""
    user = request.user
    if is_regency_admin(user):
        return pages
    return pages.filter(pk__in=explorable_pages(user).values("pk"))


@hooks.register("before_serve_page")
def remember_the_served_page(page, request, serve_args, serve_kwargs):
    """The page cache keys a path by its village's or kecamatan's scope once it knows the page's depth
    (sinergi.core.cache._register_scope); nothing else changes."""
    request.sinergi_served_page = page


@hooks.register("insert_global_admin_css")
def admin_phone_css():
    # The admin on a phone: messages clear of the sidebar button, readable queue titles.
    return format_html('<link rel="stylesheet" href="{}">', static("sinergi/admin.css"))
