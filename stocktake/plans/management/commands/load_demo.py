"""Load a demonstration council, its people and logins, and a plan with dated history."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Committee, Organisation, Person, Portfolio, Post, Unit
from stocktake.complaints.demo import demo_complaints
from stocktake.consultations.demo import demo_consultations
from stocktake.customers.demo import demo_customer_data
from stocktake.imports.save import needs_as_at, plan_import
from stocktake.imports.services import ImportFailed, preview_document
from stocktake.plans import services as plans
from stocktake.plans import services_ownership as ownership
from stocktake.plans import services_workflow as workflow
from stocktake.plans.models import Plan
from stocktake.priorities.services import priority_create

DEMO_ORGANISATION = "Demo District Council"
# Papers that state no date for their current positions get this one in the demo, and say so.
UNDATED_PAPERS_AS_AT = dt.date(2008, 9, 30)
DEMO_PASSWORD = "stocktake-demo"  # noqa: S105 - printed for the demo; never used in production
D = dt.date


class Command(BaseCommand):
    help = "Load demonstration data (idempotent) and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--papers",
            type=Path,
            default=Path(settings.DEMO_PAPERS_DIR),
            help="A folder of council papers to import as demo plans.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Organisation.objects.filter(name=DEMO_ORGANISATION).exists():
            self.stdout.write("Demo data already loaded.")
        else:
            with transaction.atomic():
                officer = self._load()
            self._import_papers(options["papers"], officer)
            self._load_contact_demo(officer)
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(
            "Sign in at http://127.0.0.1:8000/sign-in/ as any of:\n"
            f"  officer    / {DEMO_PASSWORD}   (performance officer and administrator)\n"
            f"  lead       / {DEMO_PASSWORD}   (lead officer: updates own actions)\n"
            f"  councillor / {DEMO_PASSWORD}   (reads published plans)"
        )

    def _import_papers(self, folder: Path, officer: User) -> None:
        """Every paper in the folder goes through the importer, as a council's would."""
        papers = sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []
        if not papers:
            self.stderr.write(f"No council papers found in {folder}; only the sample plan loaded.")
            return
        roles = accounts.roles_ensure()
        for path in tqdm(papers, desc="Importing demo papers", file=sys.stderr, disable=None):
            try:
                preview = preview_document(path)
            except ImportFailed as error:
                self.stderr.write(f"Skipped {path.name}: {error}")
                continue
            organisation = accounts.organisation_get_or_create(
                name=preview.get("organisation") or DEMO_ORGANISATION
            )
            for role in ("Performance officer", "Administrator"):
                accounts.membership_grant(user=officer, organisation=organisation, role=roles[role])
            as_at = None
            if needs_as_at(preview):
                as_at = UNDATED_PAPERS_AS_AT
                self.stderr.write(
                    f"{path.name} states no date for its current positions; "
                    f"the demo records them as at {as_at:%-d %B %Y}."
                )
            record = plan_import(
                preview=preview, organisation=organisation, by=officer, as_at=as_at
            )
            assert record.plan is not None
            workflow.plan_submit(plan=record.plan, by=officer)
            workflow.plan_approve(plan=record.plan, by=officer)
            workflow.plan_publish(plan=record.plan, by=officer)
            counts = ", ".join(f"{n} {kind}" for kind, n in record.summary["counts"].items())
            self.stdout.write(f"Imported {path.name} for {organisation.name}: {counts}")

    def _load_contact_demo(self, officer: User) -> None:
        """Customer contact, complaints and consultations, after the papers, dated to today."""
        council = Organisation.objects.get(name=DEMO_ORGANISATION)
        lead = Person.objects.get(organisation=council, name="Lee Lead")
        head = Person.objects.get(organisation=council, name="Sam Service")
        plan = Plan.objects.get(organisation=council, title="Customer Access Improvement Plan")
        today = timezone.localdate()
        contacts = demo_customer_data(
            organisation=council,
            officer=officer,
            handler=lead,
            today=today,
            action=plan.actions.get(ref="2.2"),
        )
        complaints = demo_complaints(
            organisation=council, officer=officer, handler=lead, reviewer=head, today=today
        )
        consultations = demo_consultations(
            organisation=council,
            officer=officer,
            lead_officer=head,
            today=today,
            action=plan.actions.get(ref="1.1"),
        )
        self.stdout.write(
            f"Demo customer data: {contacts} contacts, {complaints} complaints, "
            f"{consultations} consultations."
        )

    def _load(self) -> User:
        roles = accounts.roles_ensure()
        council = accounts.organisation_get_or_create(name=DEMO_ORGANISATION)
        directorate = accounts.unit_create(
            organisation=council, name="Corporate Services", kind=Unit.Kind.DIRECTORATE
        )
        service = accounts.unit_create(
            organisation=council,
            name="Customer Services",
            kind=Unit.Kind.SERVICE,
            parent=directorate,
        )
        officer, _ = accounts.user_with_person_create(
            organisation=council,
            username="officer",
            name="Pat Performance",
            email="officer@example.org",
            password=DEMO_PASSWORD,
        )
        lead, lead_person = accounts.user_with_person_create(
            organisation=council,
            username="lead",
            name="Lee Lead",
            email="lead@example.org",
            password=DEMO_PASSWORD,
        )
        councillor, _ = accounts.user_with_person_create(
            organisation=council,
            username="councillor",
            name="Cllr Chris Member",
            email="councillor@example.org",
            password=DEMO_PASSWORD,
        )
        accounts.membership_grant(
            user=officer, organisation=council, role=roles["Performance officer"]
        )
        accounts.membership_grant(user=officer, organisation=council, role=roles["Administrator"])
        accounts.membership_grant(
            user=lead, organisation=council, unit=service, role=roles["Lead officer"]
        )
        accounts.membership_grant(user=councillor, organisation=council, role=roles["Councillor"])
        head = accounts.person_create(
            organisation=council, name="Sam Service", job_title="Head of Customer Services"
        )
        head_post = Post.objects.create(
            organisation=council, unit=service, title="Head of Customer Services"
        )
        ownership.post_fill(post=head_post, person=head, start_date=D(2024, 4, 1), by=officer)
        equalities_post = Post.objects.create(organisation=council, title="Equalities Officer")
        portfolio = Portfolio.objects.create(
            organisation=council, name="Customers and Communities", cabinet_member=None
        )
        scrutiny = Committee.objects.create(
            organisation=council, name="Performance Scrutiny Committee", kind="scrutiny"
        )
        aim = priority_create(organisation=council, code="A", title="Customers come first")
        reach = priority_create(
            organisation=council, code="A1", title="Services everyone can reach", parent=aim
        )
        insight_priority = priority_create(
            organisation=council, code="A2", title="Decisions based on evidence", parent=aim
        )
        plan = plans.plan_create(
            organisation=council,
            unit=service,
            title="Customer Access Improvement Plan",
            kind=Plan.Kind.IMPROVEMENT,
            portfolio=portfolio,
            committee=scrutiny,
            period_text="2025/26",
            by=officer,
        )
        access = plans.section_create(plan=plan, ref="1", title="Access channels", by=officer)
        insight = plans.section_create(plan=plan, ref="2", title="Customer insight", by=officer)
        access.priorities.add(reach)
        insight.priorities.add(insight_priority)
        a1 = plans.action_create(
            plan=plan,
            section=access,
            ref="1.1",
            text="Publish consistent opening hours for every access point",
            due_text="June 2025",
            owners=[lead_person],
            by=officer,
        )
        plans.action_update_add(
            action=a1,
            as_at=D(2025, 6, 30),
            position="Hours agreed for the two main offices; village points still differ.",
            future_action="Agree hours with parish partners.",
            progress_status="in_progress",
            rag="amber",
            by=officer,
        )
        plans.action_due_revise(
            action=a1,
            new_due_text="September 2025",
            reason="Parish partners asked for consultation first",
            agreed_by="Customer Services Board",
            revised_on=D(2025, 7, 1),
            by=officer,
        )
        plans.action_update_add(
            action=a1,
            as_at=D(2025, 9, 30),
            position="Hours published on the website and at every point.",
            progress_status="complete",
            rag="blue",
            by=officer,
        )
        a2 = plans.action_create(
            plan=plan,
            section=access,
            ref="1.2",
            text="Move the most common transactions online",
            due_text="Q4 2025/26",
            by=officer,
        )
        plans.action_owner_add(action=a2, post=head_post, by=officer)
        plans.action_update_add(
            action=a2,
            as_at=D(2025, 9, 30),
            position="Three of the ten most common requests can now be made online.",
            progress_status="in_progress",
            rag="green",
            by=officer,
        )
        plans.action_create(
            plan=plan,
            section=insight,
            ref="2.1",
            text="Capture, analyse and report customer contact data by channel",
            due_text="March 2026",
            owners=[lead_person],
            by=officer,
        )
        plans.action_create(
            plan=plan,
            section=insight,
            ref="2.2",
            text="Set up regular mystery shopping with neighbouring councils",
            due_text="??",
            by=officer,
        )
        a5 = plans.action_create(
            plan=plan,
            section=insight,
            ref="2.3",
            text="Find out which groups do not use council services, and why",
            due_text="December 2025",
            by=officer,
        )
        plans.action_owner_add(action=a5, post=equalities_post, by=officer)
        workflow.plan_submit(plan=plan, by=officer)
        workflow.plan_approve(plan=plan, by=officer, decided_on=D(2025, 4, 10))
        workflow.plan_publish(plan=plan, by=officer)
        return officer
