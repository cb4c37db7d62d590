from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "stocktake.risks"
    label = "risks"
    verbose_name = "Risks and equality impact assessments"
