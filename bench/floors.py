"""The floor for each key page: hand-written SQL fetching the same rows the page shows.

A page cannot be faster than reading its data, so page time ÷ floor time says how much the
framework, the access checks and the template cost on top. Each floor runs its statements
through connection.cursor() and fetches every row, as the page would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connection

# Each action with its latest counted update (a returned update never counts; the newest
# as-at date, then the newest entry), as the plan page and the public scorecard show it.
_ACTIONS = (
    "SELECT a.id, a.uuid, a.ref, a.text, a.owner_text, a.due_text, a.due_date, "
    "a.original_due_text, a.original_due_date, a.progress_status, a.rag, a.section_id, "
    "u.as_at, u.position, u.rag, u.progress_status FROM plans_action a "
    "LEFT JOIN plans_progressupdate u ON u.id = (SELECT x.id FROM plans_progressupdate x "
    "WHERE x.action_id = a.id AND x.as_at <= %s AND x.state <> 'returned' "
    "ORDER BY x.as_at DESC, x.created_at DESC, x.id DESC LIMIT 1) "
    "WHERE a.organisation_id = %s AND a.plan_id = %s ORDER BY a.position, a.id"
)
# Due-date revisions up to the date: the latest gives the due date shown, the count the slippage.
_REVISIONS = (
    "SELECT r.action_id, r.revised_on, r.new_due_text, r.new_due_date FROM plans_duerevision r "
    "JOIN plans_action a ON a.id = r.action_id WHERE a.plan_id = %s AND r.revised_on <= %s"
)
_SECTIONS = "SELECT id, ref, title, parent_id, position FROM plans_section WHERE plan_id = %s"
# Each indicator as the scorecards list it, with its latest value (the latest period's).
_INDICATORS = (
    "SELECT i.id, i.uuid, i.owner_text, d.code, d.title, d.family, d.data_type, d.unit, "
    "d.decimal_places, o.name, un.name, p.name, po.title, m.period_label, m.value, "
    "m.value_text, m.status, m.direction, m.explanation "
    "FROM indicators_indicator i JOIN indicators_indicatordefinition d ON d.id = i.definition_id "
    "JOIN accounts_organisation o ON o.id = i.organisation_id "
    "LEFT JOIN accounts_unit un ON un.id = i.unit_id "
    "LEFT JOIN accounts_person p ON p.id = i.owner_person_id "
    "LEFT JOIN accounts_post po ON po.id = i.owner_post_id "
    "LEFT JOIN indicators_measurement m ON m.id = (SELECT x.id FROM indicators_measurement x "
    "WHERE x.indicator_id = i.id AND x.organisation_id = i.organisation_id "
    "ORDER BY x.period_end DESC, x.period_start LIMIT 1) "
    "WHERE i.organisation_id = %s AND i.plan_id = %s {public} ORDER BY d.code, i.position"
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
    plan, organisation, today = ids["plan"], ids["organisation"], ids["today"]
    return _run(
        [
            (
                "SELECT p.id, p.uuid, p.title, p.kind, p.period_text, p.status, p.description, "
                "o.name, un.name, c.name FROM plans_plan p "
                "JOIN accounts_organisation o ON o.id = p.organisation_id "
                "LEFT JOIN accounts_unit un ON un.id = p.unit_id "
                "LEFT JOIN accounts_committee c ON c.id = p.committee_id WHERE p.id = %s",
                [plan],
            ),
            (
                "SELECT t.to_status, t.at, t.decided_on, t.comment, u.first_name, u.last_name, "
                "u.username, c.name FROM plans_plantransition t "
                "LEFT JOIN auth_user u ON u.id = t.by_id "
                "LEFT JOIN accounts_committee c ON c.id = t.committee_id "
                "WHERE t.plan_id = %s ORDER BY t.id DESC LIMIT 1",
                [plan],
            ),
            (
                "SELECT heading, text FROM plans_narrativesection WHERE plan_id = %s "
                "ORDER BY position",
                [plan],
            ),
            (_SECTIONS, [plan]),
            (_ACTIONS, [today, organisation, plan]),
            (_REVISIONS, [plan, today]),
            # Owners as shown: a person (and whether they left), a post with whoever holds it
            # today, or an organisation.
            (
                "SELECT o.action_id, o.kind, p.name, p.left_on, po.title, h.name, org.name "
                "FROM plans_actionowner o JOIN plans_action a ON a.id = o.action_id "
                "LEFT JOIN accounts_person p ON p.id = o.person_id "
                "LEFT JOIN accounts_post po ON po.id = o.post_id "
                "LEFT JOIN (SELECT ph.post_id, hp.name FROM accounts_postholding ph "
                "JOIN accounts_person hp ON hp.id = ph.person_id "
                "WHERE (ph.start_date IS NULL OR ph.start_date <= %s) "
                "AND (ph.end_date IS NULL OR ph.end_date >= %s)) h ON h.post_id = o.post_id "
                "LEFT JOIN accounts_organisation org ON org.id = o.organisation_id "
                "WHERE a.plan_id = %s",
                [today, today, plan],
            ),
            # The filter form's choices: the plan's owners and the council's units.
            (
                "SELECT DISTINCT p.uuid, p.name FROM accounts_person p "
                "JOIN plans_actionowner o ON o.person_id = p.id "
                "JOIN plans_action a ON a.id = o.action_id WHERE a.plan_id = %s ORDER BY p.name",
                [plan],
            ),
            (
                "SELECT un.uuid, un.name FROM accounts_unit un JOIN plans_plan p "
                "ON p.organisation_id = un.organisation_id WHERE p.id = %s",
                [plan],
            ),
        ]
    )


def scorecard(ids: dict[str, Any]) -> int:
    plan, organisation = ids["plan"], ids["organisation"]
    return _run(
        [
            ("SELECT id, uuid, title FROM plans_plan WHERE id = %s", [plan]),
            (_INDICATORS.format(public=""), [organisation, plan]),
        ]
    )


def indicator_page(ids: dict[str, Any]) -> int:
    indicator = ids["indicator"]
    return _run(
        [
            (
                "SELECT i.id, i.uuid, i.owner_text, o.name, un.name, p.name, po.title, pl.title, "
                "s.ref, s.title FROM indicators_indicator i "
                "JOIN accounts_organisation o ON o.id = i.organisation_id "
                "LEFT JOIN accounts_unit un ON un.id = i.unit_id "
                "LEFT JOIN accounts_person p ON p.id = i.owner_person_id "
                "LEFT JOIN accounts_post po ON po.id = i.owner_post_id "
                "LEFT JOIN plans_plan pl ON pl.id = i.plan_id "
                "LEFT JOIN plans_section s ON s.id = i.section_id WHERE i.id = %s",
                [indicator],
            ),
            # The definition in all its versions (the page names the version of each value).
            (
                "SELECT v.id, v.code, v.title, v.definition, v.data_type, v.unit, "
                "v.decimal_places, v.polarity, v.frequency, v.combine, v.area_scope, "
                "v.area_note, v.family, v.formula, v.version, v.effective_from "
                "FROM indicators_indicator i "
                "JOIN indicators_indicatordefinition d ON d.id = i.definition_id "
                "JOIN indicators_indicatordefinition v ON v.id = d.id OR (d.code <> '' "
                "AND v.code = d.code AND (v.organisation_id = d.organisation_id "
                "OR (v.organisation_id IS NULL AND d.organisation_id IS NULL))) "
                "WHERE i.id = %s ORDER BY v.version",
                [indicator],
            ),
            (
                "SELECT id, definition_id, period_label, period_start, period_end, value, "
                "value_text, state, note, status, direction, direction_year, explanation, forecast "
                "FROM indicators_measurement WHERE indicator_id = %s ORDER BY period_end",
                [indicator],
            ),
            (
                "SELECT uuid, period_label, period_start, period_end, name, is_primary, value, "
                "upper_value, text, tolerance, tolerance_kind, profile_q1, profile_q2, profile_q3 "
                "FROM indicators_target WHERE indicator_id = %s ORDER BY period_start",
                [indicator],
            ),
            (
                "SELECT period_label, value, value_text, note FROM indicators_baseline "
                "WHERE indicator_id = %s",
                [indicator],
            ),
            (
                "SELECT g.uuid, g.name FROM indicators_comparisongroup g "
                "JOIN indicators_indicator i ON i.id = %s "
                "WHERE g.organisation_id IS NULL OR g.organisation_id = i.organisation_id",
                [indicator],
            ),
            # Every peer's value for the same definition version and period, for the ranks.
            (
                "SELECT peer.period_start, peer.period_end, peer.definition_id, peer.value "
                "FROM indicators_measurement peer WHERE peer.value IS NOT NULL "
                "AND peer.definition_id IN (SELECT definition_id FROM indicators_measurement "
                "WHERE indicator_id = %s) AND peer.period_end IN (SELECT period_end "
                "FROM indicators_measurement WHERE indicator_id = %s)",
                [indicator, indicator],
            ),
        ]
    )


def dashboard(ids: dict[str, Any]) -> int:
    organisation, today = ids["organisation"], ids["today"]
    year = today.year if today.month >= 4 else today.year - 1
    return _run(
        [
            ("SELECT id, uuid, name FROM accounts_organisation WHERE id = %s", [organisation]),
            # Each plan's and each service's lines: counts by the latest update's RAG and status,
            # overdue, and when last updated.
            (
                "SELECT a.plan_id, p.title, coalesce(au.name, pu.name), "
                "coalesce(nullif(l.rag, ''), a.rag), "
                "coalesce(nullif(l.progress_status, ''), a.progress_status), "
                "count(*), sum(CASE WHEN a.due_date < %s THEN 1 ELSE 0 END), max(l.as_at) "
                "FROM plans_action a JOIN plans_plan p ON p.id = a.plan_id "
                "LEFT JOIN accounts_unit au ON au.id = a.unit_id "
                "LEFT JOIN accounts_unit pu ON pu.id = p.unit_id "
                "LEFT JOIN plans_progressupdate l ON l.id = (SELECT x.id "
                "FROM plans_progressupdate x WHERE x.action_id = a.id AND x.as_at <= %s "
                "AND x.state <> 'returned' ORDER BY x.as_at DESC, x.created_at DESC, x.id DESC "
                "LIMIT 1) "
                "WHERE a.organisation_id = %s GROUP BY 1, 2, 3, 4, 5",
                [today, today, organisation],
            ),
            (
                "SELECT r.id, r.ref, r.title, r.residual_score, m.amber_from, m.red_from "
                "FROM risks_risk r JOIN risks_scoringmatrix m ON m.id = r.matrix_id "
                "WHERE r.organisation_id = %s AND r.status = 'open' "
                "ORDER BY r.residual_score DESC",
                [organisation],
            ),
            (
                "SELECT coalesce(m.status, 'no_data'), count(*) FROM indicators_indicator i "
                "LEFT JOIN indicators_measurement m ON m.id = (SELECT x.id "
                "FROM indicators_measurement x WHERE x.indicator_id = i.id "
                "AND x.organisation_id = i.organisation_id "
                "ORDER BY x.period_end DESC, x.period_start LIMIT 1) "
                "WHERE i.organisation_id = %s GROUP BY 1",
                [organisation],
            ),
            # Complaint stages answered on time this financial year, and what is overdue.
            (
                "SELECT s.number, count(s.responded_on), "
                "sum(CASE WHEN s.responded_on <= s.due_on THEN 1 ELSE 0 END) "
                "FROM complaints_complaintstage s JOIN complaints_complaint c "
                "ON c.id = s.complaint_id WHERE c.organisation_id = %s "
                "AND s.started_on BETWEEN %s AND %s GROUP BY s.number",
                [organisation, dt.date(year, 4, 1), dt.date(year + 1, 3, 31)],
            ),
            (
                "SELECT count(*) FROM complaints_complaint WHERE organisation_id = %s "
                "AND next_due_on < %s",
                [organisation, today],
            ),
            (
                "SELECT count(*) FROM consultations_consultation WHERE organisation_id = %s "
                "AND status IN ('planned', 'open') AND closes_on BETWEEN %s AND %s",
                [organisation, today, today + dt.timedelta(days=30)],
            ),
            # Owners asked in closed cycles, newest first, for the silent owners' list.
            (
                "SELECT r.owner_id, p.name, c.deadline FROM cycles_cyclerequest r "
                "JOIN cycles_reportingcycle c ON c.id = r.cycle_id "
                "JOIN accounts_person p ON p.id = r.owner_id "
                "WHERE r.organisation_id = %s AND c.status = 'closed' "
                "ORDER BY r.owner_id, c.deadline DESC",
                [organisation],
            ),
        ]
    )


def public_scorecard(ids: dict[str, Any]) -> int:
    """The plan's actions as residents see them (no owners), and its public indicators."""
    plan, organisation, today = ids["plan"], ids["organisation"], ids["today"]
    return _run(
        [
            (
                "SELECT p.id, p.uuid, p.title, o.name FROM plans_plan p "
                "JOIN accounts_organisation o ON o.id = p.organisation_id WHERE p.id = %s",
                [plan],
            ),
            (_SECTIONS, [plan]),
            (_ACTIONS, [today, organisation, plan]),
            (_REVISIONS, [plan, today]),
            (_INDICATORS.format(public="AND i.is_public"), [organisation, plan]),
        ]
    )


