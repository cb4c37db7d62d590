"""Forms fed arbitrary input: never a server error, and a refused form writes nothing.

Each form's fields are read from its own page, so a field added later is fuzzed too. Bounded
by the hypothesis profile; `make fuzz` runs the long one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stocktake.indicators import services as indicators
from stocktake.risks import services as risks
from stocktake.testing import World

pytestmark = pytest.mark.slow

# Models whose rows a form might write; a refused form must leave all of them as they were.
WATCHED = [
    "plans.Action",
    "plans.ProgressUpdate",
    "plans.DueRevision",
    "plans.Milestone",
    "indicators.Measurement",
    "indicators.Target",
    "risks.Risk",
    "risks.RiskReview",
    "cycles.ReportingCycle",
]

_FIELD = re.compile(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')
_VALUE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(
        ["", " ", "0", "-1", "1e309", "NaN", "31/02/2009", "2009-13-45", "Q5 2009/10", "99999"]
    ),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.just("x" * 5000),
)


def _fingerprint() -> list[tuple[int, tuple[object, object]]]:
    found: list[tuple[int, tuple[object, object]]] = []
    for label in WATCHED:
        model = apps.get_model(label)
        rows = model.objects.aggregate(n=Max("pk"), changed=Max("updated_at"))
        found.append((model.objects.count(), (rows["n"], rows["changed"])))
    return found


def _fields(client: Client, url: str) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200, url
    names = set(_FIELD.findall(page.content.decode())) - {"csrfmiddlewaretoken"}
    assert names, f"no form fields found on {url}"
    return sorted(names)


Target = Callable[[World, User], str]


def _update(world: World, officer: User) -> str:
    return reverse("plans:action_update", args=[world[1].uuid])


def _edit(world: World, officer: User) -> str:
    return reverse("plans:action_edit", args=[world[1].uuid])


def _value(world: World, officer: User) -> str:
    plan = world[0]
    definition = indicators.definition_create(
        organisation=plan.organisation,
        by=officer,
        code="LPI1",
        title="Calls answered",
        data_type="percentage",
        polarity="higher",
        frequency="quarterly",
        combine="average",
    )
    indicator = indicators.indicator_create(
        organisation=plan.organisation, definition=definition, by=officer
    )
    indicators.target_set(indicator=indicator, period="2009/10", value=Decimal(80), by=officer)
    return reverse("indicators:measurement_add", args=[indicator.uuid])


def _review(world: World, officer: User) -> str:
    risk = risks.risk_create(
        organisation=world[0].organisation,
        title="Loss of data",
        owner_person=world[1].owners.get(),
        by=officer,
    )
    return reverse("risks:risk_review", args=[risk.uuid])


def _cycle(world: World, officer: User) -> str:
    return reverse("cycles:cycle_create")


@pytest.fixture(params=[_update, _edit, _value, _review, _cycle], ids=lambda t: t.__name__)
def form_url(request: pytest.FixtureRequest, world: World, officer: User) -> str:
    """Made once per form; every example then posts to the same page."""
    target: Target = request.param
    return target(world, officer)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data())
def test_no_form_input_causes_a_server_error_or_a_partial_write(
    client: Client, officer: User, form_url: str, data: st.DataObject
) -> None:
    client.force_login(officer)
    url = form_url
    names = _fields(client, url)
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    posted = {name: data.draw(_VALUE, label=name) for name in chosen}
    posted["version"] = data.draw(st.sampled_from(["", "0", "1", "abc"]), label="version")
    before = _fingerprint()
    response = client.post(url, posted)
    assert response.status_code < 500
    if response.status_code != 302:
        assert _fingerprint() == before, "a refused form changed the database"
