from django.apps import AppConfig


class KimConfig(AppConfig):
    name = "sinergi.kim"
    label = "kim"
    verbose_name = "KIM"
