"""Write an organisation's records as plain JSON, in a fixed order, keeping every UUID.

Rows are sorted by their key, so exporting the same data twice gives the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import Model

from stocktake.accounts.models import Organisation

from .fields import columns, many_to_many, to_json
from .tables import Table, registry

FORMAT = "stocktake-organisation-export"
VERSION = 1
CHUNK = 2000  # rows of a streamed table read, written or loaded at a time


class ExportError(Exception):
    """The organisation's records point at something the export cannot carry."""


class Encoder:
    def __init__(self, tables: list[Table]) -> None:
        self.tables = {t.model: t for t in tables}
        self.refs: dict[type[Model], dict[int, Any]] = defaultdict(dict)
        self.wanted: dict[type[Model], set[int]] = defaultdict(set)  # shared rows referred to
        self.pointed: dict[type[Model], set[int]] = defaultdict(set)  # every row referred to

    def table(self, model: type[Model]) -> Table:
        found = self.tables.get(model)
        if found is None:
            raise ExportError(f"{model._meta.label} is not in the export registry")
        return found

    def load_refs(self, model: type[Model], pks: set[int]) -> None:
        """The key of each row, for everything pointing at it: one query per model and field."""
        table = self.table(model)
        missing = {pk for pk in pks if pk not in self.refs[model]}
        if not missing:
            return
        if not table.key:
            raise ExportError(f"{table.name} rows have no key, so nothing may point at them")
        fields = [model._meta.get_field(name) for name in table.key]
        names = [f.attname for f in fields]  # type: ignore[union-attr]
        rows = list(model._default_manager.filter(pk__in=missing).values_list("pk", *names))
        for field in fields:
            if field.is_relation:
                index = fields.index(field) + 1
                target = field.related_model
                assert target is not None
                assert not isinstance(target, str)
                self.load_refs(target, {r[index] for r in rows if r[index] is not None})
        for pk, *values in rows:
            parts = [
                self.ref(f.related_model, v) if f.is_relation else to_json(f, v)  # type: ignore[arg-type]
                for f, v in zip(fields, values, strict=True)
            ]
            self.refs[model][pk] = parts[0] if table.key == ("uuid",) else parts

    def ref(self, model: type[Model], pk: int | None) -> Any:
        if pk is None:
            return None
        if self.table(model).shared:
            self.wanted[model].add(pk)
        self.pointed[model].add(pk)
        if pk not in self.refs[model]:
            self.load_refs(model, {pk})
        return self.refs[model][pk]

    def rows(self, table: Table, pks: set[int] | None, organisation: Organisation) -> list[Any]:
        query = table.rows(organisation)
        if pks is not None:
            query = table.model._default_manager.filter(
                pk__in=set(pks) | set(query.values_list("pk", flat=True))
            )
        fields = columns(table)
        records = list(query.order_by().values("pk", *[f.attname for f in fields]))
        for field in fields:
            target = field.related_model
            if field.is_relation and target is not None and not isinstance(target, str):
                ids = {r[field.attname] for r in records if r[field.attname] is not None}
                self.load_refs(target, ids)
        links = self._links(table, [r["pk"] for r in records])
        out = [self._row(fields, links, record) for record in records]
        return sorted(out, key=lambda r: _order([r[k] for k in table.key] or r))

    def _row(
        self, fields: list[Any], links: dict[str, dict[int, list[Any]]], record: dict[str, Any]
    ) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for field in fields:
            value = record[field.attname]
            if field.is_relation:
                row[field.name] = self.ref(field.related_model, value)
            else:
                row[field.name] = to_json(field, value)
        for name, by_row in links.items():
            row[name] = sorted(by_row.get(record["pk"], []), key=_order)
        return row

    def stream(self, table: Table, organisation: Organisation) -> Iterator[dict[str, Any]]:
        """A streamed table's rows, chunk by chunk. The database sorts them by UUID, which is
        the order `rows` gives (a UUID's text sorts as its stored hex and bytes do)."""
        fields = columns(table)
        query = table.rows(organisation).order_by("uuid")
        records = query.values("pk", *[f.attname for f in fields]).iterator(chunk_size=CHUNK)
        chunk: list[dict[str, Any]] = []
        for record in records:
            chunk.append(record)
            if len(chunk) == CHUNK:
                yield from self._chunk(fields, chunk)
                chunk = []
        yield from self._chunk(fields, chunk)

    def _chunk(self, fields: list[Any], records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for field in fields:
            target = field.related_model
            if field.is_relation and target is not None and not isinstance(target, str):
                self.load_refs(target, {r[field.attname] for r in records} - {None})
        for record in records:
            yield self._row(fields, {}, record)

    def _links(self, table: Table, pks: list[int]) -> dict[str, dict[int, list[Any]]]:
        found: dict[str, dict[int, list[Any]]] = {}
        for field in many_to_many(table):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            pairs = list(
                through._default_manager.filter(**{f"{source}__in": pks}).values_list(  # type: ignore[union-attr]
                    f"{source}_id", f"{target}_id"
                )
            )
            model = field.related_model
            assert model is not None
            assert not isinstance(model, str)
            self.load_refs(model, {t for _, t in pairs})
            by_row: dict[int, list[Any]] = defaultdict(list)
            for own, other in pairs:
                by_row[own].append(self.ref(model, other))
            found[field.name] = by_row
        return found


def _order(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def encoded(organisation: Organisation) -> tuple[Encoder, list[Table], dict[str, list[Any]]]:
    """Every table but the streamed ones, written; the encoder then streams the others."""
    tables = registry()
    encoder = Encoder(tables)
    for table in tables:
        if table.stream:
            _check_stream(table, tables, organisation)
    written: dict[str, list[Any]] = {}
    for table in tables:
        if not table.shared and not table.stream:
            written[table.name] = encoder.rows(table, None, organisation)
    # Shared rows are written when referred to, and may refer to more (a definition's
    # previous version, a list's organisation): repeat until nothing new is referred to.
    seen: dict[str, int] = {}
    while True:
        for table in tables:
            if table.shared:
                wanted = set(encoder.wanted[table.model])
                written[table.name] = encoder.rows(table, wanted, organisation)
        counts = {t.name: len(encoder.wanted[t.model]) for t in tables if t.shared}
        if counts == seen:
            break
        seen = counts
    _check_complete(encoder, tables, organisation)
    return encoder, tables, written


def organisation_export(*, organisation: Organisation) -> dict[str, Any]:
    """Everything the organisation holds, as the JSON described in docs/export-format.md.

    Streamed tables are held whole here; `text.export_text` writes the same JSON without.
    """
    encoder, tables, written = encoded(organisation)
    for table in tables:
        if table.stream:
            written[table.name] = list(encoder.stream(table, organisation))
    return {
        "format": FORMAT,
        "version": VERSION,
        "organisation": str(organisation.uuid),
        "tables": {t.name: written[t.name] for t in tables},
    }


def _check_stream(table: Table, tables: list[Table], organisation: Organisation) -> None:
    """A streamed row may point only at the organisation or at its own rows: checked up front
    with one query per field, since its rows are written before the export is complete."""
    by_model = {t.model: t for t in tables}
    for field in columns(table):
        if not field.is_relation or field.related_model is Organisation:
            continue
        target = by_model.get(field.related_model)  # type: ignore[arg-type]
        if target is None or target.shared:
            raise ExportError(f"{table.name} is streamed, so it may not point at {field.name}")
        outside = (
            table.rows(organisation)
            .filter(**{f"{field.attname}__isnull": False})
            .exclude(**{f"{field.attname}__in": target.rows(organisation).values("pk")})
        )
        if outside.exists():
            raise ExportError(f"{table.name} rows point at another organisation's {target.name}")


def _check_complete(encoder: Encoder, tables: list[Table], organisation: Organisation) -> None:
    """A row pointing outside the export (another council's action, say) would not load."""
    for table in tables:
        if table.shared or table.stream:
            continue
        own = set(table.rows(organisation).values_list("pk", flat=True))
        outside = encoder.pointed[table.model] - own
        if outside:
            raise ExportError(
                f"{len(outside)} {table.name} rows of another organisation are referred to"
            )
