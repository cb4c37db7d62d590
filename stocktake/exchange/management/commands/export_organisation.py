"""manage.py export_organisation <slug|uuid> out.json [--csv out.zip]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stocktake.exchange import services


class Command(BaseCommand):
    help = "Write all of an organisation's data as JSON (docs/export-format.md), and CSVs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organisation", help="The organisation's UUID or its name's slug")
        parser.add_argument("out", type=Path, help="The JSON file to write")
        parser.add_argument("--csv", type=Path, help="Also write a zip of CSV files here")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = services.organisation_named(options["organisation"])
        if organisation is None:
            raise CommandError(f"No organisation {options['organisation']!r}")
        try:
            export = services.organisation_export(organisation=organisation)
        except services.ExportError as error:
            raise CommandError(str(error)) from error
        Path(options["out"]).write_text(services.export_json(export), encoding="utf-8")
        if options["csv"]:
            Path(options["csv"]).write_bytes(services.export_zip(export))
        rows = sum(len(r) for r in export["tables"].values())
        self.stdout.write(f"Exported {organisation} ({rows} records) to {options['out']}")
