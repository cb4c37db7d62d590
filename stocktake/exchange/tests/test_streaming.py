"""Contacts are streamed: checked before the first byte is written, then written in chunks."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.customers import services as customers
from stocktake.customers.models import Contact
from stocktake.exchange import encode
from stocktake.exchange.services import (
    ExportError,
    export_json,
    export_zip,
    organisation_export,
    write_zip,
)
from stocktake.exchange.text import export_text


def _contact(organisation: Organisation, **fields: object) -> Contact:
    return Contact.objects.create(
        organisation=organisation,
        received_at=timezone.now(),
        received_on=dt.date(2009, 4, 1),
        channel="telephone",
        **fields,
    )


def test_a_contact_at_another_councils_access_point_stops_the_export_before_it_starts(
    council: Organisation, other_council: Organisation, officer: User
) -> None:
    theirs = customers.access_point_create(
        organisation=other_council, code="x", name="Theirs", kind="phone", by=officer
    )
    _contact(council, access_point=theirs)
    with pytest.raises(ExportError, match="another organisation"):
        next(export_text(organisation=council))


def test_contacts_in_several_chunks_are_written_as_the_whole_export_is(
    council: Organisation, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encode, "CHUNK", 2)
    point = customers.access_point_create(
        organisation=council, code="a", name="Office", kind="phone", by=officer
    )
    for _ in range(5):
        _contact(council, access_point=point)
    whole = organisation_export(organisation=council)
    assert len(whole["tables"]["customers.contact"]) == 5
    assert "".join(export_text(organisation=council)) == export_json(whole)
    held = zipfile.ZipFile(io.BytesIO(export_zip(whole)))
    file = io.BytesIO()
    write_zip(organisation=council, file=file)
    streamed = zipfile.ZipFile(file)
    assert sorted(streamed.namelist()) == sorted(held.namelist())
    for name in held.namelist():
        assert streamed.read(name) == held.read(name), name
