"""Reading channel feedback and peers' figures from CSV (GovMetric-style exports).

All or nothing: every bad row is reported with its line number and nothing is saved."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor

from . import services
from .hours import LONDON

FLAGS = {"": None, "yes": True, "y": True, "no": False, "n": False}


class BadFile(Exception):
    def __init__(self, errors: list[tuple[int, str]]) -> None:
        super().__init__(f"{len(errors)} bad rows; nothing was saved")
        self.errors = errors


def _when(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.strip())
    return value.replace(tzinfo=LONDON) if value.tzinfo is None else value


@transaction.atomic
def feedback_load(*, organisation: Organisation, lines: Iterable[str], by: Actor) -> int:
    """Columns: received_at, channel, service, rating, reason, comment, area_code, age_band,
    disabled (the last six optional)."""
    errors: list[tuple[int, str]] = []
    count = 0
    reader = csv.DictReader(lines)
    for row in reader:
        try:
            services.feedback_record(
                organisation=organisation,
                received_at=_when(row.get("received_at") or ""),
                channel=(row.get("channel") or "").strip(),
                rating=(row.get("rating") or "").strip().lower(),
                service_code=(row.get("service") or "").strip().upper(),
                reason=(row.get("reason") or "").strip(),
                comment=(row.get("comment") or "").strip(),
                area_code=(row.get("area_code") or "").strip(),
                age_band=(row.get("age_band") or "").strip(),
                disabled=FLAGS[(row.get("disabled") or "").strip().lower()],
                by=by,
            )
            count += 1
        except (ValueError, KeyError, ValidationError) as error:
            errors.append((reader.line_num, _message(error)))
    if errors:
        raise BadFile(errors)
    return count


@transaction.atomic
def peer_figures_load(*, organisation: Organisation, lines: Iterable[str], by: Actor) -> int:
    """Columns: peer (organisation name), month (YYYY-MM), channel, net_satisfaction (−1…+1).
    Unknown peers are added as benchmarking peers."""
    errors: list[tuple[int, str]] = []
    count = 0
    reader = csv.DictReader(lines)
    for row in reader:
        try:
            net = Decimal((row.get("net_satisfaction") or "").strip())
            if not Decimal(-1) <= net <= Decimal(1):
                raise ValueError(f"net_satisfaction {net} is outside −1 to +1")
            month = dt.datetime.strptime((row.get("month") or "").strip(), "%Y-%m").date()
            name = (row.get("peer") or "").strip()
            if not name:
                raise ValueError("peer is empty: give the peer council's name")
            peer, _ = Organisation.objects.get_or_create(
                name=name, defaults={"kind": Organisation.Kind.PEER}
            )
            services.peer_satisfaction_set(
                organisation=organisation,
                peer=peer,
                month=month,
                channel=(row.get("channel") or "").strip(),
                net_satisfaction=net,
                by=by,
            )
            count += 1
        except (ValueError, InvalidOperation, ValidationError) as error:
            errors.append((reader.line_num, _message(error)))
    if errors:
        raise BadFile(errors)
    return count


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(f"{k}: {', '.join(v)}" for k, v in error.message_dict.items())
    if isinstance(error, KeyError):
        return f"disabled {error} should be yes, no or empty"
    if isinstance(error, InvalidOperation):
        return "net_satisfaction is not a number"
    return str(error)
