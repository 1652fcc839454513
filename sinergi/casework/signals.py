"""`holidays_changed`: sent after the regency admin's edit of the holiday table is committed, so that
every service can compute the stored due dates of its open cases again (regency=None: a row of the
whole instance changed, every regency's dates may move)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from sinergi.casework.models import Holiday

holidays_changed = Signal()  # keyword argument: regency (a Regency, or None for all)


@receiver(post_save, sender=Holiday, dispatch_uid="casework_holiday_saved")
@receiver(post_delete, sender=Holiday, dispatch_uid="casework_holiday_deleted")
def _holiday_edited(sender, instance, **kwargs):
    regency = instance.regency if instance.regency_id else None
    transaction.on_commit(lambda: holidays_changed.send(sender=Holiday, regency=regency))
