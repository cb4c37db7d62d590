"""The export's JSON text, written as it is read: a streamed table (contacts) is never held
whole. The text is the same, byte for byte, as `services.export_json(organisation_export())`:
keys sorted, two-space indents."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from stocktake.accounts.models import Organisation

from .encode import FORMAT, VERSION, encoded


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


def _rows(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A list as json.dumps(indent=2) writes it three levels down (inside "tables")."""
    inside = "\n      "
    first = True
    for row in rows:
        yield ("[" if first else ",") + inside + _dumps(row).replace("\n", inside)
        first = False
    yield "[]" if first else "\n    ]"


def export_text(*, organisation: Organisation) -> Iterator[str]:
    encoder, tables, written = encoded(organisation)
    streamed = {t.name: t for t in tables if t.stream}
    yield "{\n"
    yield f'  "format": {_dumps(FORMAT)},\n'
    yield f'  "organisation": {_dumps(str(organisation.uuid))},\n'
    yield '  "tables": {'
    for n, name in enumerate(sorted(t.name for t in tables)):
        yield ("\n" if n == 0 else ",\n") + f"    {_dumps(name)}: "
        table = streamed.get(name)
        yield from _rows(encoder.stream(table, organisation) if table else written[name])
    yield "\n  },\n"
    yield f'  "version": {_dumps(VERSION)}\n'
    yield "}\n"
