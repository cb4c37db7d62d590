"""People make and revoke their own tokens; the schema and docs are served from this site."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from stocktake.api.models import ApiToken
from stocktake.api.services import token_hash
from stocktake.testing import MakeUser, World


def test_a_token_is_shown_once_and_only_its_hash_is_kept(
    client: Client, world: World, officer: User
) -> None:
    plan, _, _ = world
    client.force_login(officer)
    response = client.post(
        "/api/tokens/", {"name": "Power BI", "organisation": str(plan.organisation.uuid)}
    )
    assert response.status_code == 302
    page = client.get("/api/tokens/").content.decode()
    raw = re.search(r'id="new-token">(stk_[^<]+)<', page)
    assert raw is not None
    token = ApiToken.objects.get(user=officer)
    assert token.token_hash == token_hash(raw.group(1))
    assert raw.group(1) not in client.get("/api/tokens/").content.decode()
    headers = {"Authorization": f"Bearer {raw.group(1)}"}
    assert Client().get("/api/plans/", headers=headers).json()["count"] == 1
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_needs_a_name_and_an_organisation_the_person_belongs_to(
    client: Client, world: World, officer: User, other_council: Any
) -> None:
    client.force_login(officer)
    response = client.post("/api/tokens/", {"name": "", "organisation": str(other_council.uuid)})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()


def test_people_revoke_their_own_tokens_and_not_anyone_elses(
    client: Client, world: World, officer: User, make_user: MakeUser
) -> None:
    plan, _, _ = world
    from stocktake.api.services import token_create

    token, _ = token_create(user=officer, organisation=plan.organisation, name="Website")
    someone, _ = make_user("Performance officer", plan.organisation)
    client.force_login(someone)
    assert client.post(f"/api/tokens/{token.uuid}/revoke/").status_code == 404
    client.force_login(officer)
    assert client.post(f"/api/tokens/{token.uuid}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_schema_and_the_docs_page_are_served_without_a_cdn(client: Client, db: None) -> None:
    schema = client.get("/api/schema/").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/actions/{action_uuid}/" in schema["paths"]
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "data:" in policy.split("img-src")[1].split(";")[0]
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
