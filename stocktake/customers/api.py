"""Customer insight in the API: access points with their opening hours, service standards,
and contact figures as monthly rollups (never individual contacts: they are personal and
many; the organisation export carries them).

Access points and standards the council has published are public; unpublished ones and the
contact figures are for those who may read the council's performance data (access.py).
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from stocktake.api.auth import READ, caller
from stocktake.api.errors import ERRORS
from stocktake.api.pagination import Pages
from stocktake.api.scope import organisation_seen, readable_organisations, seen, within

from . import access
from .models import AccessPoint, ContactMonth, OpeningException, ServiceStandard

router = Router(tags=["customers"])


HHMM = r"^\d{2}:\d{2}$"


def _hhmm(value: dt.time | None) -> str | None:
    # Local (UK) wall-clock times: OpenAPI's "time" format would demand a UTC offset.
    return None if value is None else f"{value:%H:%M}"


class SessionOut(Schema):
    weekday: int = Field(..., description="0 = Monday … 6 = Sunday")
    opens: str = Field(..., description="Local time, HH:MM.", pattern=HHMM)
    closes: str = Field(..., description="At or before opens: runs past midnight.", pattern=HHMM)

    @staticmethod
    def resolve_opens(obj: Any) -> str | None:
        return _hhmm(obj.opens)

    @staticmethod
    def resolve_closes(obj: Any) -> str | None:
        return _hhmm(obj.closes)


class ExceptionOut(Schema):
    date: dt.date
    opens: str | None = Field(None, description="Null: closed all day.")
    closes: str | None = None
    reason: str

    @staticmethod
    def resolve_opens(obj: Any) -> str | None:
        return _hhmm(obj.opens)

    @staticmethod
    def resolve_closes(obj: Any) -> str | None:
        return _hhmm(obj.closes)


class AccessPointOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    code: str
    name: str
    kind: str
    address: str
    area_code: str
    accessibility: str
    always_open: bool
    closed_on_bank_holidays: bool
    holiday_region: str
    is_public: bool
    sessions: list[SessionOut]

    @staticmethod
    def resolve_sessions(obj: AccessPoint) -> list[object]:
        return list(obj.sessions.all())


class AccessPointDetail(AccessPointOut):
    exceptions: list[ExceptionOut] = Field(..., description="From today on.")

    @staticmethod
    def resolve_exceptions(obj: AccessPoint) -> list[object]:
        return list(obj.exceptions.all())


def _upcoming() -> "Prefetch[Any]":
    since = timezone.localdate() - dt.timedelta(days=1)
    return Prefetch("exceptions", queryset=OpeningException.objects.filter(date__gte=since))


def _points(request: HttpRequest) -> QuerySet[AccessPoint]:
    who = caller(request)
    rows = AccessPoint.objects.select_related("organisation").prefetch_related("sessions")
    return within(who, rows, access.visible_access_points(who.user))


class PointFilters(Schema):
    organisation: UUID | None = None
    kind: AccessPoint.Kind | None = None


@router.get("/access-points/", response={200: list[AccessPointOut], **ERRORS}, auth=READ)
@paginate(Pages)
def access_point_list(request: HttpRequest, filters: Query[PointFilters]) -> QuerySet[AccessPoint]:
    # A retired place is no longer somewhere to contact the council; its own page still answers.
    rows = (
        _points(request).filter(retired_on__isnull=True).order_by("organisation_id", "name", "id")
    )
    if filters.organisation:
        rows = rows.filter(organisation__uuid=filters.organisation)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    return rows


@router.get(
    "/access-points/{access_point_uuid}/",
    response={200: AccessPointDetail, **ERRORS},
    auth=READ,
)
def access_point_detail(request: HttpRequest, access_point_uuid: UUID) -> AccessPoint:
    point = seen(caller(request), access.access_point_for_viewer, str(access_point_uuid))
    found = (
        AccessPoint.objects.filter(pk=point.pk)
        .select_related("organisation")
        .prefetch_related("sessions", _upcoming())
        .first()
    )
    assert found is not None  # seen a moment ago
    return found


class StandardOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    title: str
    channel: str
    indicator: UUID | None = None
    is_published: bool
    position: int

    @staticmethod
    def resolve_indicator(obj: ServiceStandard) -> UUID | None:
        return obj.indicator.uuid if obj.indicator is not None else None


@router.get("/service-standards/", response={200: list[StandardOut], **ERRORS}, auth=READ)
@paginate(Pages)
def standard_list(
    request: HttpRequest, organisation: UUID | None = None
) -> QuerySet[ServiceStandard]:
    """Published standards for everyone; unpublished ones for the council's readers."""
    who = caller(request)
    readers = readable_organisations(who, access.READ)
    visible = Q() if readers is None else Q(is_published=True) | Q(organisation_id__in=readers)
    rows = within(who, ServiceStandard.objects.select_related("organisation", "indicator"), visible)
    if organisation:
        rows = rows.filter(organisation__uuid=organisation)
    return rows.order_by("organisation_id", "position", "id")


class ContactMonthOut(Schema):
    """Contacts in a month for one service and channel. `contacts` counts those NI 14 counts;
    `excluded` the rest. Reasons count avoidable contacts by why they were avoidable."""

    month: dt.date
    service_code: str
    channel: str
    contacts: int
    excluded: int
    avoidable: int
    unavoidable: int
    resolved_first: int
    first_known: int
    requests_resolved: int
    progress_chasing: int
    clarification: int
    wrong_department: int
    not_online: int
    repeat: int
    other: int


class MonthFilters(Schema):
    since: dt.date | None = Field(None, description="From this month on.")
    until: dt.date | None = Field(None, description="Up to this month.")
    service_code: str | None = None
    channel: str | None = None


@router.get(
    "/organisations/{organisation_uuid}/contact-months/",
    response={200: list[ContactMonthOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def contact_months(
    request: HttpRequest, organisation_uuid: UUID, filters: Query[MonthFilters]
) -> QuerySet[ContactMonth]:
    """The council's contacts summed by month, service and channel, for its readers."""
    organisation = organisation_seen(
        caller(request), access.organisation_for_reader, organisation_uuid
    )
    rows = ContactMonth.objects.filter(organisation=organisation)
    if filters.since:
        rows = rows.filter(month__gte=filters.since.replace(day=1))
    if filters.until:
        rows = rows.filter(month__lte=filters.until)
    if filters.service_code is not None:
        rows = rows.filter(service_code=filters.service_code)
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    return rows.order_by("month", "service_code", "channel", "id")
