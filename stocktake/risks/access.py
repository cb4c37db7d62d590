"""The gatekeeper for risks and equality impact assessments.

Risk registers are internal: members of the organisation who may read its plans (drafts or
signed-off) see them; the public does not. Published equality impact assessments are public.
A risk is changed by editors in scope, or by its owner when they may update their own items.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation
from stocktake.accounts.selectors import AnyUser, capabilities_in, scopes_with
from stocktake.core.ids import parse_uuid

from .models import EqualityAssessment, Partnership, Risk
from .querysets import answerable

READ = (Capability.READ_DRAFTS, Capability.READ_SIGNED_OFF)


def _reads(user: AnyUser) -> tuple[set[int], set[int]]:
    organisations: set[int] = set()
    units: set[int] = set()
    for capability in READ:
        orgs, unit_ids = scopes_with(user, capability)
        organisations |= orgs
        units |= unit_ids
    return organisations, units


def visible_risks(user: AnyUser) -> Q:
    """Risks in organisations or units where the user may read plans, and risks they own."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if getattr(user, "is_superuser", False):
        return Q()
    organisations, units = _reads(user)
    people, posts = answerable(user)
    return (
        Q(organisation_id__in=organisations)
        | Q(unit_id__in=units)
        | Q(owner_person__in=people)
        | Q(owner_post__in=posts)
    )


def visible_assessments(user: AnyUser) -> Q:
    """Published assessments for everyone; the rest as for risks."""
    published = Q(status=EqualityAssessment.Status.PUBLISHED)
    if not user.is_authenticated:
        return published
    if getattr(user, "is_superuser", False):
        return Q()
    organisations, units = _reads(user)
    people, posts = answerable(user)
    return (
        published
        | Q(organisation_id__in=organisations)
        | Q(unit_id__in=units)
        | Q(lead_person__in=people)
        | Q(lead_post__in=posts)
    )


def visible_partnerships(user: AnyUser) -> Q:
    """Partnerships in organisations or units where the user may read plans, and those they lead."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if getattr(user, "is_superuser", False):
        return Q()
    organisations, units = _reads(user)
    people, posts = answerable(user)
    return (
        Q(organisation_id__in=organisations)
        | Q(unit_id__in=units)
        | Q(lead_person__in=people)
        | Q(lead_post__in=posts)
    )


def can_read_register(user: AnyUser, organisation: Organisation) -> bool:
    """Anyone who may read something of the organisation's: whole or one of its units."""
    if getattr(user, "is_superuser", False):
        return True
    organisations, units = _reads(user)
    if organisation.pk in organisations:
        return True
    return bool(units) and organisation.units.filter(pk__in=units).exists()


def can_add(user: AnyUser, organisation: Organisation) -> bool:
    return Capability.EDIT_ALL in capabilities_in(user, organisation.pk, None)


def _can_edit(user: AnyUser, organisation_id: int, unit_id: int | None, owned: bool) -> bool:
    capabilities = capabilities_in(user, organisation_id, unit_id)
    if Capability.EDIT_ALL in capabilities:
        return True
    return Capability.UPDATE_OWN in capabilities and owned


def can_edit_risk(user: AnyUser, risk: Risk) -> bool:
    """Editors in scope, or a lead officer for risks they own (as person, post or delegate)."""
    if not user.is_authenticated:
        return False
    owned = Risk.objects.owned_by(user).filter(pk=risk.pk).exists()
    return _can_edit(user, risk.organisation_id, risk.unit_id, owned)


def can_edit_assessment(user: AnyUser, assessment: EqualityAssessment) -> bool:
    if not user.is_authenticated:
        return False
    people, posts = answerable(user)
    owned = (
        EqualityAssessment.objects.filter(pk=assessment.pk)
        .filter(Q(lead_person__in=people) | Q(lead_post__in=posts))
        .exists()
    )
    return _can_edit(user, assessment.organisation_id, assessment.unit_id, owned)


def organisation_for_register(user: AnyUser, organisation_uuid: str) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    if not can_read_register(user, found):
        raise PermissionDenied("You cannot see this organisation's risks")
    return found


def organisation_for_programme(user: AnyUser, organisation_uuid: str) -> Organisation:
    """The equality programme page is public; it shows each reader what they may see."""
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    return found


def organisation_for_adding(user: AnyUser, organisation_uuid: str) -> Organisation:
    organisation = organisation_for_register(user, organisation_uuid)
    if not can_add(user, organisation):
        raise PermissionDenied("You cannot add to this organisation's registers")
    return organisation


def risk_for_viewer(user: AnyUser, risk_uuid: str | uuid_lib.UUID) -> Risk:
    found = (
        Risk.objects.select_related(
            "organisation",
            "plan",
            "unit",
            "matrix",
            "owner_person",
            "owner_post",
            "parent",
            "partnership",
        )
        .filter(uuid=parse_uuid(risk_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such risk")
    if not Risk.objects.filter(pk=found.pk).filter(visible_risks(user)).exists():
        raise PermissionDenied("You cannot see this risk")
    return found


def risk_for_editor(user: AnyUser, risk_uuid: str | uuid_lib.UUID) -> Risk:
    risk = risk_for_viewer(user, risk_uuid)
    if not can_edit_risk(user, risk):
        raise PermissionDenied("You cannot change this risk")
    return risk


def assessment_for_editor(
    user: AnyUser, assessment_uuid: str | uuid_lib.UUID
) -> EqualityAssessment:
    found = (
        EqualityAssessment.objects.select_related("organisation", "plan", "unit")
        .filter(uuid=parse_uuid(assessment_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such assessment")
    visible = EqualityAssessment.objects.filter(pk=found.pk).filter(visible_assessments(user))
    if not visible.exists():
        raise PermissionDenied("You cannot see this assessment")
    if not can_edit_assessment(user, found):
        raise PermissionDenied("You cannot change this assessment")
    return found


def can_edit_partnership(user: AnyUser, partnership: Partnership) -> bool:
    """Editors in scope, or a lead officer for partnerships they lead."""
    if not user.is_authenticated:
        return False
    people, posts = answerable(user)
    led = (
        Partnership.objects.filter(pk=partnership.pk)
        .filter(Q(lead_person__in=people) | Q(lead_post__in=posts))
        .exists()
    )
    return _can_edit(user, partnership.organisation_id, partnership.unit_id, led)


def can_read_partnership(user: AnyUser, partnership: Partnership) -> bool:
    return Partnership.objects.filter(pk=partnership.pk).filter(visible_partnerships(user)).exists()


def partnership_for_viewer(user: AnyUser, partnership_uuid: str | uuid_lib.UUID) -> Partnership:
    found = (
        Partnership.objects.select_related(
            "organisation", "unit", "body", "lead_person", "lead_post"
        )
        .filter(uuid=parse_uuid(partnership_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such partnership")
    visible = Partnership.objects.filter(pk=found.pk).filter(visible_partnerships(user))
    if not visible.exists():
        raise PermissionDenied("You cannot see this partnership")
    return found


def partnership_for_editor(user: AnyUser, partnership_uuid: str | uuid_lib.UUID) -> Partnership:
    partnership = partnership_for_viewer(user, partnership_uuid)
    if not can_edit_partnership(user, partnership):
        raise PermissionDenied("You cannot change this partnership")
    return partnership


def organisation_for_reassigning(user: AnyUser, organisation_uuid: str) -> Organisation:
    """Moving everyone's items at once is for editors of the whole organisation."""
    organisation = organisation_for_register(user, organisation_uuid)
    if not can_add(user, organisation):
        raise PermissionDenied("You cannot reassign this organisation's risks")
    return organisation
