from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "sinergi.monitoring"
    label = "monitoring"
    verbose_name = "Indeks keterbukaan desa"

    def ready(self):
        from sinergi.monitoring import signals  # noqa: F401 - connects the receivers
