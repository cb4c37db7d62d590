"""Which fields a table writes, and how each value becomes JSON and back."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Field, ManyToManyField, Model

from .tables import Table


def columns(table: Table) -> list[Field[Any, Any]]:
    """Stored fields in model order, without the database id (rows are known by their key)."""
    return [
        f
        for f in table.model._meta.concrete_fields
        if not f.primary_key and f.name not in table.exclude
    ]


def many_to_many(table: Table) -> list[ManyToManyField[Any, Any]]:
    """Plain many-to-many fields; those with a model of their own are tables themselves."""
    found = []
    for field in table.model._meta.many_to_many:
        assert isinstance(field, ManyToManyField)
        through: type[Model] = field.remote_field.through  # type: ignore[assignment]
        if through._meta.auto_created and field.name not in table.exclude:
            found.append(field)
    return found


def to_json(field: Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(field, models.FileField):
        return str(value)
    return value


def from_json(field: Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, models.DateTimeField):
        return dt.datetime.fromisoformat(value)
    if isinstance(field, models.DateField):
        return dt.date.fromisoformat(value)
    if isinstance(field, models.TimeField):
        return dt.time.fromisoformat(value)
    if isinstance(field, models.DecimalField):
        return Decimal(value)
    if isinstance(field, models.UUIDField):
        return uuid.UUID(value)
    return value
