"""A kecamatan viewer row keeps its user in the viewers' group (admin sign-in, nothing else)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sinergi.accounts.models import DistrictViewer
from sinergi.accounts.services import VIEWERS_GROUP, viewers_group


@receiver(post_save, sender=DistrictViewer)
def join_viewers_group(sender, instance, **kwargs):
    instance.user.groups.add(viewers_group())


@receiver(post_delete, sender=DistrictViewer)
def leave_viewers_group(sender, instance, **kwargs):
    if not DistrictViewer.objects.filter(user_id=instance.user_id).exists():
        instance.user.groups.remove(*instance.user.groups.filter(name=VIEWERS_GROUP))
