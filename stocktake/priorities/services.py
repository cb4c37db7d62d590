from __future__ import annotations

from django.db import transaction

from stocktake.accounts.models import Organisation

from .models import Priority


@transaction.atomic
def priority_create(
    *,
    organisation: Organisation,
    code: str,
    title: str,
    parent: Priority | None = None,
    position: int | None = None,
) -> Priority:
    """An aim, or with a parent an approach under it. Codes are kept without brackets."""
    kind = Priority.Kind.APPROACH if parent else Priority.Kind.AIM
    if position is None:
        position = Priority.objects.filter(organisation=organisation, parent=parent).count()
    return Priority.objects.create(
        organisation=organisation,
        code=code.strip().strip("()"),
        title=title,
        parent=parent,
        kind=kind,
        position=position,
    )
