from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sinergi.core"
    label = "core"
    verbose_name = "Inti"

    def ready(self):
        from sinergi.core import signal_handlers  # noqa: F401
