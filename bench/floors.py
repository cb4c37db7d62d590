"""The floor for each key page: hand-written SQL fetching the same rows the page shows.

A page cannot be faster than reading its data, so page time ÷ floor time says how much the
framework, the access checks and the template cost on top. Each floor runs its statements
through connection.cursor() and fetches every row, as the page would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection

# Latest update of each action: the newest as_at, as the plan page and scorecards show it.
_LATEST = (
    "SELECT u.action_id, u.as_at, u.position, u.future_action, u.rag, u.progress_status "
    "FROM plans_progressupdate u JOIN (SELECT x.action_id, max(x.as_at) AS latest "
    "FROM plans_progressupdate x JOIN plans_action a ON a.id = x.action_id "
    "WHERE a.plan_id = %s AND x.state = 'verified' GROUP BY x.action_id) l "
    "ON l.action_id = u.action_id AND l.latest = u.as_at WHERE u.state = 'verified'"
)
_ACTIONS = (
    "SELECT a.id, a.uuid, a.ref, a.text, a.due_text, a.due_date, a.progress_status, a.rag, "
    "a.section_id, a.position FROM plans_action a WHERE a.plan_id = %s ORDER BY a.position"
)
_INDICATORS = (
    "SELECT i.id, i.uuid, i.is_public, d.code, d.title, d.polarity, d.unit, d.decimal_places "
    "FROM indicators_indicator i JOIN indicators_indicatordefinition d ON d.id = i.definition_id "
    "WHERE i.organisation_id = %s AND i.plan_id = %s {public} ORDER BY d.code"
)
_LATEST_VALUES = (
    "SELECT m.indicator_id, m.period_label, m.value, m.status, m.direction "
    "FROM indicators_measurement m JOIN (SELECT x.indicator_id, max(x.period_start) AS latest "
    "FROM indicators_measurement x JOIN indicators_indicator i ON i.id = x.indicator_id "
    "WHERE i.plan_id = %s {public} GROUP BY x.indicator_id) l "
    "ON l.indicator_id = m.indicator_id AND l.latest = m.period_start"
)
_TARGETS = (
    "SELECT t.indicator_id, t.period_label, t.value FROM indicators_target t "
    "JOIN indicators_indicator i ON i.id = t.indicator_id WHERE i.plan_id = %s {public}"
)
# The {public} slot takes only the fixed text "AND i.is_public" from this module, never input.


def _run(statements: list[tuple[str, list[Any]]]) -> int:
    rows = 0
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    return rows


def plan_page(ids: dict[str, Any]) -> int:
    plan = ids["plan"]
    return _run(
        [
            (
                "SELECT id, uuid, title, status, organisation_id FROM plans_plan WHERE id = %s",
                [plan],
            ),
            (
                "SELECT id, ref, title, parent_id, position FROM plans_section WHERE plan_id = %s",
                [plan],
            ),
            (_ACTIONS, [plan]),
            (_LATEST, [plan]),
            (
                "SELECT o.action_id, p.name FROM plans_actionowner o "
                "JOIN plans_action a ON a.id = o.action_id "
                "LEFT JOIN accounts_person p ON p.id = o.person_id WHERE a.plan_id = %s",
                [plan],
            ),
        ]
    )


def scorecard(ids: dict[str, Any], public: str = "") -> int:
    plan, organisation = ids["plan"], ids["organisation"]
    return _run(
        [
            ("SELECT id, uuid, title FROM plans_plan WHERE id = %s", [plan]),
            (_INDICATORS.format(public=public), [organisation, plan]),
            (_LATEST_VALUES.format(public=public), [plan]),
            (_TARGETS.format(public=public), [plan]),
        ]
    )


def indicator_page(ids: dict[str, Any]) -> int:
    indicator = ids["indicator"]
    return _run(
        [
            (
                "SELECT i.id, d.code, d.title, d.definition, d.polarity, d.unit "
                "FROM indicators_indicator i JOIN indicators_indicatordefinition d "
                "ON d.id = i.definition_id WHERE i.id = %s",
                [indicator],
            ),
            (
                "SELECT period_label, period_start, value, note, status, direction "
                "FROM indicators_measurement WHERE indicator_id = %s ORDER BY period_start",
                [indicator],
            ),
            (
                "SELECT period_label, period_start, value FROM indicators_target "
                "WHERE indicator_id = %s ORDER BY period_start",
                [indicator],
            ),
        ]
    )


def dashboard(ids: dict[str, Any]) -> int:
    organisation = ids["organisation"]
    return _run(
        [
            (
                "SELECT a.plan_id, a.rag, a.progress_status, count(*), "
                "sum(CASE WHEN a.due_date < %s THEN 1 ELSE 0 END), "
                "max((SELECT max(u.as_at) FROM plans_progressupdate u WHERE u.action_id = a.id)) "
                "FROM plans_action a WHERE a.organisation_id = %s "
                "GROUP BY a.plan_id, a.rag, a.progress_status",
                [ids["today"], organisation],
            ),
            (
                "SELECT id, title, residual_score FROM risks_risk "
                "WHERE organisation_id = %s ORDER BY residual_score DESC",
                [organisation],
            ),
            (
                "SELECT m.status, count(*) FROM indicators_measurement m JOIN "
                "(SELECT indicator_id, max(period_start) AS latest FROM indicators_measurement "
                "WHERE organisation_id = %s GROUP BY indicator_id) l "
                "ON l.indicator_id = m.indicator_id AND l.latest = m.period_start "
                "GROUP BY m.status",
                [organisation],
            ),
        ]
    )


def public_scorecard(ids: dict[str, Any]) -> int:
    return plan_page(ids) + scorecard(ids, public="AND i.is_public")


def api_list(ids: dict[str, Any]) -> int:
    plan = ids["plan"]
    return _run(
        [
            ("SELECT count(*) FROM plans_action WHERE plan_id = %s", [plan]),
            (
                "SELECT a.uuid, a.ref, a.text, a.due_text, a.due_date, a.progress_status, a.rag, "
                "p.uuid, s.uuid FROM plans_action a JOIN plans_plan p ON p.id = a.plan_id "
                "LEFT JOIN plans_section s ON s.id = a.section_id "
                "WHERE a.plan_id = %s ORDER BY a.position, a.id LIMIT 100",
                [plan],
            ),
        ]
    )


FLOORS: dict[str, Callable[[dict[str, Any]], int]] = {
    "plan page": plan_page,
    "indicator scorecard": scorecard,
    "indicator page": indicator_page,
    "health-card dashboard": dashboard,
    "public scorecard": public_scorecard,
    "API list": api_list,
}
