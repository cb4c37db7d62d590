from django.apps import AppConfig


class MoveInConfig(AppConfig):
    name = "stocktake.movein"
    label = "movein"
    verbose_name = "Moving in from other systems"
