"""People as choices on forms. Imports can leave two records of one name (two people, or one
person spelt once in each paper), so same-named people are told apart by what else is known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .models import Person


def person_choices(people: Iterable[Person]) -> list[tuple[str, str]]:
    """(uuid, label) for each person; a name shared with another reads with the job title or
    email where there is one, else with its place in the list."""
    people = list(people)
    counts = Counter(person.name for person in people)
    seen: Counter[str] = Counter()
    choices = []
    for person in people:
        label = person.name
        if counts[person.name] > 1:
            other = person.job_title or person.email
            if not other:
                seen[person.name] += 1
                other = f"record {seen[person.name]}"
            label = f"{person.name} ({other})"
        choices.append((str(person.uuid), label))
    return choices
