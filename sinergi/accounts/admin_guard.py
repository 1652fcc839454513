"""Closes the Wagtail admin views that show another village's data to a village operator.

Wagtail checks permissions before acting, but a few of its read-only views (the image chooser's
format step, the page chooser, the move confirmation, bulk-action confirmations, the page-types
report and the admin API's image and document endpoints) display titles and files of objects the
user may not touch. One village's staff must never see another village's data, so these views are
checked here, in one place, before they run; who may see every village is the rule of
`sinergi.accounts.access`. Found and proven by sinergi/accounts/tests/test_operator_isolation.py.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from sinergi.accounts.access import is_regency_admin

REGENCY_ONLY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    # The admin UI we offer does not use these; they listed every village's images and documents.
    "wagtailadmin_api:images:listing",
    "wagtailadmin_api:images:detail",
    "wagtailadmin_api:documents:listing",
    "wagtailadmin_api:documents:detail",
}


GUARDED_VIEWS = REGENCY_ONLY_VIEWS | {
    "wagtailimages_chooser:select_format",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:move_confirm",
    "wagtail_bulk_action",
}


def explorable_pages(user):
    return PagePermissionPolicy().explorable_instances(user)


def _page_is_explorable(user, page_id) -> bool:
    return explorable_pages(user).filter(pk=page_id).exists()


class AdminTenantGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if match is None or match.view_name not in GUARDED_VIEWS or user is None or not user.is_authenticated:
            return None
        if is_regency_admin(user):
            return None
        name = match.view_name
        if name in REGENCY_ONLY_VIEWS:
            raise Http404
        if name == "wagtailimages_chooser:select_format":
            image = get_image_model().objects.filter(pk=view_kwargs.get("image_id")).first()
            if image is None or not image_permission_policy.user_has_permission_for_instance(
                user, "choose", image
            ):
                raise Http404
        elif name == "wagtailadmin_choose_page_child":
            if not _page_is_explorable(user, view_kwargs.get("parent_page_id")):
                raise Http404
        elif name == "wagtailadmin_pages:confirm_workflow_cancellation":
            if not _page_is_explorable(user, view_kwargs.get("page_id")):
                raise Http404
        elif name == "wagtailadmin_pages:move_confirm":
            page = Page.objects.filter(pk=view_kwargs.get("page_to_move_id")).first()
            destination = Page.objects.filter(pk=view_kwargs.get("destination_id")).first()
            if page is None or destination is None:
                raise Http404
            if not page.permissions_for_user(user).can_move_to(destination):
                raise PermissionDenied
        elif name == "wagtail_bulk_action" and view_kwargs.get("model_name") == "page":
            ids = [int(i) for i in request.GET.getlist("id") if i.isdigit()]
            if ids and explorable_pages(user).filter(pk__in=ids).count() != len(set(ids)):
                raise PermissionDenied
        return None
