from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "stocktake.exchange"
    label = "exchange"
