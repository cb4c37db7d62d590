"""What a dataset import did or would do, and why a file was refused: the preview's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stocktake.accounts.models import Organisation

MAX_ERRORS = 50
_LINES_SHOWN = 10


@dataclass
class Summary:
    source: str
    format: str
    shape: str = "long"
    codes: set[str] = field(default_factory=set)
    measurements: int = 0
    organisations: set[int] = field(default_factory=set)
    periods: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    unlisted: int = 0  # errors counted whose messages were left off the list
    skipped: int = 0
    refused: list[str] = field(default_factory=list)  # organisations the importer may not write
    own: list[str] = field(default_factory=list)
    peers: list[str] = field(default_factory=list)

    def error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)
        else:
            self.unlisted += 1

    def refuse(self, refused: dict[int, list[int]], unit: str) -> None:
        """Rows for organisations the importer may not write (already counted as errors): one
        message per organisation, ahead of any row's own mistakes, as they are about the
        whole file."""
        if not refused:
            return
        names = dict(Organisation.objects.filter(pk__in=refused).values_list("pk", "name"))
        ordered = sorted(refused.items(), key=lambda item: names[item[0]])
        self.refused = [names[pk] for pk, _ in ordered]
        messages = [
            f"{names[pk]}, {_lines(lines, unit)}: you may not import values for this "
            "organisation; only your own council's values and benchmarking peers' figures "
            "can be imported"
            for pk, lines in ordered
        ]
        while self.errors and len(messages) + len(self.errors) > MAX_ERRORS:
            self.errors.pop()
            self.unlisted += 1
        self.errors[:0] = messages

    def name_organisations(self, peers: set[int]) -> None:
        """Say whose values the file touches: councils' own, and peers' figures for comparison."""
        found = Organisation.objects.filter(pk__in=self.organisations).order_by("name")
        for pk, name in found.values_list("pk", "name"):
            (self.peers if pk in peers else self.own).append(name)

    def as_json(self) -> dict[str, Any]:
        """The shape in shared/docs/import-json.md, plus the file's shape, whose values it
        writes and any errors."""
        return {
            "source": self.source,
            "format": self.format,
            "indicators": len(self.codes),
            "measurements": self.measurements,
            "organisations": len(self.organisations),
            "periods": sorted(self.periods, key=lambda label: self.periods[label]),
            "warnings": list(self.warnings),
            "shape": self.shape,
            "own_organisations": list(self.own),
            "peer_organisations": list(self.peers),
            "errors": list(self.errors),
            "error_count": self.error_count,
        }


def _lines(lines: list[int], unit: str) -> str:
    shown = [str(line) for line in lines[:_LINES_SHOWN]]
    if len(lines) == 1:
        return f"{unit} {shown[0]}"
    more = len(lines) - len(shown)
    last = f"{more} more" if more else shown.pop()
    return f"{unit}s {', '.join(shown)} and {last}"


class DatasetRejected(Exception):
    """Rows were wrong; nothing was saved. The summary lists them with their line numbers."""

    def __init__(self, summary: Summary) -> None:
        self.summary = summary
        tail = f" (and {summary.unlisted} more)" if summary.unlisted > 0 else ""
        if summary.refused:
            tail += f": you may not import values for {', '.join(summary.refused)}"
        super().__init__(f"{summary.error_count} rows could not be imported{tail}")
