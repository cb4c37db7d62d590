from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "stocktake.consultations"
    label = "consultations"
    verbose_name = "Consultations and the signposting knowledge base"
