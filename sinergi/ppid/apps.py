from django.apps import AppConfig


class PpidConfig(AppConfig):
    name = "sinergi.ppid"
    label = "ppid"
    verbose_name = "PPID Desa"
