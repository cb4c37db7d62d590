"""Saved mapping profiles (how another system's export reads) in the API, for those who may
move history into the organisation (access.py): read only, as profiles are saved from the
mapping page while a file is moved in."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser
from stocktake.api.auth import READ, caller
from stocktake.api.errors import ERRORS
from stocktake.api.pagination import Pages
from stocktake.api.scope import organisation_seen, seen
from stocktake.core.ids import parse_uuid

from . import access
from .models import MappingProfile

router = Router(tags=["move-in"])


class ProfileOut(Schema):
    uuid: UUID
    organisation: UUID = Field(..., alias="organisation.uuid")
    name: str
    kind: str
    mapping: dict[str, Any]
    updated_at: dt.datetime


def _organisation_for_mover(user: AnyUser, organisation_uuid: str) -> Organisation:
    found = Organisation.objects.filter(uuid=parse_uuid(organisation_uuid)).first()
    if found is None:
        raise Http404("No such organisation")
    if not access.can_move_in(user, found.pk):
        raise PermissionDenied("You cannot move history into this organisation")
    return found


def _profile_for_mover(user: AnyUser, profile_uuid: str) -> MappingProfile:
    found = (
        MappingProfile.objects.select_related("organisation")
        .filter(uuid=parse_uuid(profile_uuid))
        .first()
    )
    if found is None:
        raise Http404("No such profile")
    if not access.can_move_in(user, found.organisation_id):
        raise PermissionDenied("You cannot see this organisation's profiles")
    return found


@router.get(
    "/organisations/{organisation_uuid}/mapping-profiles/",
    response={200: list[ProfileOut], **ERRORS},
    auth=READ,
)
@paginate(Pages)
def profile_list(request: HttpRequest, organisation_uuid: UUID) -> QuerySet[MappingProfile]:
    organisation = organisation_seen(caller(request), _organisation_for_mover, organisation_uuid)
    rows = MappingProfile.objects.filter(organisation=organisation).select_related("organisation")
    return rows.order_by("name", "id")


@router.get("/mapping-profiles/{profile_uuid}/", response={200: ProfileOut, **ERRORS}, auth=READ)
def profile_detail(request: HttpRequest, profile_uuid: UUID) -> MappingProfile:
    return seen(caller(request), _profile_for_mover, str(profile_uuid))
