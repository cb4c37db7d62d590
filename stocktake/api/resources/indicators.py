"""Indicators, their targets and measured values.

Values and targets are validated by the web pages' own forms and saved by the same services,
so status colours and arrows are worked out exactly as when a person enters them.
"""

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.indicators import access, services
from stocktake.indicators.forms import MeasurementForm
from stocktake.indicators.forms_editing import TargetForm
from stocktake.indicators.models import Indicator, Measurement, Target

from ..auth import READ, WRITE, caller
from ..errors import ERRORS, WRITE_ERRORS, form_messages
from ..pagination import Pages
from ..scope import seen, within
from .indicators_schemas import IndicatorOut, MeasurementIn, MeasurementOut, TargetIn, TargetOut

router = Router(tags=["indicators"])


class IndicatorFilters(Schema):
    organisation: UUID | None = None
    unit: UUID | None = None
    plan: UUID | None = None
    family: str | None = None
    code: str | None = None


def _indicators(request: HttpRequest) -> QuerySet[Indicator]:
    who = caller(request)
    rows = Indicator.objects.select_related(
        "organisation", "definition", "unit", "plan", "owner_person", "owner_post"
    )
    return within(who, rows, access.visible_indicators(who.user))


@router.get("/indicators/", response={200: list[IndicatorOut], **ERRORS}, auth=READ)
@paginate(Pages)
def indicator_list(request: HttpRequest, filters: Query[IndicatorFilters]) -> QuerySet[Indicator]:
    rows = _indicators(request).order_by("organisation_id", "position", "id")
    for name in ("organisation", "unit", "plan"):
        if getattr(filters, name):
            rows = rows.filter(**{f"{name}__uuid": getattr(filters, name)})
    if filters.family:
        rows = rows.filter(definition__family=filters.family)
    if filters.code:
        rows = rows.filter(definition__code__iexact=filters.code)
    return rows


@router.get("/indicators/{indicator_uuid}/", response={200: IndicatorOut, **ERRORS}, auth=READ)
def indicator_detail(request: HttpRequest, indicator_uuid: UUID) -> Indicator:
    return seen(caller(request), access.indicator_for_viewer, str(indicator_uuid))


@router.get(
    "/indicators/{indicator_uuid}/targets/", response={200: list[TargetOut], **ERRORS}, auth=READ
)
@paginate(Pages)
def target_list(request: HttpRequest, indicator_uuid: UUID) -> QuerySet[Target]:
    indicator = seen(caller(request), access.indicator_for_viewer, str(indicator_uuid))
    return indicator.targets.select_related("indicator").order_by("period_start", "name", "id")


@router.put(
    "/indicators/{indicator_uuid}/targets/",
    response={200: TargetOut, **WRITE_ERRORS},
    auth=WRITE,
)
def target_set(request: HttpRequest, indicator_uuid: UUID, payload: TargetIn) -> Target:
    """Set (or replace) the named target for a period, as the target page does."""
    who = caller(request)
    seen(who, access.indicator_for_viewer, str(indicator_uuid))
    indicator = access.indicator_for_editor(who.user, str(indicator_uuid))
    form = TargetForm(_form_data(payload.dict()))
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    return services.target_set(indicator=indicator, by=who.user, **form.service_arguments())


@router.get(
    "/indicators/{indicator_uuid}/measurements/",
    response={200: list[MeasurementOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def measurement_list(request: HttpRequest, indicator_uuid: UUID) -> QuerySet[Measurement]:
    indicator = seen(caller(request), access.indicator_for_viewer, str(indicator_uuid))
    rows = Measurement.objects.filter(organisation_id=indicator.organisation_id)
    return rows.filter(indicator=indicator).select_related("indicator").order_by("period_start")


@router.post(
    "/indicators/{indicator_uuid}/measurements/",
    response={201: MeasurementOut, **WRITE_ERRORS},
    auth=WRITE,
)
def measurement_record(
    request: HttpRequest, indicator_uuid: UUID, payload: MeasurementIn
) -> Status[Any]:
    """Record one period's value, as the value page does (owners and editors); a value already
    entered for the period is replaced only when the body says `"replace": true`."""
    who = caller(request)
    seen(who, access.indicator_for_viewer, str(indicator_uuid))
    indicator = access.indicator_for_updater(who.user, str(indicator_uuid))
    # The page asks a person to confirm an unusual value they have just typed; a system sending
    # its own figures has no one to ask, so its values are taken as checked (as before).
    data = _form_data(payload.dict()) | {"unusual_confirmed": "on"}
    form = MeasurementForm(data, definition=indicator.definition, indicator=indicator)
    if not form.is_valid():
        raise ValidationError(form_messages(form.errors))
    saved = services.measurement_record(
        indicator=indicator, by=who.user, **form.service_arguments()
    )
    return Status(201, saved)


def _form_data(sent: dict[str, Any]) -> dict[str, Any]:
    """JSON values as a browser would post them: nothing for None, "on" or nothing for booleans."""
    data: dict[str, Any] = {}
    for key, value in sent.items():
        if value is None or value is False:
            continue
        data[key] = "on" if value is True else str(value)
    return data
