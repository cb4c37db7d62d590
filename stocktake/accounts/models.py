from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords
from tree_queries.models import TreeNode

from stocktake.core.models import Record


class Capability(models.TextChoices):
    READ_SIGNED_OFF = "read_signed_off", "Read signed-off plans (and drafts where allowed)"
    READ_DRAFTS = "read_drafts", "Read drafts"
    UPDATE_OWN = "update_own", "Update own items"
    EDIT_ALL = "edit_all", "Edit all items in scope"
    APPROVE = "approve", "Approve and sign off"
    PUBLISH = "publish", "Publish"
    ADMINISTER = "administer", "Administer"


class Organisation(Record):
    """A council, partner, partnership or benchmarking peer. Global: shared by every tenant."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        PARTNER = "partner", "Partner organisation"
        PARTNERSHIP = "partnership", "Partnership"
        PEER = "peer", "Benchmarking peer"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNCIL)
    gss_code = models.CharField("GSS code", max_length=9, blank=True)
    councillors_see_drafts = models.BooleanField(
        default=False,
        help_text="Whether councillors may read plans before they are signed off.",
    )
    members: models.ManyToManyField[Organisation, PartnershipMember] = models.ManyToManyField(
        "self",
        through="PartnershipMember",
        symmetrical=False,
        related_name="partnerships",
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Unit(TreeNode, Record):
    """A directorate, service or team inside an organisation."""

    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", "Directorate"
        SERVICE = "service", "Service"
        TEAM = "team", "Team"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "parent", "name"], name="unit_unique_name_per_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Person(Record):
    """Someone who owns or updates items. A person need not have a login."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    left_on = models.DateField(
        null=True, blank=True, help_text="Set when someone leaves; their items need new owners."
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="A duplicate record kept for history after merging.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class Role(models.Model):
    """A named bundle of capabilities, such as "Lead officer"."""

    name = models.CharField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)
    capabilities = models.JSONField(default=list)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(Record):
    """Grants a user a role within an organisation, or within one unit and the units below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="memberships")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "unit", "role"], name="membership_unique"
            )
        ]

    def __str__(self) -> str:
        scope = self.unit.name if self.unit else self.organisation.name
        return f"{self.user} — {self.role} in {scope}"


class PartnershipMember(models.Model):
    """An organisation's place in a partnership (an LSP, CDRP or LAA board), over time."""

    partnership = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="member_links"
    )
    member = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="partnership_links"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "member"], name="partnership_member")
        ]

    def __str__(self) -> str:
        return f"{self.member} in {self.partnership}"


from .governance import Committee, Portfolio  # noqa: E402
from .posts import Delegation, Post, PostHolding  # noqa: E402

__all__ = [
    "Capability",
    "Committee",
    "Delegation",
    "Membership",
    "Organisation",
    "PartnershipMember",
    "Person",
    "Portfolio",
    "Post",
    "PostHolding",
    "Role",
    "Unit",
]
