"""Production settings pass the deployment checks; every page carries the security headers."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION = {
    "DEBUG": False,
    "SECRET_KEY": "a-long-random-production-key-5f0c9e2b7d41a8c6e3f9b0d2a7c4e1f8b6d3a9c0",
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
}


def test_the_deployment_checks_pass_under_production_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The browser tests set this for Playwright's event loop; a production server never does.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    with override_settings(**PRODUCTION):
        call_command("check", "--deploy", "--fail-level", "WARNING")


@pytest.mark.django_db
def test_a_page_carries_the_content_security_policy_and_framing_and_referrer_headers(
    client: Client,
) -> None:
    response = client.get("/sign-in/")

    assert response.status_code == 200
    header = response["Content-Security-Policy"]
    policy = dict(part.strip().partition(" ")[::2] for part in header.split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_pages_have_no_inline_scripts_for_the_policy_to_block(client: Client) -> None:
    html = client.get("/sign-in/").content.decode()

    assert "<script>" not in html
    assert '<script type="module">' not in html
