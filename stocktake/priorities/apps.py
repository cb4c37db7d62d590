from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "stocktake.priorities"
    label = "priorities"
    verbose_name = "Council priorities"
