from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "stocktake.complaints"
    label = "complaints"
    verbose_name = "Complaints"
