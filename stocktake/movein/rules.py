"""The named rules of moving in, one line of policy each."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from .models import MoveIn


def profile_needs_name(name: str) -> None:
    if not name.strip():
        raise ValidationError({"name": "Give the mapping profile a name"})


def updates_need_plan(kind: str, has_plan: bool) -> None:
    if kind == "updates" and not has_plan:
        raise ValidationError({"plan": "Choose the plan whose actions the updates belong to"})


def imported_once(state: str) -> None:
    if state == MoveIn.State.IMPORTED:
        raise ValidationError("This file has already been imported")


def checked_before_import(state: str) -> None:
    if state != MoveIn.State.CHECKED:
        raise ValidationError("Check the file with a dry run before importing it")


def one_run_at_a_time(under_way: bool) -> None:
    if under_way:
        raise ValidationError(
            "This file is already being checked or imported: wait for that to finish"
        )
