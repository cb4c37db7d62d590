"""Who answers for what: posts filled and vacated, leavers, bulk reassignment, duplicate people."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from rapidfuzz import fuzz, process

from stocktake.accounts.models import Delegation, Organisation, Person, Post, PostHolding
from stocktake.core.recording import Actor, delete_recorded, save_recorded

from .models import Action, ActionOwner, ProgressUpdate
from .services import today


@transaction.atomic
def post_fill(
    *, post: Post, person: Person, by: Actor, start_date: dt.date | None = None
) -> PostHolding:
    """The person holds the post from the start date; the previous holder stops the day before."""
    start_date = start_date or today()
    for holding in PostHolding.objects.held_on(start_date).filter(post=post):
        holding.end_date = start_date - dt.timedelta(days=1)
        save_recorded(holding, by)
    holding = PostHolding(post=post, person=person, start_date=start_date)
    save_recorded(holding, by)
    return holding


@transaction.atomic
def post_vacate(*, post: Post, by: Actor, end_date: dt.date | None = None) -> None:
    end_date = end_date or today()
    for holding in PostHolding.objects.held_on(end_date).filter(post=post):
        holding.end_date = end_date
        save_recorded(holding, by)


@transaction.atomic
def person_leave(*, person: Person, by: Actor, left_on: dt.date | None = None) -> Person:
    """Record a leaver: their posts fall vacant and their items wait for new owners."""
    left_on = left_on or today()
    person.left_on = left_on
    save_recorded(person, by)
    for holding in PostHolding.objects.held_on(left_on).filter(person=person):
        holding.end_date = left_on
        save_recorded(holding, by)
    return person


@transaction.atomic
def delegation_create(
    *,
    delegator: Person,
    delegate: Person,
    by: Actor,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
) -> Delegation:
    delegation = Delegation(
        delegator=delegator,
        delegate=delegate,
        start_date=start_date or today(),
        end_date=end_date,
    )
    save_recorded(delegation, by)
    return delegation


@transaction.atomic
def owners_reassign(
    *,
    by: Actor,
    from_person: Person | None = None,
    from_post: Post | None = None,
    to_person: Person | None = None,
    to_post: Post | None = None,
    actions: QuerySet[Action] | None = None,
) -> int:
    """Move every ownership (or those of the given actions) from one owner to another.

    Each change is recorded in the ownership history. Returns how many items moved.
    """
    if (from_person is None) == (from_post is None) or (to_person is None) == (to_post is None):
        raise ValueError("give exactly one owner to move from and one to move to")
    if from_person is not None:
        moving = ActionOwner.objects.filter(person=from_person)
    else:
        moving = ActionOwner.objects.filter(post=from_post)
    if actions is not None:
        moving = moving.filter(action__in=actions)
    moved = 0
    for ownership in moving.select_related("action"):
        exists = ActionOwner.objects.filter(
            action=ownership.action, person=to_person, post=to_post, kind=ownership.kind
        ).exists()
        if exists:
            delete_recorded(ownership, by)
        else:
            ownership.person, ownership.post = to_person, to_post
            save_recorded(ownership, by)
        moved += 1
    return moved


@dataclass(frozen=True)
class Reassignments:
    vacant_posts: list[Post]
    leavers: list[Person]


def needing_new_owners(organisation: Organisation, when: dt.date | None = None) -> Reassignments:
    """Vacant posts and leavers who still own items: the administrator's reassignment list."""
    when = when or today()
    vacant = Post.objects.filter(organisation=organisation).vacant_on(when)
    leavers = Person.objects.filter(organisation=organisation, left_on__lte=when)
    return Reassignments(
        vacant_posts=list(vacant.filter(ownerships__isnull=False).distinct()),
        leavers=list(leavers.filter(ownerships__isnull=False).distinct()),
    )


@dataclass(frozen=True)
class DuplicateProposal:
    keep: Person
    duplicate: Person
    score: float


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def duplicate_people(organisation: Organisation, threshold: float = 88) -> list[DuplicateProposal]:
    """Pairs of people whose names look like one person spelt twice, for an administrator."""
    people = list(Person.objects.filter(organisation=organisation, merged_into__isnull=True))
    keys = [_name_key(p.name) for p in people]
    proposals = []
    for i, key in enumerate(keys):
        if len(key) <= 3:  # initials alone say too little to propose a merge
            continue
        later = keys[i + 1 :]
        for _, score, j in process.extract(
            key, later, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        ):
            proposals.append(DuplicateProposal(people[i], people[i + 1 + j], float(score)))
    return sorted(proposals, key=lambda p: -p.score)


@transaction.atomic
def people_merge(*, keep: Person, duplicate: Person, by: Actor) -> Person:
    """Fold a duplicate into the person kept: their items, posts and updates move across.

    The duplicate record stays, marked merged, so history still names who was recorded then.
    """
    if keep.pk == duplicate.pk or keep.organisation_id != duplicate.organisation_id:
        raise ValueError("merge two different people of the same organisation")
    owners_reassign(from_person=duplicate, to_person=keep, by=by)
    for holding in PostHolding.objects.filter(person=duplicate):
        holding.person = keep
        save_recorded(holding, by)
    for update in ProgressUpdate.objects.filter(author=duplicate):
        update.author = keep
        save_recorded(update, by)
    if keep.user_id is None and duplicate.user_id is not None:
        keep.user_id, duplicate.user_id = duplicate.user_id, None
        save_recorded(duplicate, by)
    keep.email = keep.email or duplicate.email
    save_recorded(keep, by)
    duplicate.merged_into = keep
    save_recorded(duplicate, by)
    return keep
