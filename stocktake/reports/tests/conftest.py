"""Seed papers imported through the importer, as the reports' test data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation
from stocktake.imports.save import plan_import
from stocktake.imports.services import preview_document
from stocktake.plans.models import Plan
from stocktake.testing import seed_paper

Imported = tuple[Plan, dict[str, Any]]


@pytest.fixture
def import_seed(council: Organisation, officer: User) -> Callable[..., Imported]:
    def load(prefix: str, as_at: dt.date | None = None) -> Imported:
        preview = preview_document(seed_paper(prefix))
        record = plan_import(preview=preview, organisation=council, by=officer, as_at=as_at)
        assert record.plan is not None
        return record.plan, preview

    return load
