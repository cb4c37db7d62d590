"""Load channel feedback, or peers' net satisfaction figures, for one council from CSV.

manage.py load_feedback "<council>" feedback.csv
manage.py load_feedback "<council>" peers.csv --peers
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stocktake.accounts.models import Organisation
from stocktake.customers.feedback_import import BadFile, feedback_load, peer_figures_load


class Command(BaseCommand):
    help = "Load channel feedback (or, with --peers, peers' figures) from a CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("organisation")
        parser.add_argument("path", type=Path)
        parser.add_argument("--peers", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(name=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation called {options['organisation']!r}")
        load = peer_figures_load if options["peers"] else feedback_load
        try:
            with options["path"].open(newline="", encoding="utf-8-sig") as lines:
                count = load(organisation=organisation, lines=lines, by=None)
        except BadFile as failure:
            for line, reason in failure.errors[:50]:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(failure.summary) from None
        self.stdout.write(f"Loaded {count} rows.")
