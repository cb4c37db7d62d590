"""Values that cannot be true are refused by the named rules, whoever sends them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone

from stocktake.accounts.models import Organisation
from stocktake.consultations import rules, services, services_kb
from stocktake.consultations.models import Consultation, ResponseCount
from stocktake.consultations.models_kb import Entry


@pytest.fixture
def consultation(council: Organisation, officer: User) -> Consultation:
    return services.consultation_plan(organisation=council, title="Bin collections", by=officer)


def test_a_response_count_beyond_belief_is_refused_and_nothing_saved(
    consultation: Consultation, officer: User
) -> None:
    for count in (10**20, 2**40, rules.MOST_RESPONSES + 1, -1):
        with pytest.raises(ValidationError) as refused:
            services.responses_record(
                consultation=consultation, kind="channel", label="Online", count=count, by=officer
            )
        assert "count" in refused.value.message_dict
    assert not ResponseCount.objects.exists()
    services.responses_record(
        consultation=consultation, kind="channel", label="Online", count=412, by=officer
    )
    assert ResponseCount.objects.get().count == 412


def test_a_negative_budget_is_refused_when_planning_and_editing(
    council: Organisation, consultation: Consultation, officer: User
) -> None:
    with pytest.raises(ValidationError, match="budget"):
        services.consultation_plan(
            organisation=council, title="Parks", budget=Decimal(-5), by=officer
        )
    with pytest.raises(ValidationError, match="budget"):
        services.consultation_edit(consultation=consultation, budget=Decimal(-5), by=officer)
    consultation.refresh_from_db()
    assert consultation.budget is None


def test_a_knowledge_base_entry_is_reviewed_within_ten_years(
    council: Organisation, officer: User
) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        services_kb.entry_create(
            organisation=council, question="Bins?", answer="Fortnightly.",
            review_on=dt.date(9999, 12, 31), by=officer,
        )  # fmt: skip
    assert "review_on" in refused.value.message_dict
    assert not Entry.objects.exists()
    entry = services_kb.entry_create(
        organisation=council, question="Bins?", answer="Fortnightly.",
        review_on=today.replace(year=today.year + 9), by=officer,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="10 years"):
        services_kb.entry_edit(entry=entry, review_on=dt.date(9999, 12, 31), by=officer)
    entry.refresh_from_db()
    assert entry.review_on.year == today.year + 9
