"""manage.py import_organisation in.json — into a database that does not hold it yet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stocktake.exchange import services


class Command(BaseCommand):
    help = "Load an organisation export (docs/export-format.md), keeping every UUID and date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        try:
            organisation = services.organisation_import(data=data)
        except services.ImportFailed as error:
            raise CommandError(str(error)) from error
        rows = sum(len(r) for r in data["tables"].values())
        self.stdout.write(f"Imported {organisation} ({rows} records)")
