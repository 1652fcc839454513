from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "sinergi.monitoring"
    label = "monitoring"
    verbose_name = "Indeks keterbukaan desa"

    def ready(self):
        from sinergi.monitoring import (
            dashboard_hooks,  # noqa: F401  (the dashboards' admin URLs and menu)
            signals,  # noqa: F401 - connects the receivers
        )
