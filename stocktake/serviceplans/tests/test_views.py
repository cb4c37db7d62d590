"""Writing section by section (with autosave), making a plan from an import, and the
corporate assembly."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation, Unit
from stocktake.plans.models import Plan
from stocktake.serviceplans.assembly import assemble
from stocktake.serviceplans.models import ServicePlan
from stocktake.testing import MakeUser

pytestmark = pytest.mark.django_db


def _section_url(plan: ServicePlan, key: str) -> str:
    content = plan.contents.get(section__key=key)
    return reverse("serviceplans:section_edit", args=[plan.uuid, content.uuid])


def _seen(plan: ServicePlan, key: str) -> dict[str, str]:
    """The hidden version field as the section's page gives it now."""
    return {"version": plan.contents.get(section__key=key).updated_at.isoformat()}


def test_a_service_head_writes_a_table_section_row_by_row(
    client: Client,
    make_user: MakeUser,
    council: Organisation,
    service: Unit,
    small_plan: ServicePlan,
) -> None:
    head, _ = make_user("Lead officer", council, unit=service)
    client.force_login(head)
    url = _section_url(small_plan, "workforce")
    form = client.get(url)
    assert 'for="id_row_0_1"' in form.content.decode()
    assert "Row 1: FTE" in form.content.decode()
    response = client.post(
        url,
        {
            "text": "Two teams.",
            "row_0_0": "Contact Centre Manager",
            "row_0_1": "1",
            "row_0_2": "Contact Team",
            "row_2_0": "Receptionist",
            "row_2_1": "0.5",
            "row_2_2": "Reception",
        }
        | _seen(small_plan, "workforce"),
    )
    assert response.status_code == 302
    content = small_plan.contents.get(section__key="workforce")
    assert content.content["rows"] == [
        ["Contact Centre Manager", "1", "Contact Team"],
        ["Receptionist", "0.5", "Reception"],
    ]


def test_autosave_answers_in_json_and_saves(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    url = _section_url(small_plan, "drivers")
    seen = _seen(small_plan, "drivers")
    response = client.post(url, {"cell_0": "Elections in May"} | seen, HTTP_X_AUTOSAVE="1")
    answer = json.loads(response.content)
    assert answer["saved"] is True
    content = small_plan.contents.get(section__key="drivers")
    assert content.content["cells"] == {"Political": "Elections in May"}
    # The next autosave goes against the version this one made, and is not a conflict.
    again = {"cell_0": "Elections in May 2026", "version": answer["version"]}
    assert json.loads(client.post(url, again, HTTP_X_AUTOSAVE="1").content)["saved"] is True


def test_a_second_editor_does_not_overwrite_the_first_and_sees_both_versions(
    client: Client, small_plan: ServicePlan, officer: User, make_user: MakeUser,
    council: Organisation, service: Unit,
) -> None:  # fmt: skip
    url = _section_url(small_plan, "functions")
    opened = _seen(small_plan, "functions")  # both open the page at the same time
    head, _ = make_user("Lead officer", council, unit=service)
    client.force_login(head)
    assert client.post(url, {"text": "The head's words"} | opened).status_code == 302
    client.force_login(officer)
    autosaved = client.post(url, {"text": "The officer's words"} | opened, HTTP_X_AUTOSAVE="1")
    assert autosaved.status_code == 409
    assert json.loads(autosaved.content)["saved"] is False
    page = client.post(url, {"text": "The officer's words"} | opened)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Someone else saved this section" in html
    assert "The head&#x27;s words" in html or "The head's words" in html  # what is saved now
    assert "The officer&#x27;s words" in html  # still in the form
    content = small_plan.contents.get(section__key="functions")
    assert content.content["text"] == "The head's words"
    # Saving again from that page replaces theirs deliberately.
    resaved = client.post(url, {"text": "The officer's words"} | _seen(small_plan, "functions"))
    assert resaved.status_code == 302
    content.refresh_from_db()
    assert content.content["text"] == "The officer's words"


def test_a_forged_version_is_refused(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    url = _section_url(small_plan, "functions")
    page = client.post(url, {"text": "Anything", "version": "yesterday"})
    assert "Reload the page" in page.content.decode()
    assert small_plan.contents.get(section__key="functions").content.get("text") != "Anything"


def test_the_section_page_loads_its_autosave_script_from_a_file(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    html = client.get(_section_url(small_plan, "achievements")).content.decode()
    assert "serviceplans/autosave.js" in html
    assert "<script>" not in html


def test_links_are_picked_from_the_tracked_items(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    url = _section_url(small_plan, "council_actions")
    content = small_plan.contents.get(section__key="council_actions")
    keep = content.actions.get(text="Set up user groups")
    seen = _seen(small_plan, "council_actions")
    response = client.post(url, {"text": "", "linked": [str(keep.uuid)]} | seen)
    assert response.status_code == 302
    assert list(content.actions.values_list("text", flat=True)) == ["Set up user groups"]


def test_the_plan_page_reads_a_fixed_number_of_queries(
    client: Client, small_plan: ServicePlan, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("serviceplans:plan_detail", args=[small_plan.uuid])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 40


def test_the_performance_team_makes_a_plan_from_an_imported_paper(
    client: Client, imported_003: Plan, community: Unit, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("serviceplans:plan_from_import", args=[imported_003.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, {"unit": str(community.uuid), "year": "2009"})
    assert response.status_code == 302
    plan = ServicePlan.objects.get(unit=community, year=2009)
    assert plan.tracked_plan == imported_003
    assert plan.contents.get(section__key="risks").risks.count() == 16


def test_the_assembly_counts_by_aim_and_shows_a_disproportionate_load(
    client: Client, small_plan: ServicePlan, officer: User, council: Organisation
) -> None:
    result = assemble(council, 2009, officer)
    row = result.services[0]
    assert row.counts["A"]["objectives"] == 1
    assert row.counts["A"]["actions"] == 2
    assert row.counts["A"]["indicators"] == 2
    assert row.fte == 2
    assert row.teams["Contact Team"].actions == 2
    client.force_login(officer)
    page = client.get(reverse("serviceplans:assembly", args=[council.uuid]))
    assert page.status_code == 200
    assert "Answer customers first time" in page.content.decode()


def test_the_seed_shows_small_teams_carrying_many_actions(
    plan_003: ServicePlan, officer: User, council: Organisation
) -> None:
    result = assemble(council, 2009, officer)
    teams = result.services[0].teams
    assert teams["Partnerships Team"].fte == Decimal("5.2")
    assert teams["Partnerships Team"].actions >= 5
    assert result.services[0].heavy == ["Partnerships Team"]
    assert result.services[0].counts["A"]["actions"] >= 1
