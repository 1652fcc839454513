from django.apps import AppConfig


class KimConfig(AppConfig):
    name = "sinergi.kim"
    label = "kim"
    verbose_name = "KIM"

    def ready(self):
        from sinergi.kim import signal_handlers  # noqa: F401 - connects the receivers
