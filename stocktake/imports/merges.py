"""Owner names the importer thinks are one person spelled two ways: the reviewer decides.

The preview proposes each group ("owner_variants"); the review page offers, for each, to merge
the names into one person, named as the reviewer picks, or to keep them apart. Merging is the
default. A spelling that is already a person of the council is the default name, so that person
is reused rather than joined by a near twin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from stocktake.accounts.models import Organisation, Person

MERGE, KEEP = "merge", "keep"


@dataclass
class Proposal:
    index: int
    names: list[str]
    existing: list[str]
    merge: bool
    name: str

    @property
    def field(self) -> str:
        return f"merge-{self.index}"

    @property
    def name_field(self) -> str:
        return f"merge-name-{self.index}"


def _default_name(names: list[str], existing: list[str], uses: Counter[str]) -> str:
    if existing:
        return existing[0]
    # The spelling the paper uses most; on a tie, the first in the group's order.
    return max(names, key=lambda n: (uses[n], -names.index(n)))


def proposals(preview: dict[str, Any], organisation: Organisation) -> list[Proposal]:
    groups: list[list[str]] = [list(g) for g in preview.get("owner_variants") or [] if len(g) > 1]
    if not groups:
        return []
    spellings = [n for g in groups for n in g]
    query = Q()
    for name in spellings:
        query |= Q(name__iexact=name)
    known = {
        " ".join(p.split()).casefold()
        for p in Person.objects.filter(query, organisation=organisation).values_list(
            "name", flat=True
        )
    }
    uses = Counter(n for item in preview["items"] for n in item.get("owners") or [])
    found = []
    for index, names in enumerate(groups):
        existing = [n for n in names if " ".join(n.split()).casefold() in known]
        name = _default_name(names, existing, uses)
        found.append(Proposal(index, names, existing, merge=True, name=name))
    return found


def read_choices(data: Mapping[str, Any], found: list[Proposal]) -> list[str]:
    """Apply the reviewer's posted choices to `found`; the problems with any not offered.

    A choice not posted keeps its default, as the page shows it.
    """
    problems = []
    for proposal in found:
        said = ", ".join(f"‘{n}’" for n in proposal.names)
        chosen = data.get(proposal.field)
        if chosen is not None and chosen not in (MERGE, KEEP):
            problems.append(f"Owners {said}: choose to merge them or to keep them apart")
        elif chosen is not None:
            proposal.merge = chosen == MERGE
        name = data.get(proposal.name_field)
        if name is not None and name not in proposal.names:
            problems.append(f"Owners {said}: choose the name to use from the list")
        elif name is not None:
            proposal.name = name
    return problems


def merges(found: list[Proposal]) -> dict[str, str]:
    """Each spelling to be merged, to the name its person goes by."""
    return {n: p.name for p in found if p.merge for n in p.names}
