"""Preview a council paper as plan items, or save it as a plan."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from stocktake.accounts.services import organisation_get_or_create
from stocktake.imports.finishing import ASK_AS_AT
from stocktake.imports.reimport import plan_reimport
from stocktake.imports.save import ImportRejected, plan_import
from stocktake.imports.services import ImportFailed, preview_document
from stocktake.plans.models import Plan


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--as-at must be YYYY-MM-DD, not {text!r}") from exc


class Command(BaseCommand):
    help = "Read a council paper (html, docx, pdf, xlsx, csv, text) and preview its plan items."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--as-at", type=_date, default=None)
        parser.add_argument("--plan-kind", default=None)
        parser.add_argument("--organisation", default=None)
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--title", default=None, help="The plan's title, when not the paper's")
        parser.add_argument(
            "--into",
            default=None,
            metavar="PLAN_UUID",
            help="Update this existing plan from a newer version of its paper",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # disable=None: the bar shows on a terminal and stays out of logs and pipes.
        bar = tqdm(total=2, desc="import", unit="step", file=sys.stderr, leave=False, disable=None)
        with bar:
            try:
                preview = preview_document(
                    options["path"], as_at=options["as_at"], organisation=options["organisation"]
                )
            except ImportFailed as exc:
                bar.close()
                self.stderr.write(str(exc))
                sys.exit(1)
            bar.update(1)
            if options["plan_kind"]:
                preview["plan_kind"] = options["plan_kind"]
            for warning in preview["warnings"]:
                asked = warning.replace(ASK_AS_AT, "supply one with --as-at YYYY-MM-DD")
                self.stderr.write(f"warning: {asked}")
            bar.update(1)
        if options["dry_run"] and options["json"]:
            self.stdout.write(json.dumps(preview, ensure_ascii=False, indent=2))
        elif not options["dry_run"]:
            self._save(preview, options)
        else:
            self.stdout.write(
                f"{preview['source']}: {len(preview['items'])} items in "
                f"{len(preview['sections'])} sections, {len(preview['warnings'])} warnings"
            )

    def _save(self, preview: dict[str, Any], options: dict[str, Any]) -> None:
        if options["into"]:
            self._reimport(preview, options)
            return
        name = options["organisation"] or preview.get("organisation")
        if not name:
            self.stderr.write("The paper does not name its council: give --organisation NAME")
            sys.exit(1)
        organisation = organisation_get_or_create(name=name)
        try:
            record = plan_import(
                preview=preview,
                organisation=organisation,
                by=None,
                kind=options["plan_kind"],
                as_at=options["as_at"],
                title=options["title"],
            )
        except ImportRejected as exc:
            self.stderr.write(str(exc).replace("give an as-at date", "give --as-at YYYY-MM-DD"))
            sys.exit(1)
        assert record.plan is not None
        summary = ", ".join(f"{n} {kind}" for kind, n in record.summary["counts"].items())
        self.stdout.write(f"Imported {record.plan.title!r} for {organisation.name}: {summary}")

    def _reimport(self, preview: dict[str, Any], options: dict[str, Any]) -> None:
        try:
            plan = Plan.objects.select_related("organisation").get(uuid=options["into"])
        except (Plan.DoesNotExist, ValidationError, ValueError):
            self.stderr.write(f"No plan {options['into']}")
            sys.exit(1)
        named = options["organisation"]
        if named and named != plan.organisation.name:
            self.stderr.write(f"That plan belongs to {plan.organisation.name}, not {named}")
            sys.exit(1)
        try:
            record = plan_reimport(preview=preview, plan=plan, by=None, as_at=options["as_at"])
        except ImportRejected as exc:
            self.stderr.write(str(exc).replace("give an as-at date", "give --as-at YYYY-MM-DD"))
            sys.exit(1)
        summary = record.summary
        self.stdout.write(
            f"Updated {plan.title!r}: {len(summary['added'])} added, "
            f"{len(summary['changed'])} changed, {len(summary['unchanged'])} unchanged, "
            f"{len(summary['not_in_paper'])} no longer in the paper"
        )
