"""Sign-off: a reviewer accepts or returns a provisional update before it counts as final."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans import services as plans
from stocktake.plans.models import ProgressUpdate, UpdateState

from . import rules


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
    *, update: ProgressUpdate, by: Actor, now: dt.datetime, comment: str
) -> ProgressUpdate:
    rules.return_needs_comment(comment)
    return _review(update, UpdateState.RETURNED, comment, by, now)
