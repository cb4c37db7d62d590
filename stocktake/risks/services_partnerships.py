"""Writes for the partnership register: partnerships and their dated reviews.

A partnership's risks are ordinary risks (services.risk_create with `partnership=`), so they
are scored, re-scored and reassigned like every other risk.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.core.recording import Actor, acting_user, save_recorded

from . import rules
from .partnerships import Partnership, PartnershipReview
from .services import today


def partnership_derive(partnership: Partnership, base: dt.date | None = None) -> None:
    """The flags, and when the next review falls due counted from `base`."""
    flags = [f for f in partnership.flags if f != "unassigned"]
    if partnership.lead is None:
        flags.append("unassigned")
    partnership.flags = flags
    if base is not None:
        partnership.review_due_on = base + dt.timedelta(days=partnership.review_days)
    if partnership.status == Partnership.Status.ENDED and partnership.ended_on is None:
        partnership.ended_on = today()
    elif partnership.status == Partnership.Status.ACTIVE:
        partnership.ended_on = None


def _check(partnership: Partnership) -> None:
    has_person = partnership.lead_person_id is not None
    has_post = partnership.lead_post_id is not None
    rules.partnership_needs_name(partnership.name)
    rules.partnership_lead_is_one(has_person, has_post)
    rules.partnership_needs_lead(has_person or has_post)
    rules.review_cycle_at_least_a_day(partnership.review_days)
    body = partnership.body
    rules.partnership_body_is_a_partnership(body.kind if body is not None else None)


@transaction.atomic
def partnership_create(
    *,
    organisation: Organisation,
    name: str,
    by: Actor,
    lead_person: Person | None = None,
    lead_post: Post | None = None,
    body: Organisation | None = None,
    checked: bool = True,
    **fields: Any,
) -> Partnership:
    """A new partnership on the register; its first review falls due a cycle from today."""
    partnership = Partnership(
        organisation=organisation,
        name=name,
        lead_person=lead_person,
        lead_post=lead_post,
        body=body,
        **fields,
    )
    # Before the due date is counted from it: a cycle of years beyond the calendar cannot be.
    rules.review_cycle_within_five_years(partnership.review_days)
    if partnership.review_due_on is None:
        partnership_derive(partnership, base=partnership.last_reviewed_on or today())
    else:
        partnership_derive(partnership)
    if checked:
        _check(partnership)
    save_recorded(partnership, by)
    return partnership


_FIXED = {"organisation", "last_reviewed_on"}


@transaction.atomic
def partnership_edit(*, partnership: Partnership, by: Actor, **changes: Any) -> Partnership:
    """Change a partnership's own fields; its last review date changes only through a review."""
    if _FIXED & changes.keys():
        raise ValueError(f"cannot change {sorted(_FIXED & changes.keys())} here")
    for name, value in changes.items():
        setattr(partnership, name, value)
    base = None
    if "review_days" in changes and "review_due_on" not in changes:
        base = partnership.last_reviewed_on or today()
    rules.review_cycle_within_five_years(partnership.review_days)
    partnership_derive(partnership, base=base)
    _check(partnership)
    save_recorded(partnership, by)
    return partnership


@transaction.atomic
def partnership_review_add(
    *,
    partnership: Partnership,
    as_at: dt.date,
    outcome: str,
    by: Actor,
    note: str = "",
    reviewer: Person | None = None,
) -> PartnershipReview:
    """Record a review; the next falls due a cycle after the latest review by as-at date."""
    rules.review_not_after_today(as_at, today())
    rules.review_not_before_floor(as_at)
    review = PartnershipReview(
        organisation_id=partnership.organisation_id,
        partnership=partnership,
        as_at=as_at,
        outcome=outcome,
        note=note,
        reviewer=reviewer,
        entered_by=acting_user(by),
    )
    review.full_clean(exclude=["organisation", "partnership", "reviewer", "entered_by"])
    review.save()
    latest = partnership.reviews.order_by("-as_at", "-created_at", "-id").first()
    assert latest is not None  # the review just made
    partnership.last_reviewed_on = latest.as_at
    partnership_derive(partnership, base=latest.as_at)
    save_recorded(partnership, by)
    return review
