"""Move an export's history in: `movein <file> --organisation ... --profile ... [--dry-run]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from stocktake.accounts.models import Organisation
from stocktake.movein.engine import DatasetUnreadable, MoveInRejected, movein_run
from stocktake.movein.fields import suggest_columns
from stocktake.movein.models import Kind, MappingProfile
from stocktake.movein.reading import read_sheets
from stocktake.movein.shipped import SHIPPED, shipped_mapping
from stocktake.plans.models import Plan


class Command(BaseCommand):
    help = "Import action updates, indicator values or risk reviews from another system's export."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--organisation", required=True, help="The council's name")
        parser.add_argument(
            "--profile",
            default="",
            help=f"A saved profile's name or a shipped one: {', '.join(SHIPPED)}",
        )
        parser.add_argument("--kind", choices=Kind.values, default="", help="Without a profile")
        parser.add_argument("--plan", default="", help="The plan's title (for updates)")
        parser.add_argument("--create", action="store_true", help="Create items not found")
        parser.add_argument("--dry-run", action="store_true", help="Work it out; save nothing")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(name__iexact=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"no organisation called {options['organisation']}")
        mapping = self._mapping(organisation, options)
        if options["create"]:
            mapping["unmatched"] = "create"
        plan = None
        if options["plan"]:
            plan = Plan.objects.filter(organisation=organisation, title=options["plan"]).first()
            if plan is None:
                raise CommandError(f"{organisation} has no plan called {options['plan']}")
        # disable=None: the bar shows on a terminal and stays out of logs and pipes.
        bar = tqdm(desc="move in", unit="rows", file=sys.stderr, leave=False, disable=None)
        try:
            with bar:
                report = movein_run(
                    path=options["path"],
                    organisation=organisation,
                    mapping=mapping,
                    plan=plan,
                    by=None,
                    dry_run=options["dry_run"],
                    source=str(options["path"]),
                    progress=bar.update,
                )
        except DatasetUnreadable as error:
            raise CommandError(str(error).splitlines()[0]) from error
        except MoveInRejected as error:
            self.stderr.write(f"{error}; nothing was saved:")
            for line in error.report.errors + error.report.unmatched:
                self.stderr.write(f"  {line}")
            sys.exit(1)
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str))
            return
        done = "would create" if options["dry_run"] else "created"
        made = ", ".join(f"{n} {what}" for what, n in report["created"].items()) or "nothing"
        changed = ", ".join(f"{n} {what}" for what, n in report["changed"].items()) or "nothing"
        self.stdout.write(f"{report['rows']} rows: {done} {made}; changed {changed}")
        if report["periods"]:
            self.stdout.write(f"periods {report['first_period']} to {report['last_period']}")
        for heading, key in (("gap", "gaps"), ("bad value", "bad_values"), ("warning", "warnings")):
            for line in report[key]:
                self.stderr.write(f"{heading}: {line}")

    def _mapping(self, organisation: Organisation, options: dict[str, Any]) -> dict[str, Any]:
        name = options["profile"]
        if name:
            saved = MappingProfile.objects.filter(organisation=organisation, name=name).first()
            if saved is not None:
                return dict(saved.mapping) | {"kind": saved.kind}
            shipped = shipped_mapping(name)
            if shipped is None:
                raise CommandError(f"no profile called {name}")
            return shipped
        if not options["kind"]:
            raise CommandError("give --profile, or --kind to map columns by their headings")
        try:
            header = next(read_sheets(options["path"])).header
        except (DatasetUnreadable, StopIteration) as error:
            raise CommandError(f"{options['path']}: cannot read its header") from error
        return {"kind": options["kind"], "columns": suggest_columns(options["kind"], header)}
