from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "sinergi.portal"
    label = "portal"
    verbose_name = "Portal Kabupaten"
