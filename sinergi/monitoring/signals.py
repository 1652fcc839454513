"""A new regency gets the default rule set and its index settings (connected in MonitoringConfig.ready)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from sinergi.monitoring.models import IndexSettings
from sinergi.monitoring.seed import ensure_ruleset
from sinergi.regions.models import Regency


@receiver(post_save, sender=Regency, dispatch_uid="monitoring_seed_regency")
def seed_new_regency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_ruleset(instance)
        IndexSettings.objects.get_or_create(regency=instance)
