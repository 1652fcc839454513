from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseworkConfig(AppConfig):
    """What PPID requests and complaints share: numbers, tracking codes, the working-day clock,
    transition tables, the public-form guard and notifying the citizen."""

    name = "sinergi.casework"
    label = "casework"
    verbose_name = _("Layanan warga")

    def ready(self):
        from sinergi.casework import signals  # noqa: F401  (holidays_changed)
