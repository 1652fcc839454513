from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "sinergi.monitoring"
    label = "monitoring"
    verbose_name = "Indeks keterbukaan desa"
