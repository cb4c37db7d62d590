"""Single sign-on: who the provider's claims sign in as, and who is refused (with a reason)."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib import messages
from django.contrib.auth.models import User
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django import Settings

from stocktake.accounts import services
from stocktake.accounts.models import Organisation, Person
from stocktake.accounts.oidc import BACKEND, Refused, StocktakeOIDCBackend
from stocktake.testing import MakeUser

SETTINGS = Path(__file__).resolve().parents[2] / "settings.py"
PROVIDER = {
    "OIDC_PROVIDER_NAME": "Microsoft",
    "OIDC_RP_CLIENT_ID": "stocktake",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.example/keys",
}


@pytest.fixture
def oidc_on(settings: Settings) -> None:
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", BACKEND]
    for name, value in PROVIDER.items():
        setattr(settings, name, value)


@pytest.fixture
def backend(oidc_on: None) -> StocktakeOIDCBackend:
    backend = StocktakeOIDCBackend()
    backend.request = RequestFactory().get("/oidc/callback/")
    backend.request._messages = CookieStorage(backend.request)  # type: ignore[attr-defined]
    return backend


def said(backend: StocktakeOIDCBackend) -> list[str]:
    return [str(message) for message in messages.get_messages(backend.request)]


def claims(email: str, **more: Any) -> dict[str, Any]:
    return {"sub": "abc123", "email": email, **more}


def test_it_signs_in_the_user_with_that_email(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation
) -> None:
    user, _ = make_user("Lead officer", council)
    assert backend.user_for_claims(claims(user.email, email_verified=True)) == user


def test_it_matches_the_email_whatever_its_case(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation
) -> None:
    user, _ = make_user("Lead officer", council)
    assert backend.user_for_claims(claims(f"  {user.email.upper()} ")) == user


def test_it_matches_a_login_through_its_person_email(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation
) -> None:
    user, person = make_user("Lead officer", council)
    User.objects.filter(pk=user.pk).update(email="")
    Person.objects.filter(pk=person.pk).update(email="Caroline.Marshall@uttlesford.gov.uk")
    assert backend.user_for_claims(claims("caroline.marshall@uttlesford.gov.uk")) == user


def test_it_gives_a_person_without_a_login_one_linked_to_them(
    backend: StocktakeOIDCBackend, council: Organisation
) -> None:
    person = services.person_create(
        organisation=council, name="Helen Walton", email="Helen.Walton@uttlesford.gov.uk"
    )
    user = backend.user_for_claims(claims("helen.walton@uttlesford.gov.uk"))
    assert user is not None
    person.refresh_from_db()
    assert person.user == user
    assert (user.username, user.first_name, user.last_name) == (
        "helen.walton@uttlesford.gov.uk",
        "Helen",
        "Walton",
    )
    assert not user.has_usable_password()
    assert backend.user_for_claims(claims("helen.walton@uttlesford.gov.uk")) == user


def test_a_new_login_does_not_take_a_username_already_in_use(
    backend: StocktakeOIDCBackend, council: Organisation
) -> None:
    User.objects.create_user("helen@uttlesford.gov.uk", email="someone.else@example.org")
    services.person_create(organisation=council, name="Helen", email="helen@uttlesford.gov.uk")
    user = backend.user_for_claims(claims("helen@uttlesford.gov.uk"))
    assert user is not None
    assert user.username != "helen@uttlesford.gov.uk"


def test_it_refuses_an_email_stocktake_does_not_know_saying_so_on_the_next_page(
    backend: StocktakeOIDCBackend,
    make_user: MakeUser,
    council: Organisation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_user("Lead officer", council)
    monkeypatch.setattr(backend, "get_userinfo", lambda *args: claims("stranger@example.com"))
    assert backend.get_or_create_user("access", "id", {}) is None
    assert said(backend) == [
        "Your email address, stranger@example.com, is not known to Stocktake. "
        "Ask your performance officer to add you, then sign in again."
    ]
    assert not User.objects.filter(email="stranger@example.com").exists()


def test_it_refuses_a_login_that_has_been_switched_off(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation
) -> None:
    user, _ = make_user("Lead officer", council)
    User.objects.filter(pk=user.pk).update(is_active=False)
    with pytest.raises(Refused, match=r"^Your Stocktake login has been switched off"):
        backend.user_for_claims(claims(user.email))


@pytest.mark.parametrize("verified", [False, "false"])
def test_it_refuses_an_email_the_provider_has_not_verified(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation, verified: object
) -> None:
    user, _ = make_user("Lead officer", council)
    with pytest.raises(Refused, match=r"^Microsoft has not verified your email address"):
        backend.user_for_claims(claims(user.email, email_verified=verified))


def test_it_refuses_claims_without_an_email(backend: StocktakeOIDCBackend) -> None:
    with pytest.raises(Refused, match=r"^Microsoft did not tell Stocktake your email address"):
        backend.user_for_claims({"sub": "abc123"})


def test_it_refuses_to_guess_between_two_people_with_the_email(
    backend: StocktakeOIDCBackend, council: Organisation, other_council: Organisation
) -> None:
    for organisation in (council, other_council):
        services.person_create(organisation=organisation, name="Helen", email="h@example.org")
    with pytest.raises(Refused, match=r"^More than one person in Stocktake has the email"):
        backend.user_for_claims(claims("h@example.org"))
    assert Person.objects.filter(user__isnull=False).count() == 0


def test_merged_duplicates_and_people_who_have_left_get_no_login(
    backend: StocktakeOIDCBackend, council: Organisation
) -> None:
    kept = services.person_create(organisation=council, name="Helen", email="h@example.org")
    duplicate = services.person_create(organisation=council, name="H.", email="h@example.org")
    Person.objects.filter(pk=duplicate.pk).update(merged_into=kept)
    assert backend.user_for_claims(claims("h@example.org")) is not None
    leaver = services.person_create(organisation=council, name="Jo", email="jo@example.org")
    Person.objects.filter(pk=leaver.pk).update(left_on="2020-03-31")
    with pytest.raises(Refused, match="is not known to Stocktake"):
        backend.user_for_claims(claims("jo@example.org"))


def test_a_session_ends_when_its_login_is_switched_off(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation
) -> None:
    user, _ = make_user("Lead officer", council)
    assert backend.get_user(user.pk) == user
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert backend.get_user(user.pk) is None


def test_it_leaves_usernames_and_passwords_to_the_password_backend(
    backend: StocktakeOIDCBackend, make_user: MakeUser, council: Organisation
) -> None:
    user, _ = make_user("Lead officer", council)
    request = RequestFactory().post("/sign-in/?code=stolen&state=x")
    assert backend.authenticate(request, username=user.username, password="x") is None


def test_the_sign_in_page_offers_single_sign_on_only_when_it_is_set_up(
    client: Client, settings: Settings
) -> None:
    assert "Sign in with" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
    settings.OIDC_PROVIDER_NAME = "Microsoft"
    page = client.get(reverse("login"), {"next": "/plans/"}).content.decode()
    assert 'href="/oidc/authenticate/?next=/plans/"' in page
    assert "Sign in with Microsoft" in page


def test_the_journey_goes_to_the_provider_and_back_to_my_actions(
    client: Client,
    oidc_on: None,
    make_user: MakeUser,
    council: Organisation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user, _ = make_user("Lead officer", council, name="Caroline Marshall")
    response = client.get(reverse("oidc_authentication_init"))
    sent = urlsplit(response["Location"])
    assert f"{sent.scheme}://{sent.netloc}{sent.path}" == PROVIDER["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    query = {key: values[0] for key, values in parse_qs(sent.query).items()}
    assert query["scope"] == "openid email profile"
    assert query["redirect_uri"] == "http://testserver/oidc/callback/"
    assert query["code_challenge_method"] == "S256"
    assert query["nonce"]

    # The provider's side is faked here; e2e/test_oidc_login.py runs it against a real provider.
    monkeypatch.setattr(StocktakeOIDCBackend, "get_token", lambda self, payload: {})
    monkeypatch.setattr(StocktakeOIDCBackend, "verify_token", lambda self, token, **kw: {"a": 1})
    monkeypatch.setattr(
        StocktakeOIDCBackend, "get_userinfo", lambda self, *args: claims(user.email.upper())
    )
    back = client.get(
        reverse("oidc_authentication_callback"), {"code": "c", "state": query["state"]}
    )
    assert back["Location"] == reverse("plans:my_actions")
    assert client.get(back["Location"]).context["user"] == user


def test_a_failed_journey_returns_to_the_sign_in_page_saying_so(
    client: Client, oidc_on: None
) -> None:
    response = client.get(
        reverse("oidc_authentication_callback"), {"error": "access_denied"}, follow=True
    )
    assert response.redirect_chain == [(reverse("login"), 302)]
    assert "Signing in with Microsoft did not finish" in response.content.decode()


def test_half_a_configuration_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PROVIDER.items():
        monkeypatch.setenv(name, value)
    assert BACKEND in runpy.run_path(str(SETTINGS))["AUTHENTICATION_BACKENDS"]
    monkeypatch.delenv("OIDC_OP_JWKS_ENDPOINT")
    with pytest.raises(ValueError, match="set OIDC_OP_JWKS_ENDPOINT too"):
        runpy.run_path(str(SETTINGS))
