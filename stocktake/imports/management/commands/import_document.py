"""Preview (and later save) a council paper as plan items."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from stocktake.imports.services import ImportFailed, preview_document

NOT_YET = "Saving imported plans is not available yet; use --dry-run"


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

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dry_run"]:
            self.stderr.write(NOT_YET)
            sys.exit(2)
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
                self.stderr.write(f"warning: {warning}")
            bar.update(1)
        if options["json"]:
            self.stdout.write(json.dumps(preview, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(
                f"{preview['source']}: {len(preview['items'])} items in "
                f"{len(preview['sections'])} sections, {len(preview['warnings'])} warnings"
            )
