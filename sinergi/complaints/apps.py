from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "sinergi.complaints"
    label = "complaints"
    verbose_name = "Pengaduan"
