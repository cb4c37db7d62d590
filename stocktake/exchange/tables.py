"""The registry of what an organisation export holds: one `Table` per model, in load order.

How an app adds its records to exports (one module, nothing else to edit):

    # stocktake/customers/exchange.py
    from stocktake.exchange.tables import Table
    from .models import AccessPoint, Contact

    TABLES = [
        Table("customers.accesspoint", AccessPoint, lambda org: AccessPoint.objects.filter(
            organisation=org)),
        Table("customers.contact", Contact, lambda org: Contact.objects.filter(organisation=org)),
    ]

Every installed `stocktake.*` app with an `exchange` module holding `TABLES` is read after the
tables here, so it may refer to anything they hold. List a table after the tables it points to.
Each row is written field by field from the model: a foreign key becomes the target's key
(its UUID, or the `key` fields of tables without one), many-to-many fields lists of keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet

from stocktake.accounts.models import Organisation


@dataclass(frozen=True)
class Table:
    """One model's rows in an export.

    `rows` gives the organisation's own rows. `key` names the fields that identify a row across
    databases (a UUID unless the model has none). A `shared` table holds records several
    organisations use (the organisation list, national definitions, logins, roles): only those
    the export refers to are written, and an import reuses a matching row instead of adding one.
    A `stream` table has too many rows to hold at once (contacts): they are read, written and
    loaded in chunks in UUID order. Nothing may point at its rows, it has no many-to-many
    fields, and it may point only at the organisation and the organisation's own tables.
    """

    name: str
    model: type[Model]
    rows: Callable[[Organisation], QuerySet[Any]]
    key: tuple[str, ...] = ("uuid",)
    shared: bool = False
    exclude: tuple[str, ...] = ()
    stream: bool = False


OWN_SECTIONS = [
    "stocktake.exchange.sections.accounts",
    "stocktake.exchange.sections.plans",
    "stocktake.exchange.sections.indicators",
    "stocktake.exchange.sections.risks",
    "stocktake.exchange.sections.others",
]


def discovered() -> list[str]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("stocktake.") and config.name != "stocktake.exchange":
            module = f"{config.name}.exchange"
            if find_spec(module) is not None:
                found.append(module)
    return sorted(found)


def registry() -> list[Table]:
    tables: list[Table] = []
    for name in OWN_SECTIONS + discovered():
        tables.extend(import_module(name).TABLES)
    return tables
