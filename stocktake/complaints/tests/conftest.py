"""A council with its default procedures and the people who handle complaints."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, Person, Unit
from stocktake.complaints import services
from stocktake.complaints.models import Complaint, Procedure
from stocktake.testing import MakeUser


@pytest.fixture
def procedures(council: Organisation, officer: User) -> dict[str, Procedure]:
    return {p.code: p for p in services.procedures_ensure(organisation=council, by=officer)}


@pytest.fixture
def handlers(make_user: MakeUser, council: Organisation, service: Unit) -> list[Person]:
    return [make_user("Lead officer", council, unit=service)[1] for _ in range(2)]


@pytest.fixture
def complaint(
    council: Organisation, service: Unit, officer: User, procedures: dict[str, Procedure]
) -> Complaint:
    return services.complaint_receive(
        organisation=council,
        received_on=dt.date(2025, 12, 24),
        channel="email",
        unit=service,
        summary="Bin not collected three weeks running",
        complainant_name="Agnes Nutter",
        complainant_contact="agnes@example.org",
        outcome_sought="Collect the bin",
        by=officer,
    )
