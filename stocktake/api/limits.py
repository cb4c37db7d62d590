"""Write schemas carry the model's own limits, so the API refuses what the database cannot hold.

SQLite does not enforce a column's length and PostgreSQL answers an over-long value with an
error, so without these a 500-character ref is saved here and a server error there. Each limit
is read from the model field, so the schema and the table cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from ninja import Field, Schema
from pydantic import ConfigDict

# The portable integer ranges (PostgreSQL's), whatever database runs the tests.
_RANGES = BaseDatabaseOperations.integer_field_ranges


class WriteSchema(Schema):
    """A request body: a field the API does not take is refused, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


def limits(model: type[models.Model], name: str) -> dict[str, Any]:
    """The JSON Schema constraints of one model field: length, range or digits."""
    field = model._meta.get_field(name)
    if isinstance(field, models.CharField) and field.max_length:
        return {"max_length": field.max_length}
    if isinstance(field, models.DecimalField):
        return {"max_digits": field.max_digits, "decimal_places": field.decimal_places}
    if isinstance(field, models.IntegerField):
        low, high = _RANGES[field.get_internal_type()]
        return {"ge": low, "le": high}
    return {}


def from_model(model: type[models.Model], name: str, default: Any = ..., **more: Any) -> Any:
    """A schema field limited as the model's field is; `more` narrows it further."""
    return Field(default, **(limits(model, name) | more))
