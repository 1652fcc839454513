from django.contrib.auth.models import Group, Permission
from django.db import transaction

from sinergi.accounts.models import DistrictViewer, Membership

# The kecamatan viewers' group: `wagtailadmin.access_admin` only (no page, image, document, user
# or feature right); which kecamatan each member reads is the DistrictViewer row.
VIEWERS_GROUP = "Peninjau kecamatan"


@transaction.atomic
def make_village_operator(user, village):
    """Give `user` the operator role of `village`: its staff group and a membership."""
    user.groups.add(village.operators_group)
    Membership.objects.get_or_create(user=user, village=village, role=Membership.Role.OPERATOR)


@transaction.atomic
def make_regency_admin(user, regency):
    user.groups.add(regency.admin_group)


def viewers_group() -> Group:
    group, _created = Group.objects.get_or_create(name=VIEWERS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


@transaction.atomic
def make_district_viewer(user, district):
    """Let `user` read the index dashboards of `district`'s villages (the group follows the row)."""
    DistrictViewer.objects.get_or_create(user=user, district=district)
