"""The gatekeeper for indicators: every view asks here, never fetches indicators itself.

Members who may read an organisation's plans (drafts or signed-off) read its indicators; the
public sees only indicators marked public. Owners enter values for theirs by the rule owners
update their actions by (plans.access.updates_own_in): update_own anywhere in the organisation,
whatever service the indicator sits in, or in a council that is a current member of the
partnership owning it. edit_all covers everything in scope. Unknown is 404; not allowed raises
PermissionDenied.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from stocktake.accounts.models import Capability, Organisation, Unit
from stocktake.accounts.selectors import AnyUser, capabilities_in, scopes_with
from stocktake.core.ids import parse_uuid
from stocktake.plans.access import updates_own_in

from .models import DatasetImport, Indicator, Target

_READ = (Capability.READ_DRAFTS, Capability.READ_SIGNED_OFF)


def visible_indicators(user: AnyUser) -> Q:
    condition = Q(is_public=True)
    if not user.is_authenticated:
        return condition
    if getattr(user, "is_superuser", False):
        return Q()
    organisations: set[int] = set()
    units: set[int] = set()
    for capability in _READ:
        found_orgs, found_units = scopes_with(user, capability)
        organisations |= found_orgs
        units |= found_units
    owned = Indicator.objects.owned_by(user).filter(pk=OuterRef("pk"))
    return (
        condition | Q(organisation_id__in=organisations) | Q(unit_id__in=units) | Q(Exists(owned))
    )


def _capabilities(user: AnyUser, indicator: Indicator) -> frozenset[str]:
    return capabilities_in(user, indicator.organisation_id, indicator.unit_id)


def _owns(user: AnyUser, indicator: Indicator) -> bool:
    return Indicator.objects.owned_by(user).filter(pk=indicator.pk).exists()


def can_view_indicator(user: AnyUser, indicator: Indicator) -> bool:
    if indicator.is_public or set(_READ) & _capabilities(user, indicator):
        return True
    return _owns(user, indicator)


def can_enter_values(user: AnyUser, indicator: Indicator, *, owned: bool | None = None) -> bool:
    """Editors in the indicator's scope, or its owners (post holders, delegates, updaters) who
    may update their own work somewhere in its organisation. owned, where already known
    (a list of the user's own indicators), saves a query."""
    if Capability.EDIT_ALL in _capabilities(user, indicator):
        return True
    if not updates_own_in(user, indicator.organisation_id):
        return False
    return _owns(user, indicator) if owned is None else owned


def mark_enterable(user: AnyUser, owned: list[Indicator]) -> list[Indicator]:
    """Mark each of the user's own indicators with can_enter, so a list offers entry only
    where the form will open: never for calculated ones, whose values are worked out."""
    for indicator in owned:
        indicator.can_enter = not indicator.definition.formula and can_enter_values(  # type: ignore[attr-defined]
            user, indicator, owned=True
        )
    return owned


def can_edit_indicator(user: AnyUser, indicator: Indicator) -> bool:
    return Capability.EDIT_ALL in _capabilities(user, indicator)


def can_chase(user: AnyUser) -> bool:
    """Performance officers and others who edit everything in some scope chase missing data."""
    if not user.is_authenticated:
        return False
    return getattr(user, "is_superuser", False) or any(scopes_with(user, Capability.EDIT_ALL))


def can_import_for(user: AnyUser, organisation_id: int) -> bool:
    return Capability.EDIT_ALL in capabilities_in(user, organisation_id, None)


def organisations_for_importer(user: AnyUser) -> list[Organisation]:
    """Datasets are imported by those who edit everything in a whole organisation."""
    if getattr(user, "is_superuser", False):
        return list(Organisation.objects.filter(kind=Organisation.Kind.COUNCIL))
    organisations, _ = scopes_with(user, Capability.EDIT_ALL)
    return list(Organisation.objects.filter(pk__in=organisations))


def organisations_writable_by_importer(user: AnyUser) -> set[int] | None:
    """Whose own values a dataset may write for this user (None: anyone's). Rows for others
    are refused, except benchmarking peers' figures, which the importer lets through."""
    if getattr(user, "is_superuser", False):
        return None
    organisations, _ = scopes_with(user, Capability.EDIT_ALL)
    return organisations


def dataset_for_importer(user: AnyUser, dataset_uuid: str) -> DatasetImport:
    found = (
        DatasetImport.objects.select_related("organisation")
        .filter(uuid=parse_uuid(dataset_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such dataset")
    if not can_import_for(user, found.organisation_id):
        raise PermissionDenied("You cannot import datasets for this organisation")
    return found


def indicator_for_viewer(user: AnyUser, indicator_uuid: str | uuid_lib.UUID) -> Indicator:
    found = (
        Indicator.objects.select_related(
            "organisation", "definition", "unit", "plan", "section", "owner_person", "owner_post"
        )
        .filter(uuid=parse_uuid(indicator_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such indicator")
    if not can_view_indicator(user, found):
        raise PermissionDenied("You cannot see this indicator")
    return found


def indicator_for_updater(user: AnyUser, indicator_uuid: str | uuid_lib.UUID) -> Indicator:
    indicator = indicator_for_viewer(user, indicator_uuid)
    if not can_enter_values(user, indicator):
        raise PermissionDenied("You cannot enter values for this indicator")
    return indicator


def indicator_for_editor(user: AnyUser, indicator_uuid: str | uuid_lib.UUID) -> Indicator:
    """Definitions and targets are changed by those who edit everything in the indicator's scope."""
    indicator = indicator_for_viewer(user, indicator_uuid)
    if not can_edit_indicator(user, indicator):
        raise PermissionDenied("You cannot change this indicator")
    return indicator


def definition_for_editor(user: AnyUser, indicator_uuid: str | uuid_lib.UUID) -> Indicator:
    """A national definition is shared by every council, so no one council's officers change it."""
    indicator = indicator_for_editor(user, indicator_uuid)
    if indicator.definition.is_national and not getattr(user, "is_superuser", False):
        raise PermissionDenied("National definitions are shared and cannot be changed here")
    return indicator


def target_for_editor(user: AnyUser, indicator: Indicator, target_uuid: str) -> Target:
    found = Target.objects.filter(indicator=indicator, uuid=parse_uuid(target_uuid)).first()
    if found is None:
        raise Http404("No such target")
    return found


def unit_for_reader(user: AnyUser, unit_uuid: str | uuid_lib.UUID) -> Unit:
    """A service's scorecard is for people who may read that service's indicators."""
    unit = Unit.objects.select_related("organisation").filter(uuid=parse_uuid(unit_uuid)).first()
    if unit is None:
        raise Http404("No such service")
    if not set(_READ) & capabilities_in(user, unit.organisation_id, unit.pk):
        raise PermissionDenied("You cannot see this service's scorecard")
    return unit


def can_publish(user: AnyUser, indicator: Indicator) -> bool:
    """Publishing follows plans: the publish capability in the indicator's scope."""
    capabilities = capabilities_in(user, indicator.organisation_id, indicator.unit_id)
    return Capability.PUBLISH in capabilities
