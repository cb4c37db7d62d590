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
        out = Path(options["out"])
        try:
            # Both written as they are read, so a council's contacts are never all in memory.
            with out.open("w", encoding="utf-8") as file:
                for part in services.export_text(organisation=organisation):
                    file.write(part)
            if options["csv"]:
                with Path(options["csv"]).open("wb") as zipped:
                    services.write_zip(organisation=organisation, file=zipped)
        except services.ExportError as error:
            out.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        self.stdout.write(f"Exported {organisation} to {out}")
