"""Sign-off: a reviewer accepts or returns a provisional update before it counts as final."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans import services as plans
from stocktake.plans.models import ProgressUpdate, UpdateState

from . import rules
from .models import Outbox, ReportingCycle


def _review(
    update: ProgressUpdate, state: str, comment: str, by: Actor, now: dt.datetime
) -> ProgressUpdate:
    rules.reviewed_once(update)
    update.state = state
    update.review_comment = comment.strip()
    update.reviewed_by = acting_user(by)
    update.reviewed_at = now
    save_recorded(update, by)
    return update


@transaction.atomic
def update_accept(
    *, update: ProgressUpdate, by: Actor, now: dt.datetime, comment: str = ""
) -> ProgressUpdate:
    _review(update, UpdateState.VERIFIED, comment, by, now)
    plans.update_takes_effect(update=update, by=by)
    return update


@transaction.atomic
def update_return(
    *, update: ProgressUpdate, cycle: ReportingCycle, by: Actor, now: dt.datetime, comment: str
) -> ProgressUpdate:
    """Return the update to its author with what to change, and email them (through the
    outbox, like requests). An update with no author has nobody to tell."""
    rules.return_needs_comment(comment)
    _review(update, UpdateState.RETURNED, comment, by, now)
    if update.author_id is not None:
        Outbox.objects.get_or_create(
            progress_update=update,
            kind=Outbox.Kind.RETURNED,
            defaults={
                "organisation_id": cycle.organisation_id,
                "cycle": cycle,
                "owner_id": update.author_id,
                "created_at": now,
            },
        )
    return update
