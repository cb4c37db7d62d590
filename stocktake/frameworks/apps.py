from django.apps import AppConfig


class FrameworksConfig(AppConfig):
    name = "stocktake.frameworks"
    label = "frameworks"
    verbose_name = "Improvement frameworks"
