"""Single sign-on end to end: Chromium, Stocktake and a real OpenID Provider run locally.

The provider is panva's certified `oidc-provider` (npm, a dev dependency) started by
`e2e/oidc_provider/server.mjs` on a free port on 127.0.0.1; its own development pages do the
sign-in and consent, and its keys sign the ID token with RS256.
"""

from __future__ import annotations

import json
import select
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect
from pytest_django import Settings

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person
from stocktake.accounts.oidc import BACKEND
from stocktake.plans import services as plans
from stocktake.testing import MakeUser
from stocktake.testing_browser import ARTIFACTS, screenshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "e2e" / "oidc_provider" / "server.mjs"
CLIENT_ID = "stocktake"
CLIENT_SECRET = "a-test-client-secret"
# Logins typed on the provider's sign-in page, and the claims each one gets.
ACCOUNTS = {
    "caroline": {"email": "Caroline.Marshall@Uttlesford.gov.uk", "email_verified": True},
    "helen": {"email": "helen.walton@uttlesford.gov.uk", "email_verified": True},
    "stranger": {"email": "stranger@example.com", "email_verified": True},
}


@pytest.fixture(scope="module")
def provider(live_server: Any) -> Iterator[dict[str, Any]]:
    """The provider's discovery document; the provider stops when the module's tests end."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the single sign-on tests run an OpenID Provider on Node.js")
    if not (ROOT / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("node_modules/oidc-provider is missing: run `npm ci` (make install does)")
    config = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uri": f"{live_server.url}/oidc/callback/",
        "accounts": ACCOUNTS,
    }
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "oidc-provider.log"
    with log.open("w") as errors:
        process = subprocess.Popen(
            [node, str(SERVER), json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
    assert process.stdout is not None
    assert process.stdin is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        issuer = process.stdout.readline().strip() if ready else ""
        if not issuer.startswith("http://127.0.0.1:"):
            process.kill()
            process.wait()
            pytest.fail(f"the OpenID Provider did not start ({issuer!r}):\n{log.read_text()}")
        discovery = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
        discovery.raise_for_status()
        yield discovery.json()
    finally:
        process.stdin.close()  # the server exits when its standard input closes
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def single_sign_on(provider: dict[str, Any], settings: Settings) -> None:
    """Stocktake configured as README's "Single sign-on" says, from the discovery document."""
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", BACKEND]
    settings.OIDC_PROVIDER_NAME = "Test provider"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = provider["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = provider["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = provider["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = provider["jwks_uri"]


def sign_in_at_provider(page: Page, base: str, login: str) -> None:
    page.goto(f"{base}/sign-in/")
    page.get_by_role("button", name="Sign in with Test provider").click()
    page.get_by_placeholder("Enter any login").fill(login)
    page.get_by_placeholder("and password").fill("any password")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()  # consent to share email and profile


def test_a_user_signs_in_with_single_sign_on_and_lands_on_my_actions(
    live_server: Any,
    single_sign_on: None,
    page: Page,
    council: Organisation,
    make_user: MakeUser,
) -> None:
    user, _ = make_user("Lead officer", council, name="Caroline Marshall")
    User.objects.filter(pk=user.pk).update(email="caroline.marshall@uttlesford.gov.uk")

    sign_in_at_provider(page, live_server.url, "caroline")

    expect(page.get_by_role("heading", name="My actions")).to_be_visible()
    assert page.url == f"{live_server.url}/my/actions/"
    expect(page.locator(".st-account")).to_contain_text("Caroline Marshall")
    screenshot(page, "oidc-my-actions")


def test_a_person_without_a_login_gets_one_and_sees_their_actions(
    live_server: Any,
    single_sign_on: None,
    page: Page,
    council: Organisation,
    officer: User,
) -> None:
    person = accounts.person_create(
        organisation=council, name="Helen Walton", email="Helen.Walton@uttlesford.gov.uk"
    )
    plan = plans.plan_create(organisation=council, title="Access to Services", by=officer)
    plans.action_create(plan=plan, text="Introduce mystery shopping", owners=[person], by=officer)

    sign_in_at_provider(page, live_server.url, "helen")

    expect(page.get_by_role("heading", name="My actions")).to_be_visible()
    expect(page.locator(".st-account")).to_contain_text("Helen Walton")
    expect(page.locator("main")).to_contain_text("Introduce mystery shopping")
    person.refresh_from_db()
    assert person.user is not None
    assert person.user.email == "helen.walton@uttlesford.gov.uk"


def test_an_email_unknown_to_stocktake_is_sent_back_to_sign_in_with_the_reason(
    live_server: Any,
    single_sign_on: None,
    page: Page,
    council: Organisation,
    make_user: MakeUser,
) -> None:
    make_user("Lead officer", council)

    sign_in_at_provider(page, live_server.url, "stranger")

    expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your email address, stranger@example.com, is not known to Stocktake. "
        "Ask your performance officer to add you, then sign in again."
    )
    expect(page.locator(".st-account")).to_contain_text("Sign in")
    assert not Person.objects.filter(user__isnull=False, email="stranger@example.com").exists()
    assert not User.objects.filter(email__iexact="stranger@example.com").exists()
    screenshot(page, "oidc-unknown-email")
