from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stocktake.accounts"
    label = "accounts"
    verbose_name = "Organisations and people"
