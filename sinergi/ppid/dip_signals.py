"""Keep every village's DIP whole: a new regency gets the seed catalogue, a new village its entries,
a new catalogue item an entry in every village of its regency (connected in PpidConfig.ready)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sinergi.core.cache import invalidate_public_pages
from sinergi.ppid.dip_catalogue import ensure_entries, seed_catalogue
from sinergi.ppid.dip_models import DipItem
from sinergi.regions.models import Regency, Village
from sinergi.regions.signals import villages_created


@receiver(post_save, sender=Regency, dispatch_uid="ppid_dip_seed_regency")
def seed_new_regency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        seed_catalogue(instance)


@receiver(post_save, sender=Village, dispatch_uid="ppid_dip_new_village")
def entries_for_new_village(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_entries(villages=[instance])


@receiver(villages_created, dispatch_uid="ppid_dip_villages_created")
def entries_for_provisioned_villages(sender, villages, **kwargs):
    # Bulk provisioning: one pass for the whole list (post_save is not sent for bulk_create).
    ensure_entries(villages=list(villages))


@receiver(post_save, sender=DipItem, dispatch_uid="ppid_dip_new_item")
def entries_for_new_item(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_entries(regency=instance.regency_id)


@receiver(post_save, sender=DipItem, dispatch_uid="ppid_dip_item_changed")
@receiver(post_delete, sender=DipItem, dispatch_uid="ppid_dip_item_deleted")
def catalogue_changed(sender, instance, raw=False, **kwargs):
    """Every village's public DIP shows the catalogue: cached copies must go."""
    if not raw:
        invalidate_public_pages()
