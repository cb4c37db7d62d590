"""Writes that record who made them, for services in every app."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

Actor = User | AnonymousUser | None


def acting_user(by: Actor) -> User | None:
    return by if isinstance(by, User) else None


def save_recorded(instance: models.Model, by: Actor) -> None:
    """Save, telling the history who did it (commands and imports have no request to read)."""
    instance._history_user = acting_user(by)  # type: ignore[attr-defined]
    instance.save()


def delete_recorded(instance: models.Model, by: Actor) -> None:
    instance._history_user = acting_user(by)  # type: ignore[attr-defined]
    instance.delete()
