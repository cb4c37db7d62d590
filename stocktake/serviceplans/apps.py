from django.apps import AppConfig


class ServicePlansConfig(AppConfig):
    name = "stocktake.serviceplans"
    label = "serviceplans"
    verbose_name = "Service plans"
