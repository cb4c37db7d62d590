"""Reporting cycles: who is asked to update what, by when, through which link and email."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation, Person
from stocktake.core.models import Record
from stocktake.plans.models import Action, Plan


def default_offsets() -> list[int]:
    return [-7, -1, 3]


class ReportingCycle(Record):
    """A round of updates, e.g. "Q3 2009/10": opens, has a data deadline, reports to committee."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Not opened"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cycles",
        help_text="Empty: every plan of the organisation.",
    )
    name = models.CharField(max_length=100)
    opens_on = models.DateField()
    deadline = models.DateField(help_text="The data deadline.")
    committee_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    # Days relative to the deadline: negative before it, positive after it.
    reminder_offsets = models.JSONField(default=default_offsets, blank=True)
    grace_days = models.PositiveSmallIntegerField(
        default=14, help_text="Links keep working this many days after the deadline."
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    needs_sign_off = models.BooleanField(
        default=False,
        help_text="Updates entered while the cycle is open stay provisional until reviewed.",
    )
    # After the committee date the period can be locked: updates dated inside it need a reason.
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unassigned_count = models.PositiveIntegerField(
        default=0, help_text="Items in scope with nobody to ask, counted when the cycle opened."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-deadline", "name"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.name


class CycleRequest(Record):
    """One owner's share of a cycle: the items they are asked to update."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="requests")
    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cycle_requests")

    class Meta:
        ordering = ["owner__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "owner"], name="cycle_request_unique")
        ]

    def __str__(self) -> str:
        return f"{self.owner} in {self.cycle}"


class RequestItem(models.Model):
    """One thing an owner is asked for: an action's position, an indicator's value for a
    period, or a risk's review. Exactly one of the three is set."""

    class Kind(models.TextChoices):
        ACTION = "action", "Action"
        INDICATOR = "indicator", "Indicator"
        RISK = "risk", "Risk"

    request = models.ForeignKey(CycleRequest, on_delete=models.CASCADE, related_name="items")
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    risk = models.ForeignKey(
        "risks.Risk", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # For an indicator, the period whose value is asked for.
    period_label = models.CharField(max_length=50, blank=True)
    period_kind = models.CharField(max_length=20, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "action"], name="request_item_unique"),
            models.UniqueConstraint(
                fields=["request", "indicator"], name="request_item_indicator_unique"
            ),
            models.UniqueConstraint(fields=["request", "risk"], name="request_item_risk_unique"),
            models.CheckConstraint(
                condition=(
                    models.Q(action__isnull=False, indicator__isnull=True, risk__isnull=True)
                    | models.Q(action__isnull=True, indicator__isnull=False, risk__isnull=True)
                    | models.Q(action__isnull=True, indicator__isnull=True, risk__isnull=False)
                ),
                name="request_item_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.action_id or self.indicator_id or self.risk_id} in request"

    @property
    def kind(self) -> str:
        if self.action_id is not None:
            return self.Kind.ACTION
        return self.Kind.INDICATOR if self.indicator_id is not None else self.Kind.RISK


class UpdateLink(Record):
    """A no-password link for one owner in one cycle. Only a hash of its token is stored."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="links")
    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["cycle", "owner"])]

    def __str__(self) -> str:
        return f"Link for {self.owner} in {self.cycle}"


class Outbox(models.Model):
    """One email to send. Not history-tracked: rows are many and their state is their record."""

    class Kind(models.TextChoices):
        REQUEST = "request", "Request"
        REMINDER_BEFORE = "reminder_before", "Reminder before the deadline"
        REMINDER_AFTER = "reminder_after", "Reminder after the deadline"
        DIGEST = "digest", "Digest to the performance officer"
        RETURNED = "returned", "Update returned to its owner"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="outbox")
    owner = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Which configured reminder this is (days from the deadline); 0 for requests and digests.
    offset_days = models.SmallIntegerField(default=0)
    # The update a "returned" email is about; each return is told once.
    progress_update = models.ForeignKey(
        "plans.ProgressUpdate", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "owner", "kind", "offset_days"],
                condition=models.Q(progress_update__isnull=True),
                name="outbox_one_per_message",
            ),
            models.UniqueConstraint(
                fields=["progress_update", "kind"],
                condition=models.Q(progress_update__isnull=False),
                name="outbox_one_per_update",
            ),
        ]
        indexes = [models.Index(fields=["status", "id"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.owner} ({self.status})"
