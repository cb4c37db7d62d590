"""Five failed sign-ins for a username or from an address in 15 minutes lock it for 15 minutes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, override_settings

from stocktake.accounts import throttle
from stocktake.testing import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counts() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1") -> int:
    response = client.post(
        "/sign-in/", {"username": username, "password": password}, REMOTE_ADDR=address
    )
    return response.status_code


def _fail(client: Client, username: str, times: int, address: str = "10.0.0.1") -> None:
    for _ in range(times):
        assert _sign_in(client, username, "wrong", address) == 200


def test_four_failures_still_let_the_right_password_in(client: Client, officer: User) -> None:
    _fail(client, officer.username, 4)

    assert _sign_in(client, officer.username, PASSWORD) == 302


def test_after_five_failures_even_the_right_password_is_refused_with_a_clear_message(
    client: Client, officer: User
) -> None:
    _fail(client, officer.username, 5)

    response = client.post(
        "/sign-in/", {"username": officer.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )

    assert response.status_code == 200
    assert "too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_username_lock_ignores_case_and_spaces(client: Client, officer: User) -> None:
    _fail(client, officer.username.upper(), 5)

    assert _sign_in(client, f" {officer.username} ", PASSWORD, "10.0.0.9") == 200


def test_five_failures_from_one_address_lock_that_address_for_every_username(
    client: Client, officer: User
) -> None:
    for n in range(5):
        _fail(client, f"guess-{n}", 1, address="10.0.0.7")

    assert _sign_in(client, officer.username, PASSWORD, "10.0.0.7") == 200
    assert _sign_in(client, officer.username, PASSWORD, "10.0.0.8") == 302


def test_a_successful_sign_in_clears_the_usernames_count(client: Client, officer: User) -> None:
    _fail(client, officer.username, 4, address="10.0.0.1")
    assert _sign_in(client, officer.username, PASSWORD, "10.0.0.2") == 302
    client.logout()

    _fail(client, officer.username, 4, address="10.0.0.3")
    assert _sign_in(client, officer.username, PASSWORD, "10.0.0.4") == 302


def test_the_lock_lifts_after_15_minutes(client: Client, officer: User) -> None:
    _fail(client, officer.username, 5)
    later = time.time() + timedelta(minutes=15, seconds=1).total_seconds()

    with mock.patch("time.time", return_value=later):
        assert _sign_in(client, officer.username, PASSWORD, "10.0.0.5") == 302


@override_settings(TRUST_PROXY_HEADERS=True)
def test_behind_a_trusted_proxy_the_address_is_the_last_forwarded_one(client: Client) -> None:
    for _ in range(5):
        client.post(
            "/sign-in/",
            {"username": "someone", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9",
        )

    assert throttle.is_locked(username="other", address="203.0.113.9")
    assert not throttle.is_locked(username="other", address="10.0.0.1")
    assert not throttle.is_locked(username="other", address="1.2.3.4")
