from django.apps import AppConfig


class CustomersConfig(AppConfig):
    name = "stocktake.customers"
    label = "customers"
