"""The schema says what the server does: each enum's own values, which reads need no sign-in,
and 409 only where a version is checked."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.test import Client

from stocktake.testing import World

from .conftest import MakeToken


def _choices() -> dict[str, list[list[str]]]:
    """Every enum of ours by the name its component gets: the model and the enum ("PlanStatus")."""
    found: dict[str, list[list[str]]] = {}
    waiting: list[type] = [models.Choices]
    while waiting:
        kind = waiting.pop()
        waiting.extend(kind.__subclasses__())
        if kind.__module__.startswith("stocktake.") and list(kind):  # type: ignore[call-overload]
            name = kind.__qualname__.replace(".", "")
            found.setdefault(name, []).append([m.value for m in kind])  # type: ignore[attr-defined]
    return found


def test_every_enum_in_the_schema_lists_exactly_its_models_choices(
    client: Client, db: None
) -> None:
    components = client.get("/api/schema/").json()["components"]["schemas"]
    ours = _choices()
    enums = {name: c["enum"] for name, c in components.items() if "enum" in c}
    assert {"PlanStatus", "PlanKind", "RiskStatus", "ConsultationStatus", "EntryKind"} <= set(enums)
    for name, values in enums.items():
        assert name in ours, f"{name} is named after no enum of ours"
        assert values in ours[name], f"{name} lists {values}, not the model's {ours[name]}"


def _query_enums(schema: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    components = schema["components"]["schemas"]
    found = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path:
            continue
        for parameter in get.get("parameters", []):
            for option in parameter["schema"].get("anyOf", [parameter["schema"]]):
                if "$ref" in option:
                    enum = components[option["$ref"].split("/")[-1]].get("enum")
                    if enum:
                        found.append((path, parameter["name"], enum))
    return found


def test_each_enum_filter_accepts_exactly_the_values_it_lists(
    client: Client, world: World, officer: User, make_token: MakeToken
) -> None:
    plan, _, _ = world
    headers = make_token(officer, plan.organisation)
    filters = _query_enums(client.get("/api/schema/").json())
    assert {("/api/plans/", "kind"), ("/api/actions/", "rag")} <= {(p, n) for p, n, _ in filters}
    for path, name, values in filters:
        for value in values:
            response = client.get(f"{path}?{name}={value}", headers=headers)
            assert response.status_code == 200, (path, name, value, response.content)
        response = client.get(f"{path}?{name}=not-a-{name}", headers=headers)
        assert response.status_code == 400, (path, name)
        assert name in response.json()["errors"], (path, name)


def test_reads_say_sign_in_is_optional_and_writes_say_it_is_needed(
    client: Client, db: None
) -> None:
    paths = client.get("/api/schema/").json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            security = operation["security"]
            assert {"TokenAuth": []} in security, (path, method)
            assert ({} in security) == (method == "get"), (path, method)


def test_only_writes_that_check_a_version_document_a_conflict(client: Client, db: None) -> None:
    schema = client.get("/api/schema/").json()
    components = schema["components"]["schemas"]
    conflicts = set()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            sent = operation.get("requestBody", {}).get("content", {}).get("application/json")
            body = components[sent["schema"]["$ref"].split("/")[-1]] if sent else {}
            versioned = "version" in body.get("properties", {})
            assert ("409" in operation["responses"]) == versioned, (path, method)
            if versioned:
                conflicts.add((path, method))
    assert ("/api/actions/{action_uuid}/", "patch") in conflicts
    assert ("/api/indicators/{indicator_uuid}/measurements/", "post") not in conflicts
    assert ("/api/consultations/{consultation_uuid}/", "patch") not in conflicts
