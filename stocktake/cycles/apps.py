from django.apps import AppConfig


class CyclesConfig(AppConfig):
    name = "stocktake.cycles"
    label = "cycles"
