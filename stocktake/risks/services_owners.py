"""Bulk moves of risk owners, assessment leads and partnership leads when someone leaves.

Each item is saved on its own through save_recorded, so its history says who moved it and when.
"""

from __future__ import annotations

from django.db import transaction

from stocktake.accounts.models import Person, Post
from stocktake.core.recording import Actor, save_recorded

from . import rules
from . import services_equality as equality
from .equality import EqualityAssessment
from .models import Risk
from .partnerships import Partnership
from .services import risk_derive as risk_refresh
from .services_partnerships import partnership_derive as partnership_refresh


@transaction.atomic
def risk_owners_reassign(
    *,
    by: Actor,
    from_person: Person | None = None,
    from_post: Post | None = None,
    to_person: Person | None = None,
    to_post: Post | None = None,
) -> int:
    """Move every risk, equality impact assessment and partnership that one person or post
    answers for to another person or post. Returns how many items moved."""
    sources = [o for o in (from_person, from_post) if o is not None]
    targets = [o for o in (to_person, to_post) if o is not None]
    rules.reassign_from_one_to_one(len(sources), len(targets))
    source, target = sources[0], targets[0]
    rules.reassign_within_organisation(source.organisation_id, target.organisation_id)
    rules.reassign_not_to_self(type(source) is type(target) and source.pk == target.pk)
    if to_person is not None:
        rules.reassign_not_to_leaver(to_person.left_on)
    kind = "person" if from_person is not None else "post"
    owner: dict[str, Person | Post] = {f"owner_{kind}": source}
    lead: dict[str, Person | Post] = {f"lead_{kind}": source}
    moved = 0
    for risk in Risk.objects.filter(**owner).select_related("matrix"):
        risk.owner_person, risk.owner_post = to_person, to_post
        risk_refresh(risk)
        save_recorded(risk, by)
        moved += 1
    for assessment in EqualityAssessment.objects.filter(**lead):
        assessment.lead_person, assessment.lead_post = to_person, to_post
        equality._flags(assessment)
        save_recorded(assessment, by)
        moved += 1
    for partnership in Partnership.objects.filter(**lead):
        partnership.lead_person, partnership.lead_post = to_person, to_post
        partnership_refresh(partnership)
        save_recorded(partnership, by)
        moved += 1
    return moved
