"""Load a contacts CSV for one council, with a progress bar.

manage.py load_contacts "Uttlesford District Council" contacts.csv [--skip-bad]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from stocktake.accounts.models import Organisation
from stocktake.customers.parsing import RowError
from stocktake.customers.services_contacts import BadRows, contacts_load

SHOWN = 50


def _data_lines(path: Path) -> int:
    with path.open("rb") as counted:
        return max(
            sum(chunk.count(b"\n") for chunk in iter(lambda: counted.read(1 << 20), b"")) - 1, 0
        )


class Command(BaseCommand):
    help = "Load customer contacts from a CSV file (all or nothing unless --skip-bad)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organisation", help="The council's name")
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--skip-bad", action="store_true", help="Load the good rows and skip the bad ones."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(name=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation called {options['organisation']!r}")
        path: Path = options["path"]
        bar = tqdm(total=_data_lines(path), unit="rows", file=sys.stderr, disable=None)
        try:
            with path.open(newline="", encoding="utf-8-sig") as lines:
                result = contacts_load(
                    organisation=organisation,
                    lines=lines,
                    source=path.name,
                    by=None,
                    skip_bad=options["skip_bad"],
                    progress=bar.update,
                )
        except RowError as error:
            bar.close()
            raise CommandError(str(error)) from None
        except BadRows as failure:
            bar.close()
            for line, reason in failure.result.errors[:SHOWN]:
                self.stderr.write(f"line {line}: {reason}")
            more = failure.result.skipped - min(SHOWN, len(failure.result.errors))
            if more > 0:
                self.stderr.write(f"… and {more} more bad rows")
            raise CommandError(
                f"{failure.result.skipped} bad rows: nothing was loaded. "
                "Fix them, or use --skip-bad to load only the good rows."
            ) from None
        bar.close()
        for line, reason in result.errors[:SHOWN]:
            self.stderr.write(f"skipped line {line}: {reason}")
        self.stdout.write(f"Loaded {result.loaded} contacts; skipped {result.skipped} bad rows.")
