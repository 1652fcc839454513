from django.apps import AppConfig


class VillagesConfig(AppConfig):
    name = "sinergi.villages"
    label = "villages"
    verbose_name = "Situs Desa"

    def ready(self):
        from sinergi.villages import signal_handlers  # noqa: F401
