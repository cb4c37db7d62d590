from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "stocktake.core"
    label = "core"
