"""Owner names from a paper become people, posts or organisations of the importing council."""

from __future__ import annotations

import re

from stocktake.accounts import services as accounts
from stocktake.accounts.models import Organisation, Person, Post

from .people import is_person

_ORGANISATION = re.compile(
    r"\b(council|ltd|limited|plc|trust|police|constabulary|nhs|pct|cvs|partnership|association"
    r"|authority|agency|service[s]? ltd|futures)\b$|^[A-Z]{2,6}$",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class OwnerResolver:
    """Finds or creates each owner once per import; the same name always gives the same record.

    `merges` maps spellings the reviewer agreed are one person to the name to use for them.
    """

    def __init__(self, organisation: Organisation, merges: dict[str, str] | None = None) -> None:
        self.organisation = organisation
        self.people = {_key(p.name): p for p in Person.objects.filter(organisation=organisation)}
        self.posts = {_key(p.title): p for p in Post.objects.filter(organisation=organisation)}
        self.merges = {_key(k): " ".join(v.split()) for k, v in (merges or {}).items()}
        self.created: list[str] = []

    def merged(self) -> list[str]:
        return [f"{k} as {v}" for k, v in self.merges.items() if k != _key(v)]

    def name_for(self, name: str) -> str:
        """The name an owner goes by once the reviewer's merges are applied."""
        name = " ".join(name.split())
        return self.merges.get(_key(name), name)

    def resolve(self, name: str) -> Person | Post | Organisation:
        name = self.name_for(name)
        key = _key(name)
        if key in self.people:
            return self.people[key]
        if key in self.posts:
            return self.posts[key]
        if is_person(name):
            person = accounts.person_create(organisation=self.organisation, name=name)
            self.people[key] = person
            self.created.append(f"person {name}")
            return person
        if _ORGANISATION.search(name) and not re.search(r"\b(officer|head|manager)\b", name, re.I):
            found, created = Organisation.objects.get_or_create(
                name=name, defaults={"kind": Organisation.Kind.PARTNER}
            )
            if created:
                self.created.append(f"organisation {name}")
            return found
        post = Post.objects.create(organisation=self.organisation, title=name[:200])
        self.posts[key] = post
        self.created.append(f"post {name}")
        return post