def api_list(ids: dict[str, Any]) -> int:
    """Every field the API gives for a page of 100 actions, with their owners."""
    plan, organisation = ids["plan"], ids["organisation"]
    return _run(
        [
            ("SELECT count(*) FROM plans_action WHERE plan_id = %s", [plan]),
            (
                "SELECT a.*, p.uuid, s.uuid FROM plans_action a "
                "JOIN plans_plan p ON p.id = a.plan_id "
                "LEFT JOIN plans_section s ON s.id = a.section_id "
                "WHERE a.organisation_id = %s AND a.plan_id = %s "
                "ORDER BY a.position, a.id LIMIT 100",
                [organisation, plan],
            ),
            (
                "SELECT o.action_id, o.kind, p.uuid, p.name, po.uuid, po.title, org.uuid, org.name "
                "FROM plans_actionowner o "
                "LEFT JOIN accounts_person p ON p.id = o.person_id "
                "LEFT JOIN accounts_post po ON po.id = o.post_id "
                "LEFT JOIN accounts_organisation org ON org.id = o.organisation_id "
                "WHERE o.action_id IN (SELECT a.id FROM plans_action a "
                "WHERE a.organisation_id = %s AND a.plan_id = %s "
                "ORDER BY a.position, a.id LIMIT 100)",
                [organisation, plan],
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
