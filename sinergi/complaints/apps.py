from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "sinergi.complaints"
    label = "complaints"
    verbose_name = "Pengaduan"

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import post_save

        from sinergi.casework.signals import holidays_changed
        from sinergi.complaints.models import ComplaintSettings

        def holidays_edited(sender, regency=None, **kwargs):
            from sinergi.complaints.workflow import recompute_due_dates

            recompute_due_dates(regency)

        def targets_edited(sender, instance, created=False, **kwargs):
            from sinergi.complaints.workflow import recompute_due_dates

            if not created:
                transaction.on_commit(lambda: recompute_due_dates(instance.regency))

        # Stored due dates follow the holiday table and the regency's targets.
        holidays_changed.connect(holidays_edited, weak=False, dispatch_uid="complaints_holidays_changed")
        post_save.connect(
            targets_edited, sender=ComplaintSettings, weak=False, dispatch_uid="complaints_targets"
        )
