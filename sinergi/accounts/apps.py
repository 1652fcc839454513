from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sinergi.accounts"
    label = "accounts"
    verbose_name = "Akun"

    def ready(self):
        from sinergi.accounts import signal_handlers  # noqa: F401
