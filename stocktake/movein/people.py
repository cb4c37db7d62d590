"""Authors, reviewers and owners named in an export, found among the council's people and posts.

Owners go through the document importer's resolver, so a name becomes the same person, post or
partner organisation whichever importer meets it first. Authors must be people: a post or a
name that is not a person's is kept as text on the update instead.
"""

from __future__ import annotations

from django.contrib.auth.models import User

from stocktake.accounts.models import Organisation, Person, Post
from stocktake.imports.owners import OwnerResolver
from stocktake.imports.people import is_person, split_owners


class People:
    def __init__(self, organisation: Organisation) -> None:
        self.resolver = OwnerResolver(organisation)
        self.users: dict[int, User] = {}

    @property
    def created(self) -> list[str]:
        return self.resolver.created

    def author(self, name: str) -> Person | None:
        name = " ".join(name.split())
        if not name:
            return None
        known = self.resolver.people.get(name.casefold())
        if known is not None:
            return known
        if not is_person(name):
            return None
        found = self.resolver.resolve(name)
        return found if isinstance(found, Person) else None

    def user(self, name: str) -> User | None:
        """The sign-in of the person named, if they have one: who entered a value."""
        person = self.author(name)
        if person is None or person.user_id is None:
            return None
        if person.user_id not in self.users:
            self.users[person.user_id] = User.objects.get(pk=person.user_id)
        return self.users[person.user_id]

    def owners(self, text: str) -> list[Person | Post | Organisation]:
        return [self.resolver.resolve(name) for name in split_owners(text).owners]
