"""Import an indicator dataset (CSV, TSV, Excel or JSON; long or wide; one council or many)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from stocktake.indicators.dataset_import import DatasetRejected, DatasetUnreadable, dataset_import


class Command(BaseCommand):
    help = "Import indicator definitions, targets and values from a dataset file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and count; save nothing")
        parser.add_argument("--json", action="store_true", help="Print the summary as JSON")
        parser.add_argument(
            "--organisation",
            default=None,
            help="Whom the file is for when it has no organisation column",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # disable=None: the bar shows on a terminal and stays out of logs and pipes.
        bar = tqdm(desc="import", unit="rows", file=sys.stderr, leave=False, disable=None)
        try:
            with bar:
                summary = dataset_import(
                    path=options["path"],
                    by=None,
                    organisation=options["organisation"],
                    dry_run=options["dry_run"],
                    source=str(options["path"]),
                    progress=bar.update,
                )
        except DatasetUnreadable as error:
            message = str(error)
            if options["path"].name not in message:
                message = f"{options['path']}: {message}"
            self.stderr.write(message.splitlines()[0])
            sys.exit(1)
        except DatasetRejected as error:
            if options["json"]:
                self.stdout.write(json.dumps(error.summary.as_json(), ensure_ascii=False))
            self.stderr.write(f"{error}; nothing was saved:")
            for message in error.summary.errors:
                self.stderr.write(f"  {message}")
            sys.exit(1)
        for warning in summary["warnings"]:
            self.stderr.write(f"warning: {warning}")
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2))
            return
        done = "would import" if options["dry_run"] else "imported"
        self.stdout.write(
            f"{summary['source']}: {done} {summary['measurements']} values of "
            f"{summary['indicators']} indicators for {summary['organisations']} organisations "
            f"over {len(summary['periods'])} periods"
        )
