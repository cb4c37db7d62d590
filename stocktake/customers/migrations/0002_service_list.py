"""Ship the standard service list as data. The list is copied here, not imported, so later
edits to servicelist.py go through a new migration."""

from typing import Any

from django.db import migrations

SERVICES = [
    ("BIN", "Bins, recycling and waste collection"),
    ("BULKY", "Bulky waste collection"),
    ("STREET", "Street cleaning, litter and fly-tipping"),
    ("CTAX", "Council Tax"),
    ("BENEFIT", "Housing Benefit and Council Tax support"),
    ("NNDR", "Business rates"),
    ("PLAN", "Planning applications and advice"),
    ("BCTRL", "Building control"),
    ("HOUSING", "Council housing and tenancies"),
    ("HOMELESS", "Homelessness and housing advice"),
    ("REPAIR", "Housing repairs"),
    ("LICENCE", "Licences and permits"),
    ("ENVHEALTH", "Environmental health, noise and pollution"),
    ("FOOD", "Food safety and hygiene"),
    ("PARKING", "Parking, permits and penalty charges"),
    ("ROADS", "Roads, pavements and street lighting"),
    ("ELECTION", "Electoral registration and elections"),
    ("LEISURE", "Leisure centres, parks and open spaces"),
    ("LIBRARY", "Libraries"),
    ("PAYMENT", "Payments and invoices"),
    ("COMPLAINT", "Complaints, comments and compliments"),
    ("COUNCIL", "Councillors, meetings and democracy"),
    ("COMMUNITY", "Community safety and grants"),
    ("OTHER", "Other council services"),
]


def add(apps: Any, schema_editor: Any) -> None:
    ServiceType = apps.get_model("customers", "ServiceType")
    for code, name in SERVICES:
        ServiceType.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("customers", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
