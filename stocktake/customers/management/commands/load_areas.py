"""Load an open area classification (e.g. the ONS Output Area Classification) from CSV.

    manage.py load_areas areas.csv [--kind output_area|ward|district]

Columns: code, name, district_code, segment_code, segment_name, population.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from stocktake.customers.models import Area
from stocktake.customers.services import areas_load


class Command(BaseCommand):
    help = "Load areas and their classification segments from a CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--kind", choices=Area.Kind.values, default=Area.Kind.OUTPUT_AREA)

    def handle(self, *args: Any, **options: Any) -> None:
        with options["path"].open(newline="", encoding="utf-8-sig") as lines:
            count = areas_load(lines=lines, kind=options["kind"])
        self.stdout.write(f"Loaded {count} areas.")
