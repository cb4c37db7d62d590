"""Load framework files (JSON, CSV, XLSX), or the frameworks shipped with Stocktake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from stocktake.frameworks import formats, services
from stocktake.frameworks.models import Framework

SHIPPED = Path(__file__).resolve().parents[2] / "data"


class Command(BaseCommand):
    help = "Load one or more framework files; each version is loaded once, all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path)
        parser.add_argument("--shipped", action="store_true", help="Load the shipped frameworks.")
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = list(options["paths"])
        if options["shipped"]:
            paths += sorted(p for p in SHIPPED.iterdir() if p.suffix in formats.FORMATS)
        if not paths:
            raise CommandError("Name a file or use --shipped")
        for path in paths:
            try:
                data = formats.read_framework_file(path.name, path.read_bytes())
                if (
                    options["shipped"]
                    and Framework.objects.filter(
                        code=data.get("code"), version=data.get("version")
                    ).exists()
                ):
                    self.stdout.write(f"{path.name}: already loaded")
                    continue
                with transaction.atomic():
                    framework = services.framework_load(data=data, by=None)
                    count = framework.criteria.count()
                    if options["dry_run"]:
                        transaction.set_rollback(True)
            except (OSError, ValidationError) as error:
                message = error.messages if isinstance(error, ValidationError) else [str(error)]
                raise CommandError(f"{path.name}: {' '.join(message)}") from error
            done = "would load" if options["dry_run"] else "loaded"
            self.stdout.write(f"{path.name}: {done} {framework} with {count} criteria")
