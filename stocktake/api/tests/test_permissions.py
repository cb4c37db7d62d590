"""The API answers each caller as the pages would: same gatekeepers, JSON errors."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from stocktake.accounts.models import Organisation
from stocktake.api.models import ApiToken
from stocktake.plans.models import Action
from stocktake.testing import MakeUser, World, publish

from .conftest import MakeToken


def _patch(client: Client, action: Action, headers: dict[str, str], **changes: object) -> int:
    body = {"version": action.updated_at.isoformat(), **changes}
    response = client.patch(
        f"/api/actions/{action.uuid}/", body, content_type="application/json", headers=headers
    )
    return response.status_code


def test_a_lead_officers_token_cannot_change_another_officers_action(
    client: Client, world: World, make_token: MakeToken
) -> None:
    plan, action, users = world
    other = users["Lead officer (not owner)"]
    assert other is not None
    headers = make_token(other, plan.organisation)
    assert _patch(client, action, headers, text="Changed by someone else") == 403
    update = {"as_at": "2008-01-01", "position": "Not mine to say"}
    response = client.post(
        f"/api/actions/{action.uuid}/updates/",
        update,
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 403
    assert response.json()["detail"]


def test_an_owners_token_adds_an_update_but_cannot_edit_what_was_promised(
    client: Client, world: World, make_token: MakeToken
) -> None:
    plan, action, users = world
    owner = users["Lead officer (owner)"]
    assert owner is not None
    headers = make_token(owner, plan.organisation)
    update = {"as_at": "2008-01-01", "position": "Profiling started", "rag": "green"}
    response = client.post(
        f"/api/actions/{action.uuid}/updates/",
        update,
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201, response.json()
    assert response.json()["as_at"] == "2008-01-01"
    action.refresh_from_db()
    assert action.rag == "green"
    assert _patch(client, action, headers, text="Grander promise") == 403


def test_an_officers_edit_saves_through_the_service_and_a_stale_version_is_a_conflict(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, action, _ = world
    headers = make_token(officer, plan.organisation)
    stale = action.updated_at.isoformat()
    assert _patch(client, action, headers, text="Conduct ward profiling in 2008") == 200
    action.refresh_from_db()
    assert action.text == "Conduct ward profiling in 2008"
    assert action.history.count() >= 2
    body = {"version": stale, "text": "Overwrite"}
    response = client.patch(
        f"/api/actions/{action.uuid}/", body, content_type="application/json", headers=headers
    )
    assert response.status_code == 409
    action.refresh_from_db()
    assert action.text == "Conduct ward profiling in 2008"


def test_bad_input_gets_400_with_field_messages_and_changes_nothing(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, action, _ = world
    headers = make_token(officer, plan.organisation)
    response = client.post(
        f"/api/actions/{action.uuid}/updates/",
        {"as_at": "2999-01-01", "position": "  "},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert "position" in errors
    assert not action.updates.exists()
    response = client.patch(
        f"/api/actions/{action.uuid}/",
        {"version": action.updated_at.isoformat(), "rag": "purple"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 400
    assert "rag" in response.json()["errors"]


def test_anonymous_callers_see_only_published_plans(
    client: Client, world: World, officer: User, make_plan: object
) -> None:
    plan, action, _ = world
    assert client.get("/api/plans/").json() == {"items": [], "count": 0}
    assert client.get(f"/api/plans/{plan.uuid}/").status_code == 404
    assert client.get(f"/api/actions/{action.uuid}/").status_code == 404
    assert client.get("/api/risks/").json()["count"] == 0
    publish(plan, officer)
    listed = client.get("/api/plans/").json()
    assert [p["uuid"] for p in listed["items"]] == [str(plan.uuid)]
    shown = client.get(f"/api/actions/{action.uuid}/").json()
    assert shown["internal_note"] is None


def test_writes_without_credentials_are_401_and_a_wrong_token_is_401(
    client: Client, world: World
) -> None:
    _, action, _ = world
    body = {"as_at": "2008-01-01", "position": "Anonymous"}
    url = f"/api/actions/{action.uuid}/updates/"
    assert client.post(url, body, content_type="application/json").status_code == 401
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(url, body, content_type="application/json").status_code == 401
    wrong = {"Authorization": "Bearer stk_not-a-real-token"}
    assert client.get("/api/plans/", headers=wrong).status_code == 401


def test_another_councils_data_is_not_found_for_a_token(
    client: Client,
    world: World,
    other_council: Organisation,
    make_user: MakeUser,
    make_token: MakeToken,
) -> None:
    plan, action, _ = world
    outsider, _ = make_user("Performance officer", other_council)
    headers = make_token(outsider, other_council)
    assert client.get(f"/api/plans/{plan.uuid}/", headers=headers).status_code == 404
    assert _patch(client, action, headers, text="Not ours") == 404
    assert client.get("/api/actions/", headers=headers).json()["count"] == 0


def test_a_revoked_token_no_longer_works(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, _, _ = world
    headers = make_token(officer, plan.organisation)
    assert client.get("/api/plans/", headers=headers).json()["count"] == 1
    ApiToken.objects.filter(user=officer).update(revoked_at="2009-01-01T00:00:00Z")
    assert client.get("/api/plans/", headers=headers).status_code == 401


def test_a_browser_session_must_send_the_csrf_token_to_write(world: World, officer: User) -> None:
    _, action, _ = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    assert client.get(f"/api/actions/{action.uuid}/").status_code == 200
    body = {"as_at": "2008-01-01", "position": "From the browser"}
    url = f"/api/actions/{action.uuid}/updates/"
    assert client.post(url, body, content_type="application/json").status_code == 403


def test_only_editors_of_the_organisation_add_risks_and_the_public_sees_none(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, _, users = world
    lead = users["Lead officer (not owner)"]
    assert lead is not None
    url = f"/api/organisations/{plan.organisation.uuid}/risks/"
    body = {"title": "Staff leave leading to backlog", "mitigation": "Cover rota"}
    refused = client.post(
        url, body, content_type="application/json", headers=make_token(lead, plan.organisation)
    )
    assert refused.status_code == 403
    made = client.post(
        url, body, content_type="application/json", headers=make_token(officer, plan.organisation)
    )
    assert made.status_code == 400  # the web form's rule: a new risk needs an owner
    assert made.json()["errors"]["owner_person"] == [
        "Choose who owns the risk (a person or a post)"
    ]
    owner = plan.organisation.people.first()
    assert owner is not None
    body["owner_person"] = str(owner.uuid)
    made = client.post(
        url, body, content_type="application/json", headers=make_token(officer, plan.organisation)
    )
    assert made.status_code == 201, made.json()
    assert made.json()["event"] == "backlog"
    assert client.get("/api/risks/").json()["count"] == 0
    assert client.get(f"/api/risks/{made.json()['uuid']}/").status_code == 404


def test_anonymous_callers_see_only_published_equality_assessments(
    client: Client, world: World, officer: User
) -> None:
    from stocktake.risks import services_equality as equality

    plan, _, _ = world
    for status in ("planned", "published"):
        equality.assessment_create(
            organisation=plan.organisation,
            title=f"Assessment {status}",
            status=status,
            findings="No adverse impact found",
            checked=False,
            by=officer,
        )
    listed = client.get("/api/equality-assessments/").json()["items"]
    assert [a["title"] for a in listed] == ["Assessment published"]


def test_an_assessment_is_changed_by_editors_through_the_same_rules(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    from stocktake.risks import services_equality as equality

    plan, _, users = world
    viewer = users["Viewer"]
    assert viewer is not None
    found = equality.assessment_create(
        organisation=plan.organisation, title="Housing allocations", checked=False, by=officer
    )
    url = f"/api/equality-assessments/{found.uuid}/"
    body = {"status": "complete"}
    headers = make_token(officer, plan.organisation)
    refused = client.patch(url, body, content_type="application/json", headers=headers)
    assert refused.status_code == 400  # finished needs a lead, findings and characteristics
    lead = plan.organisation.people.first()
    assert lead is not None
    body = {"lead_person": str(lead.uuid), "findings": "None adverse"}
    changed = client.patch(url, body, content_type="application/json", headers=headers)
    assert changed.status_code == 200, changed.json()
    assert changed.json()["findings"] == "None adverse"
    stranger = make_token(viewer, plan.organisation)
    forbidden = client.patch(
        url, {"findings": "x"}, content_type="application/json", headers=stranger
    )
    assert forbidden.status_code in {403, 404}
