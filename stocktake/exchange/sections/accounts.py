"""Organisations, structure, people, posts, logins and roles."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Q

from stocktake.accounts.models import (
    Committee,
    Delegation,
    Membership,
    Organisation,
    PartnershipMember,
    Person,
    Portfolio,
    Post,
    PostHolding,
    Role,
    Unit,
)

from ..tables import Table

TABLES = [
    Table(
        "accounts.organisation",
        Organisation,
        lambda org: Organisation.objects.filter(pk=org.pk),
        shared=True,
    ),
    Table(
        "auth.user",
        User,
        lambda org: User.objects.filter(
            Q(memberships__organisation=org) | Q(person__organisation=org)
        ).distinct(),
        key=("username",),
        shared=True,
        # Passwords stay behind: people set a new one (or sign in through single sign-on).
        exclude=("password", "last_login", "groups", "user_permissions"),
    ),
    Table("accounts.role", Role, lambda org: Role.objects.none(), key=("name",), shared=True),
    Table("accounts.unit", Unit, lambda org: Unit.objects.filter(organisation=org)),
    Table("accounts.person", Person, lambda org: Person.objects.filter(organisation=org)),
    Table(
        "accounts.membership", Membership, lambda org: Membership.objects.filter(organisation=org)
    ),
    Table(
        "accounts.partnershipmember",
        PartnershipMember,
        lambda org: PartnershipMember.objects.filter(Q(partnership=org) | Q(member=org)),
        key=("partnership", "member"),
    ),
    Table("accounts.post", Post, lambda org: Post.objects.filter(organisation=org)),
    Table(
        "accounts.postholding",
        PostHolding,
        lambda org: PostHolding.objects.filter(post__organisation=org),
        key=(),
    ),
    Table(
        "accounts.delegation",
        Delegation,
        lambda org: Delegation.objects.filter(delegator__organisation=org),
        key=(),
    ),
    Table("accounts.committee", Committee, lambda org: Committee.objects.filter(organisation=org)),
    Table("accounts.portfolio", Portfolio, lambda org: Portfolio.objects.filter(organisation=org)),
]
