from __future__ import annotations

from stocktake.risks.splitting import RiskStatement, split_risk_statement


def test_it_splits_cause_event_and_consequence() -> None:
    text = (
        "Failure to deliver community safety targets leading to poor assessment of CDRP "
        "resulting in unfavourable review by Government Office"
    )
    assert split_risk_statement(text) == RiskStatement(
        cause="Failure to deliver community safety targets",
        event="poor assessment of CDRP",
        consequence="unfavourable review by Government Office",
    )


def test_a_second_leading_to_stays_inside_the_event() -> None:
    text = (
        "Limited capacity leading to issues in emergencies, leading to inefficient response, "
        "resulting in poor reputation."
    )
    statement = split_risk_statement(text)
    assert statement.cause == "Limited capacity"
    assert statement.event == "issues in emergencies, leading to inefficient response"
    assert statement.consequence == "poor reputation"


def test_a_statement_without_a_consequence_keeps_cause_and_event() -> None:
    statement = split_risk_statement("Lack of progress in equalities leading to compliance risks")
    assert statement == RiskStatement("Lack of progress in equalities", "compliance risks", "")


def test_an_unmarked_statement_is_all_cause() -> None:
    statement = split_risk_statement("Lack of progress on the embedding of Council values.")
    assert statement == RiskStatement("Lack of progress on the embedding of Council values")


def test_resulting_in_without_leading_to_gives_cause_and_consequence() -> None:
    statement = split_risk_statement("Snap election, RESULTING IN election petitions")
    assert statement == RiskStatement("Snap election", "", "election petitions")


def test_it_does_not_split_inside_words() -> None:
    statement = split_risk_statement("Misleading tone in press releases")
    assert statement.cause == "Misleading tone in press releases"
