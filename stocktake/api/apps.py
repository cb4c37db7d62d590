from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "stocktake.api"
    label = "api"
