"""Realistic council data, built through the services, for the generator, the benches and tests.

Every low-volume record (plans, sections, actions, updates, indicators, risks) goes through the
apps' services, so it carries its history and passes its rules. The high-volume rows go through
the bulk paths the apps give their own imports: indicator values through the dataset import
(one upsert per batch) and contacts through the contacts loader (COPY on PostgreSQL).

Callers must have run django.setup() first.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from simple_history.utils import bulk_create_with_history

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person
from stocktake.customers.parsing import COLUMNS as CONTACT_COLUMNS
from stocktake.customers.servicelist import SERVICES
from stocktake.customers.services_contacts import contacts_load
from stocktake.indicators import services as indicators
from stocktake.indicators.dataset_import import dataset_import
from stocktake.plans import services as plans
from stocktake.plans import services_workflow as workflow
from stocktake.plans.models import Action, Plan, ProgressUpdate, UpdateState
from stocktake.risks import services as risks

Tick = Callable[[int], object]
PASSWORD = "bench-password-not-secret"  # noqa: S105 - throw-away bench databases only
RAGS = ["green", "green", "amber", "red", "blue"]
STATUSES = ["in_progress", "in_progress", "in_progress", "complete", "not_started"]
FIRST_YEAR = 2015  # forty quarters: Q1 2015/16 to Q4 2024/25


@dataclass(frozen=True)
class Size:
    """How much of everything one council holds (national adds peers' indicator values)."""

    plans: int
    actions: int
    updates: int
    indicators: int
    quarters: int
    risks: int
    contacts: int
    peers: int = 0  # other organisations whose indicator values are loaded for benchmarking

    def scaled(self, factor: float) -> Size:
        """Everything but the quarters times `factor`, keeping at least one of each thing."""

        def times(n: int, least: int = 1) -> int:
            return max(least, round(n * factor)) if n else 0

        plans_n = times(self.plans)
        return replace(
            self,
            plans=plans_n,
            actions=times(self.actions, plans_n),
            updates=times(self.updates),
            indicators=times(self.indicators),
            risks=times(self.risks),
            contacts=times(self.contacts),
            peers=times(self.peers),
        )

    def rows(self) -> int:
        """Roughly how many rows generating this writes, for the progress bar."""
        measurements = self.indicators * self.quarters * (1 + self.peers)
        return (
            self.actions + self.updates + self.indicators + measurements + self.risks
        ) + self.contacts


DISTRICT = Size(
    plans=30, actions=3_000, updates=30_000, indicators=400, quarters=40, risks=300,
    contacts=500_000,
)  # fmt: skip
SIZES = {
    "district": DISTRICT,
    "county": DISTRICT.scaled(5),
    "national": replace(DISTRICT, peers=149),  # the council and 149 peers: 150 organisations
}


@dataclass
class Council:
    organisation: Organisation
    officer: User
    person: Person
    plans: list[Plan] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def council_create(name: str, *, username: str = "") -> Council:
    """A council with a Performance officer who can see and edit everything in it."""
    roles = accounts.roles_ensure()
    organisation = accounts.organisation_get_or_create(name=name)
    username = username or f"officer-{organisation.pk}"
    officer, person = accounts.user_with_person_create(
        organisation=organisation,
        username=username,
        name=f"Performance officer of {name}",
        email=f"{username}@example.org",
        password=PASSWORD,
    )
    accounts.membership_grant(
        user=officer, organisation=organisation, role=roles["Performance officer"]
    )
    return Council(organisation, officer, person)


def quarter_label(n: int) -> str:
    year = FIRST_YEAR + n // 4
    return f"Q{n % 4 + 1} {year}/{(year + 1) % 100:02d}"


def quarter_end(n: int) -> dt.date:
    """The last day of the n-th financial quarter from April 2015."""
    month = 4 + 3 * (n % 4) + 2  # June, September, December, March
    year = FIRST_YEAR + n // 4 + (month - 1) // 12
    month = (month - 1) % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def plans_build(
    council: Council,
    *,
    plans_n: int,
    actions: int,
    updates: int,
    publish: bool = True,
    tick: Tick | None = None,
    seed: int = 1,
) -> list[Plan]:
    """Plans of even size, actions spread over four objectives, updates dated a quarter apart."""
    rng = random.Random(seed)
    by = council.officer
    made: list[Plan] = []
    per_action = updates // actions if actions else 0
    extra = updates - per_action * actions
    history: list[ProgressUpdate] = []
    for p in range(plans_n):
        plan = plans.plan_create(
            organisation=council.organisation, title=f"Service plan {p + 1}", by=by
        )
        sections = [
            plans.section_create(plan=plan, title=f"Objective {n + 1}", ref=str(n + 1), by=by)
            for n in range(4)
        ]
        share = actions // plans_n + (1 if p < actions % plans_n else 0)
        for i in range(share):
            action = plans.action_create(
                plan=plan,
                section=sections[i % 4],
                ref=f"{i % 4 + 1}.{i // 4 + 1}",
                text=f"Improve service outcome {i + 1} of plan {p + 1} for residents",
                due_text=f"March {2024 + i % 3}",
                owners=[council.person] if i % 3 == 0 else (),
                position=i,
                by=by,
            )
            count = per_action + (1 if extra > 0 else 0)
            extra -= 1
            history += [_earlier(action, by, rng, i, u, count) for u in range(count - 1)]
            if count:
                # The latest goes through the service, so the action's status follows it.
                plans.action_update_add(
                    action=action,
                    as_at=quarter_end(39),
                    position=f"Latest position: work continues on outcome {i + 1}",
                    progress_status=rng.choice(STATUSES),
                    rag=rng.choice(RAGS),
                    by=by,
                )
            if len(history) >= 2000:
                bulk_create_with_history(history, ProgressUpdate, default_user=by)
                history = []
            if tick is not None:
                tick(1 + count)
        bulk_create_with_history(history, ProgressUpdate, default_user=by)
        history = []
        if publish:
            workflow.plan_submit(plan=plan, by=by)
            workflow.plan_approve(plan=plan, by=by)
            workflow.plan_publish(plan=plan, by=by)
        made.append(plan)
    council.plans.extend(made)
    return made


def _earlier(
    action: Action, by: User, rng: random.Random, i: int, u: int, count: int
) -> ProgressUpdate:
    """An update before the latest: the bulk path the apps' own update imports take, since
    30,000 single saves would take most of the generation time and add nothing."""
    return ProgressUpdate(
        organisation_id=action.organisation_id,
        action=action,
        as_at=quarter_end(39) - dt.timedelta(days=91 * (count - 1 - u)),
        position=f"Quarter {u + 1}: work on outcome {i + 1} is under way",
        progress_status=rng.choice(STATUSES),
        rag=rng.choice(RAGS),
        entered_by=by,
        state=UpdateState.VERIFIED,
    )


def indicators_build(
    council: Council,
    *,
    count: int,
    quarters: int,
    peers: int = 0,
    tick: Tick | None = None,
    seed: int = 2,
) -> int:
    """Indicators over the council's plans, half public, with `quarters` values each (and the
    same codes for `peers` other organisations), loaded through the dataset import. Returns
    the number of values loaded."""
    by = council.officer
    for n in range(count):
        definition = indicators.definition_create(
            organisation=council.organisation,
            title=f"Local performance indicator {n + 1}",
            code=f"LPI {n + 1}",
            polarity="higher" if n % 3 else "lower",
            frequency="quarterly",
            by=by,
        )
        plan = council.plans[n % len(council.plans)] if council.plans else None
        indicators.indicator_create(
            organisation=council.organisation,
            definition=definition,
            plan=plan,
            is_public=n % 2 == 0,
            by=by,
        )
    if tick is not None:
        tick(count)
    loaded = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "values.csv"
        loaded += _values_file(path, count, quarters, [council.organisation.name], seed)
        dataset_import(path=path, by=by, organisation=council.organisation, progress=tick)
        if tick is not None:
            tick(loaded % 500)
        if peers:
            names = [council.organisation.name] + [
                f"Peer council {n + 1:03d}" for n in range(peers)
            ]
            path = Path(folder) / "peers.csv"
            loaded += _values_file(path, count, quarters, names[1:], seed + 1, organisation=True)
            dataset_import(path=path, by=by, progress=tick)
            if tick is not None:
                tick((loaded - count * quarters) % 500)
    return loaded


def _values_file(
    path: Path, count: int, quarters: int, names: list[str], seed: int, organisation: bool = False
) -> int:
    rng = random.Random(seed)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        header = ["Code", "Title", "Period", "Value", "Target"]
        out.writerow((["Organisation"] if organisation else []) + header)
        for name in names:
            for n in range(count):
                base = rng.uniform(40, 90)
                for q in range(quarters):
                    value = Decimal(f"{base + rng.uniform(-8, 8):.1f}")
                    cells = [f"LPI {n + 1}", f"Local performance indicator {n + 1}"]
                    cells += [quarter_label(q), str(value), f"{base:.0f}"]
                    out.writerow(([name] if organisation else []) + cells)
                    rows += 1
    return rows


def risks_build(council: Council, *, count: int, tick: Tick | None = None, seed: int = 3) -> None:
    rng = random.Random(seed)
    matrix = risks.matrix_for(organisation=council.organisation, by=council.officer)
    levels = (len(matrix.likelihood_levels), len(matrix.impact_levels))
    plan_actions = {
        plan.pk: list(Action.objects.filter(plan=plan).order_by("position")[:3])
        for plan in council.plans
    }
    for n in range(count):
        plan = council.plans[n % len(council.plans)] if council.plans else None
        risks.risk_create(
            organisation=council.organisation,
            title=f"If supplier {n + 1} fails then service {n % 40 + 1} stops, "
            "resulting in complaints and cost",
            plan=plan,
            matrix=matrix,
            owner_person=council.person,
            residual_likelihood=rng.randint(1, levels[0]),
            residual_impact=rng.randint(1, levels[1]),
            as_at=quarter_end(39),
            mitigation="Second supplier on call-off; monthly contract review",
            actions=plan_actions[plan.pk] if plan is not None else (),
            by=council.officer,
        )
        if tick is not None and n % 50 == 49:
            tick(50)
    if tick is not None:
        tick(count % 50)


def contact_lines(rows: int, seed: int = 14) -> Iterator[str]:
    """A year of contacts as a council's contact system exports them, header first."""
    rng = random.Random(seed)
    channels = ["telephone"] * 5 + ["face_to_face"] * 2 + ["email", "web_form", "letter"]
    reasons = ["progress_chasing", "clarification", "wrong_department", "not_online"]
    services = [code for code, _ in SERVICES]
    start = dt.datetime(2024, 4, 1)
    yield ",".join(CONTACT_COLUMNS) + "\n"
    for n in range(rows):
        when = start + dt.timedelta(seconds=rng.randrange(365 * 24 * 3600))
        assessed = rng.random()
        avoidable, reason = ("yes", rng.choice(reasons)) if assessed < 0.1 else ("", "")
        if 0.1 <= assessed < 0.3:
            avoidable = "no"
        yield (
            f"{when:%Y-%m-%d %H:%M:%S},{rng.choice(channels)},,{rng.choice(services)},"
            f"enquiry,{'y' if assessed < 0.6 else 'n'},{'y' if n % 3 else ''},{avoidable},"
            f"{reason},E00{rng.randrange(2000):06d},{'outbound' if n % 50 == 0 else ''}\n"
        )


def contacts_build(council: Council, *, rows: int, tick: Tick | None = None) -> int:
    result = contacts_load(
        organisation=council.organisation,
        lines=contact_lines(rows),
        source="generated",
        by=council.officer,
        progress=tick,
    )
    if tick is not None:
        tick(rows % 10_000)
    return result.loaded


def council_build(name: str, size: Size, *, tick: Tick | None = None, **user: Any) -> Council:
    """One council with everything `size` asks for; returns it with what was made."""
    council = council_create(name, **user)
    plans_build(council, plans_n=size.plans, actions=size.actions, updates=size.updates, tick=tick)
    values = indicators_build(
        council, count=size.indicators, quarters=size.quarters, peers=size.peers, tick=tick
    )
    risks_build(council, count=size.risks, tick=tick)
    contacts = contacts_build(council, rows=size.contacts, tick=tick) if size.contacts else 0
    council.counts = {
        "plans": size.plans,
        "actions": size.actions,
        "updates": size.updates,
        "indicators": size.indicators,
        "measurements": values,
        "risks": size.risks,
        "contacts": contacts,
        "organisations": 1 + size.peers,
    }
    return council


def plan_document_text(rows: int) -> str:
    """An improvement plan as a council's text export: objectives with tables of actions."""
    header = "Action No\tDate Added\tAction\tTarget Date\tLead Officer\tTask Status\tUpdate"
    statuses = ["Complete", "Ongoing", "Not started", "40% year 1 completed"]
    owners = ["Caroline Marshall / Helen Walton", "Steve Phipps", "Head of Benefits, Revenues"]
    out = io.StringIO()
    out.write("**GENERATED IMPROVEMENT PLAN**\n\n")
    for n in range(rows):
        if n % 25 == 0:
            out.write(f"\n**OBJECTIVE {n // 25 + 1}: THEME {n // 25 + 1}**\n\n{header}\n")
        out.write(
            f"{n // 25 + 1}.{n % 25 + 1}\t\tDo thing {n} for residents\tOct- Nov 2006\t"
            f"{owners[n % 3]}\t{statuses[n % 4]}\tProgress on {n} (see 1.1)\n"
        )
    return out.getvalue()
