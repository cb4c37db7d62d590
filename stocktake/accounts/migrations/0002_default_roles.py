from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from stocktake.accounts.roles import DEFAULT_ROLES


def create_roles(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Role = apps.get_model("accounts", "Role")
    for name, (description, capabilities) in DEFAULT_ROLES.items():
        Role.objects.get_or_create(
            name=name,
            defaults={"description": description, "capabilities": [str(c) for c in capabilities]},
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
