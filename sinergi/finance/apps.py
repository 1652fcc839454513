from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "sinergi.finance"
    label = "finance"
    verbose_name = "Keuangan Desa"
