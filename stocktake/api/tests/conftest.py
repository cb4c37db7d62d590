from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from stocktake.accounts.models import Organisation
from stocktake.api.services import token_create

MakeToken = Callable[..., dict[str, str]]


@pytest.fixture(autouse=True)
def _fresh_throttles(settings: Any) -> None:
    """Each test starts with empty rate-limit counts."""
    cache.clear()


@pytest.fixture
def make_token(db: None) -> MakeToken:
    """make_token(user, organisation) → the headers that authenticate with a new token."""

    def make(user: User, organisation: Organisation, name: str = "Power BI") -> dict[str, str]:
        _, raw = token_create(user=user, organisation=organisation, name=name)
        return {"Authorization": f"Bearer {raw}"}

    return make
