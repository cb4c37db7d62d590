"""Seed the national characteristic lists: the six equality strands and the Equality Act 2010's nine."""

import uuid

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from stocktake.risks.characteristics import NATIONAL_SETS


def seed(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    sets = apps.get_model("risks", "CharacteristicSet")
    items = apps.get_model("risks", "Characteristic")
    for name, version, effective, names in NATIONAL_SETS:
        found, created = sets.objects.get_or_create(
            organisation=None,
            name=name,
            version=version,
            defaults={"effective_from": effective, "uuid": uuid.uuid4()},
        )
        if created:
            items.objects.bulk_create(
                items(set=found, name=item, position=i) for i, item in enumerate(names)
            )


class Migration(migrations.Migration):
    dependencies = [("risks", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
