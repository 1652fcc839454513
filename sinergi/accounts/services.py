from django.db import transaction

from sinergi.accounts.models import Membership


@transaction.atomic
def make_village_operator(user, village):
    """Give `user` the operator role of `village`: its staff group and a membership."""
    user.groups.add(village.operators_group)
    Membership.objects.get_or_create(user=user, village=village, role=Membership.Role.OPERATOR)


@transaction.atomic
def make_regency_admin(user, regency):
    user.groups.add(regency.admin_group)
