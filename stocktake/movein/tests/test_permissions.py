"""Only the organisation's performance officers and administrators move history in."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.movein import services
from stocktake.movein.models import MoveIn
from stocktake.testing import World

ALLOWED = {"Performance officer", "Administrator", "superuser"}
SIGNED_IN_REFUSED = {
    "no membership", "Viewer", "Councillor", "Lead officer (owner)", "Lead officer (not owner)",
    "Lead officer (other unit)", "Performance officer (other council)",
}  # fmt: skip


@pytest.fixture
def movein(world: World, officer: User) -> MoveIn:
    plan, _, _ = world
    upload = SimpleUploadedFile("x.csv", b"Code,Period,Value\nPI 1,Q1 2008/09,5\n")
    return services.movein_upload(
        organisation=plan.organisation, kind="indicators", upload=upload, by=officer
    )


@pytest.mark.parametrize("role", sorted(ALLOWED | SIGNED_IN_REFUSED | {"anonymous"}))
@pytest.mark.parametrize("page", ["movein_upload", "movein_map", "movein_preview", "movein_report"])
def test_who_may_open_each_page(
    client: Client, world: World, movein: MoveIn, role: str, page: str
) -> None:
    user = world[2][role]
    if user is not None:
        client.force_login(user)
    args = [] if page == "movein_upload" else [movein.uuid]
    response = client.get(reverse(f"movein:{page}", args=args))
    if role in ALLOWED:
        # The reconciliation waits for the import: until then it sends you to the preview.
        assert response.status_code == (302 if page == "movein_report" else 200)
    elif role == "anonymous":
        assert response.status_code == 302
        assert "sign-in" in response["Location"]
    elif page != "movein_upload" or role != "Performance officer (other council)":
        assert response.status_code == 403
    else:  # an officer elsewhere may move in for their own council, not this one
        assert response.status_code == 200
        assert str(movein.organisation.uuid) not in response.content.decode()


def test_an_unknown_move_in_is_not_found(client: Client, world: World) -> None:
    client.force_login(world[2]["Performance officer"])  # type: ignore[arg-type]
    missing = "9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"
    assert client.get(reverse("movein:movein_preview", args=[missing])).status_code == 404
    assert client.get(reverse("movein:movein_map", args=["not-a-uuid"])).status_code == 404


def test_a_lead_officer_cannot_confirm_an_import(
    client: Client, world: World, movein: MoveIn
) -> None:
    client.force_login(world[2]["Lead officer (owner)"])  # type: ignore[arg-type]
    assert client.post(reverse("movein:movein_preview", args=[movein.uuid])).status_code == 403
    movein.refresh_from_db()
    assert movein.state == MoveIn.State.UPLOADED
