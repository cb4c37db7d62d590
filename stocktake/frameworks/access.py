"""The gatekeeper for frameworks and assessments: views ask here, never fetch objects themselves.

Not found is 404; found but not allowed raises PermissionDenied (sign-in for anonymous users).
Frameworks are global and readable by anyone signed in; loading one needs administer rights.
An assessment is read by those who read drafts in its scope, by its assessors, and (once
agreed) by those who read signed-off work; evidence files follow their assessment.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation, Unit
from stocktake.accounts.selectors import AnyUser, capabilities_in, grants_for, scopes_with
from stocktake.core.ids import parse_uuid

from .models import CriterionEvidence, CriterionRating, Framework, FrameworkAssessment

AGREED = FrameworkAssessment.Status.AGREED


def can_load_frameworks(user: AnyUser) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    organisations, _ = scopes_with(user, Capability.ADMINISTER)
    return bool(organisations)


def framework_for_viewer(user: AnyUser, framework_uuid: str | uuid_lib.UUID) -> Framework:
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to see frameworks")
    found = Framework.objects.filter(uuid=parse_uuid(framework_uuid)).first()
    if found is None:
        raise Http404("No such framework")
    return found


def visible_assessments(user: AnyUser) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    if getattr(user, "is_superuser", False):
        return Q()
    organisations, units = scopes_with(user, Capability.READ_DRAFTS)
    signed_orgs, signed_units = scopes_with(user, Capability.READ_SIGNED_OFF)
    return (
        Q(organisation_id__in=organisations)
        | Q(unit_id__in=units)
        | Q(status=AGREED, organisation_id__in=signed_orgs)
        | Q(status=AGREED, unit_id__in=signed_units)
        | Q(assessors__user_id=user.pk)
    )


def _capabilities(user: AnyUser, assessment: FrameworkAssessment) -> frozenset[str]:
    return capabilities_in(user, assessment.organisation_id, assessment.unit_id)


def is_assessor(user: AnyUser, assessment: FrameworkAssessment) -> bool:
    return user.is_authenticated and assessment.assessors.filter(user_id=user.pk).exists()


def can_view(user: AnyUser, assessment: FrameworkAssessment) -> bool:
    capabilities = _capabilities(user, assessment)
    if Capability.READ_DRAFTS in capabilities:
        return True
    if assessment.status == AGREED and Capability.READ_SIGNED_OFF in capabilities:
        return True
    return is_assessor(user, assessment)


def can_manage(user: AnyUser, assessment: FrameworkAssessment) -> bool:
    """Name assessors, record the external verdict, link gap actions."""
    return Capability.EDIT_ALL in _capabilities(user, assessment)


def can_assess(user: AnyUser, assessment: FrameworkAssessment) -> bool:
    if not assessment.is_editable:
        return False
    if Capability.EDIT_ALL in _capabilities(user, assessment):
        return True
    # A named assessor may rate a council-wide assessment from a membership in one service.
    may_update = any(
        g.organisation_id == assessment.organisation_id and Capability.UPDATE_OWN in g.capabilities
        for g in grants_for(user)
    )
    return may_update and is_assessor(user, assessment)


def can_review(user: AnyUser, assessment: FrameworkAssessment) -> bool:
    return Capability.APPROVE in _capabilities(user, assessment)


def assessment_for_viewer(
    user: AnyUser, assessment_uuid: str | uuid_lib.UUID
) -> FrameworkAssessment:
    found = (
        FrameworkAssessment.objects.select_related("organisation", "unit", "framework")
        .filter(uuid=parse_uuid(assessment_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such assessment")
    if not can_view(user, found):
        raise PermissionDenied("You cannot see this assessment")
    return found


def assessment_for_assessor(
    user: AnyUser, assessment_uuid: str | uuid_lib.UUID
) -> FrameworkAssessment:
    assessment = assessment_for_viewer(user, assessment_uuid)
    if not can_assess(user, assessment):
        raise PermissionDenied("You cannot change this assessment")
    return assessment


def assessment_for_manager(
    user: AnyUser, assessment_uuid: str | uuid_lib.UUID
) -> FrameworkAssessment:
    assessment = assessment_for_viewer(user, assessment_uuid)
    if not can_manage(user, assessment):
        raise PermissionDenied("You cannot manage this assessment")
    return assessment


def assessment_for_reviewer(
    user: AnyUser, assessment_uuid: str | uuid_lib.UUID
) -> FrameworkAssessment:
    assessment = assessment_for_viewer(user, assessment_uuid)
    if not can_review(user, assessment):
        raise PermissionDenied("You cannot review this assessment")
    return assessment


def rating_in(assessment: FrameworkAssessment, criterion_uuid: str) -> CriterionRating:
    """A criterion's row of an assessment the caller has already been allowed to see."""
    found = (
        CriterionRating.objects.select_related("criterion__theme", "assessment__framework")
        .filter(assessment=assessment, criterion__uuid=parse_uuid(criterion_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such criterion in this assessment")
    return found


def evidence_for_viewer(user: AnyUser, evidence_uuid: str | uuid_lib.UUID) -> CriterionEvidence:
    found = (
        CriterionEvidence.objects.select_related("rating__assessment")
        .filter(uuid=parse_uuid(evidence_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such evidence")
    if not can_view(user, found.rating.assessment):
        raise PermissionDenied("You cannot see this evidence")
    return found


def organisations_for_assessing(user: AnyUser) -> QuerySet[Organisation]:
    """Where the user may start an assessment: wherever they edit all, whole or one service."""
    if getattr(user, "is_superuser", False):
        return Organisation.objects.all()
    organisations, units = scopes_with(user, Capability.EDIT_ALL)
    unit_orgs = Unit.objects.filter(pk__in=units).values_list("organisation_id", flat=True)
    return Organisation.objects.filter(pk__in=set(organisations) | set(unit_orgs))
