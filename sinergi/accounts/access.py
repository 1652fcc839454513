"""Which villages a staff user may manage: the one rule every village-owned feature asks (KIM today).

A village operator manages the villages of their operator memberships; a regency admin (member of
the regency's admin group) manages every village of that regency; a superuser manages all. The KIM
admin views, panels and menus, `kim.workflow.is_village_operator` (one village at a time) and the
Wagtail admin guard (`accounts.admin_guard`) all ask it here.
"""

from contextlib import contextmanager

from django.db.models import Q
from django_scopes import scope, scopes_disabled

from sinergi.accounts.models import DistrictViewer, Membership
from sinergi.regions.models import District, Regency, Village

ALL = None  # stands for "every village", the superuser's answer

_CACHE_ATTRIBUTE = "_managed_village_ids"


def managed_village_ids(user) -> frozenset[int] | None:
    """The ids of the villages `user` manages, or ALL (None) for a superuser. One query, cached on the user.

    The user object lives for one request, so the answer is computed at most once per request.
    """
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return ALL
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = frozenset(
            Village.objects.filter(
                Q(district__regency__admin_group__user=user)
                | Q(memberships__user=user, memberships__role=Membership.Role.OPERATOR)
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def manages_any_village(user) -> bool:
    ids = managed_village_ids(user)
    return ids is ALL or bool(ids)


def may_manage(user, village_or_id) -> bool:
    ids = managed_village_ids(user)
    village_id = getattr(village_or_id, "pk", village_or_id)
    return ids is ALL or village_id in ids


def managed_villages(user):
    """The villages themselves, as a queryset (for choices and filters)."""
    ids = managed_village_ids(user)
    villages = Village.objects.select_related("district__regency")
    return villages.all() if ids is ALL else villages.filter(pk__in=ids)


@contextmanager
def managed_scope(user):
    """django-scopes' scope over exactly the villages `user` manages (every village for a superuser)."""
    ids = managed_village_ids(user)
    if ids is ALL:
        with scopes_disabled():
            yield
    else:
        # Always a list: scope(village=None) would mean "no filter at all".
        with scope(village=sorted(ids)):
            yield


def administered_regencies(user):
    """Regencies whose rules (KIM classifications and settings) `user` may change."""
    if not user or not user.is_authenticated or not user.is_active:
        return Regency.objects.none()
    if user.is_superuser:
        return Regency.objects.all()
    return Regency.objects.filter(admin_group__user=user)


def is_regency_admin(user) -> bool:
    """A superuser or a member of some regency's admin group: sees every village of the regency."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or administered_regencies(user).exists()


def village_operators(village) -> list:
    """The active users who operate `village` (its operator memberships): they hear of its cases."""
    memberships = Membership.objects.filter(village=village, role=Membership.Role.OPERATOR).select_related(
        "user"
    )
    return [m.user for m in memberships if m.user.is_active]


# --------------------------------------------------------------------------- reading the index

_VIEW_CACHE_ATTRIBUTE = "_viewable_district_ids"


def viewable_district_ids(user) -> frozenset[int] | None:
    """The kecamatan whose index dashboards `user` may read, or ALL (None) for a superuser.

    A regency admin reads every kecamatan of its regency; a kecamatan viewer (`DistrictViewer`) the
    kecamatan of its rows. A village operator reads none here (its own village's score is on its
    admin home). One query, cached on the user for the request.
    """
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return ALL
    cached = getattr(user, _VIEW_CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = frozenset(
            District.objects.filter(
                Q(regency__admin_group__user=user)
                | Q(pk__in=DistrictViewer.objects.filter(user=user).values("district_id"))
            )
            .values_list("pk", flat=True)
            .distinct()
        )
        setattr(user, _VIEW_CACHE_ATTRIBUTE, cached)
    return cached


def may_view_index(user) -> bool:
    ids = viewable_district_ids(user)
    return ids is ALL or bool(ids)


def is_district_viewer(user) -> bool:
    """Has a kecamatan viewer row (whatever else the user is)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return DistrictViewer.objects.filter(user=user).exists()


def viewable_villages(user):
    """The villages whose index `user` may read, as a queryset."""
    ids = viewable_district_ids(user)
    villages = Village.objects.all()
    return villages if ids is ALL else villages.filter(district_id__in=ids)


def may_view_village(user, village_or_id) -> bool:
    village_id = getattr(village_or_id, "pk", village_or_id)
    return viewable_villages(user).filter(pk=village_id).exists()


@contextmanager
def viewable_scope(user):
    """django-scopes' scope over the villages whose index `user` may read (read-only screens only)."""
    ids = viewable_district_ids(user)
    if ids is ALL:
        with scopes_disabled():
            yield
    else:
        with scope(village=sorted(viewable_villages(user).values_list("pk", flat=True))):
            yield
