"""Owner names that look like one person: the reviewer merges them or keeps them apart."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person
from stocktake.imports.models import ImportRecord
from stocktake.imports.tests.conftest import seed
from stocktake.plans.models import Action, Plan

pytestmark = pytest.mark.django_db

_SPELLINGS = ["Adrian LeCras", "Adrian LeCtras"]
_BASE: dict[str, Any] = {"step": "confirm", "title": "Plan", "kind": "improvement_plan"}


@pytest.fixture(autouse=True)
def _media(settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]


def _review_002(client: Client, council: Organisation) -> tuple[str, dict[str, Any]]:
    response = client.post(
        reverse("imports:start"),
        {
            "file": SimpleUploadedFile("002.txt", seed("002").read_bytes()),
            "organisation": str(council.uuid),
        },
    )
    assert response.status_code == 302
    record = ImportRecord.objects.get(status="previewed")
    every = [str(i) for i in range(len(record.preview["items"]))]
    return str(response["Location"]), _BASE | {"all": every, "keep": every}


def _people(council: Organisation) -> list[str]:
    return sorted(
        Person.objects.filter(organisation=council, name__in=_SPELLINGS).values_list(
            "name", flat=True
        )
    )


def _owned_by(person: Person) -> list[str]:
    return sorted(Action.objects.filter(ownerships__person=person).values_list("ref", flat=True))


def test_the_review_page_offers_each_proposed_merge_with_merging_chosen(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review, _ = _review_002(client, council)
    page = client.get(review).content.decode()
    assert "Owners who may be one person" in page
    assert 'id="merge-0" name="merge-0" type="radio" value="merge" checked' in page
    assert 'name="merge-0" type="radio" value="keep">' in page
    # The spelling the paper uses most is the name offered first.
    assert 'name="merge-name-0" type="radio" value="Adrian LeCras" checked' in page
    assert 'value="Adrian LeCtras" aria-describedby' in page
    assert "choose below whether they are one person" in page


def test_a_merge_confirmed_makes_one_person_who_owns_the_items_of_both_names(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review, data = _review_002(client, council)
    response = client.post(review, data | {"merge-0": "merge", "merge-name-0": "Adrian LeCtras"})
    assert response.status_code == 302
    assert _people(council) == ["Adrian LeCtras"]
    person = Person.objects.get(organisation=council, name="Adrian LeCtras")
    assert _owned_by(person) == ["1.5", "2.6", "3.5"]
    record = ImportRecord.objects.get()
    assert record.summary["merged"] == ["adrian lecras as Adrian LeCtras"]


def test_merging_is_what_happens_when_the_reviewer_leaves_the_choice_alone(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review, data = _review_002(client, council)
    assert client.post(review, data).status_code == 302
    assert _people(council) == ["Adrian LeCras"]


def test_keeping_both_names_makes_two_people(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review, data = _review_002(client, council)
    client.post(review, data | {"merge-0": "keep", "merge-name-0": "Adrian LeCras"})
    assert _people(council) == _SPELLINGS
    lecras = Person.objects.get(organisation=council, name="Adrian LeCras")
    assert _owned_by(lecras) == ["2.6", "3.5"]


def test_a_person_the_council_already_has_is_reused_and_offered_as_the_name(
    client: Client, council: Organisation, officer: User
) -> None:
    known = accounts.person_create(organisation=council, name="Adrian LeCtras")
    client.force_login(officer)
    review, data = _review_002(client, council)
    page = client.get(review).content.decode()
    assert 'name="merge-name-0" type="radio" value="Adrian LeCtras" checked' in page
    assert f"Already a person in {council.name}" in page
    client.post(review, data)
    assert _people(council) == ["Adrian LeCtras"]
    assert Person.objects.filter(organisation=council, name="Adrian LeCtras").get() == known
    assert _owned_by(known) == ["1.5", "2.6", "3.5"]


def test_a_merge_choice_the_page_does_not_offer_is_refused_and_nothing_is_saved(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review, data = _review_002(client, council)
    page = client.post(
        review, data | {"merge-0": "bogus", "merge-name-0": "Someone Else"}
    ).content.decode()
    assert "govuk-error-summary" in page
    assert "choose to merge them or to keep them apart" in page
    assert "choose the name to use from the list" in page
    assert not Plan.objects.exists()
    assert _people(council) == []


def test_a_refused_form_shows_the_merge_choices_as_the_reviewer_left_them(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    review, data = _review_002(client, council)
    page = client.post(review, data | {"title": "", "merge-0": "keep"}).content.decode()
    assert "Enter the plan title" in page
    assert 'name="merge-0" type="radio" value="keep" checked' in page
