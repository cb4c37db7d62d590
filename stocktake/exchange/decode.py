"""Load an export into a database that does not hold the organisation yet, keeping every UUID.

All or nothing: one transaction. Shared rows (organisations, logins, roles, national
definitions and lists) that already exist are reused; any of the organisation's own records
already present is refused, since the database must not hold them already.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Field, Model

from stocktake.accounts.models import Organisation

from .encode import CHUNK, FORMAT, VERSION
from .fields import columns, from_json, many_to_many
from .tables import Table, registry


class ImportFailed(Exception):
    """The file cannot be loaded; the message says why. Nothing was saved."""


def _k(ref: Any) -> str:
    return json.dumps(ref, sort_keys=True)


class Decoder:
    def __init__(self) -> None:
        self.pks: dict[type[Model], dict[str, int]] = defaultdict(dict)
        self.links: list[tuple[Table, int, dict[str, Any]]] = []

    def pk(self, model: type[Model], ref: Any, where: str) -> int | None:
        if ref is None:
            return None
        found = self.pks[model].get(_k(ref))
        if found is None:
            raise ImproperFile(f"{where} points at {model._meta.label} {ref}, not in the file")
        return found

    def row_ref(self, table: Table, row: dict[str, Any]) -> Any:
        parts = [row[name] for name in table.key]
        return parts[0] if table.key == ("uuid",) else parts

    def existing(self, table: Table, row: dict[str, Any]) -> int | None:
        if not table.key:
            return None
        lookup: dict[str, Any] = {}
        for name in table.key:
            field = table.model._meta.get_field(name)
            if field.is_relation:
                lookup[field.attname] = self.pk(field.related_model, row[name], table.name)  # type: ignore[union-attr,arg-type]
            else:
                lookup[name] = from_json(field, row[name])  # type: ignore[arg-type]
        found = table.model._default_manager.filter(**lookup).values_list("pk", flat=True).first()
        return found

    def load(self, table: Table, rows: list[dict[str, Any]]) -> None:
        fields = columns(table)
        own = [f for f in fields if f.is_relation and f.related_model is table.model]
        made: list[tuple[Model, dict[str, Any]]] = []
        for row in rows:
            found = self.existing(table, row)
            if found is not None:
                if not table.shared:
                    raise ImproperFile(
                        f"{table.name} {self.row_ref(table, row)} is already in this database: "
                        "import into a database without the organisation"
                    )
                self.pks[table.model][_k(self.row_ref(table, row))] = found
                continue
            values = {f.attname: self._value(table, f, row) for f in fields if f not in own}
            instance = table.model(**values)
            if isinstance(instance, User):
                instance.set_unusable_password()
            made.append((instance, row))
        if not made:
            return
        instances = [m for m, _ in made]
        table.model._default_manager.bulk_create(instances)
        stamped = [
            f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        for instance, row in made:
            if table.key:
                self.pks[table.model][_k(self.row_ref(table, row))] = instance.pk
            for field in stamped:
                # bulk_create stamped them with now; the file's times are the record's own.
                setattr(instance, field.attname, from_json(field, row[field.name]))
            self.links.append((table, instance.pk, row))
        for field in own:
            for instance, row in made:
                setattr(instance, field.attname, self.pk(table.model, row[field.name], table.name))
        changed = [f.attname for f in stamped] + [f.attname for f in own]
        if changed:
            table.model._default_manager.bulk_update(instances, changed, batch_size=500)

    def load_stream(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """A streamed table, chunk by chunk: one query to refuse rows already present, one
        insert, and one update restoring system times. Nothing points at these rows, so their
        database ids are not kept."""
        fields = columns(table)
        stamped = [
            f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        uuid_field = table.model._meta.get_field("uuid")
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            uuids = [from_json(uuid_field, row["uuid"]) for row in chunk]  # type: ignore[arg-type]
            if table.model._default_manager.filter(uuid__in=uuids).exists():
                raise ImproperFile(
                    f"{table.name} rows are already in this database: "
                    "import into a database without the organisation"
                )
            instances = [
                table.model(**{f.attname: self._value(table, f, row) for f in fields})
                for row in chunk
            ]
            table.model._default_manager.bulk_create(instances, batch_size=500)
            if stamped:
                for instance, row in zip(instances, chunk, strict=True):
                    for field in stamped:
                        setattr(instance, field.attname, from_json(field, row[field.name]))
                table.model._default_manager.bulk_update(
                    instances, [f.attname for f in stamped], batch_size=500
                )

    def _value(self, table: Table, field: Field[Any, Any], row: dict[str, Any]) -> Any:
        if field.name not in row:
            raise ImproperFile(f"{table.name} rows need {field.name}")
        if field.is_relation:
            return self.pk(field.related_model, row[field.name], table.name)  # type: ignore[arg-type]
        return from_json(field, row[field.name])

    def link(self) -> None:
        """Many-to-many links, once every row they join exists."""
        pending: dict[Any, list[Model]] = defaultdict(list)
        for table, pk, row in self.links:
            for field in many_to_many(table):
                through: Any = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                model = field.related_model
                for ref in row.get(field.name, []):
                    other = self.pk(model, ref, table.name)  # type: ignore[arg-type]
                    pending[through].append(through(**{f"{source}_id": pk, f"{target}_id": other}))
        for through, rows in pending.items():
            through._default_manager.bulk_create(rows, batch_size=500)


class ImproperFile(ImportFailed):
    pass


@transaction.atomic
def organisation_import(*, data: dict[str, Any]) -> Organisation:
    """Load an export (docs/export-format.md); returns the organisation it holds."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ImproperFile(f"This is not a {FORMAT} file of version {VERSION}")
    tables = registry()
    unknown = set(data.get("tables", {})) - {t.name for t in tables}
    if unknown:
        raise ImproperFile(f"The file holds tables this installation lacks: {sorted(unknown)}")
    decoder = Decoder()
    try:
        for table in tables:
            rows = data["tables"].get(table.name, [])
            if table.stream:
                decoder.load_stream(table, rows)
            else:
                decoder.load(table, rows)
        decoder.link()
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # A hand-edited or truncated file: say so, and the transaction keeps nothing.
        raise ImproperFile(f"The file is not a complete export: {error!r}") from error
    except IntegrityError as error:
        raise ImproperFile(f"The file clashes with this database: {error}") from error
    found = Organisation.objects.filter(uuid=data["organisation"]).first()
    if found is None:
        raise ImproperFile("The file does not hold its own organisation")
    return found
