from django.apps import AppConfig


class PpidConfig(AppConfig):
    name = "sinergi.ppid"
    label = "ppid"
    verbose_name = "PPID Desa"

    def ready(self):
        from sinergi.ppid import dip_signals  # noqa: F401  (the DIP's signal receivers)
