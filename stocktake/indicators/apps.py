from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "stocktake.indicators"
    label = "indicators"
    verbose_name = "Performance indicators"
