from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords
from tree_queries.models import TreeNode

from stocktake.accounts.models import Committee, Organisation, Person, Portfolio, Post, Unit
from stocktake.core.models import Record

from .querysets import ActionQuerySet, PlanQuerySet


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"
    RANGE = "range", "Range"
    NONE = "none", "None"


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    ONGOING = "ongoing", "Ongoing (business as usual)"
    ON_HOLD = "on_hold", "On hold"
    COMPLETE = "complete", "Complete"
    SUPERSEDED = "superseded", "Superseded"
    TRANSFERRED = "transferred", "Transferred"
    CANCELLED = "cancelled", "Cancelled"
    UNKNOWN = "unknown", "Unknown"


CLOSED_STATUSES = frozenset(
    {
        ProgressStatus.COMPLETE,
        ProgressStatus.SUPERSEDED,
        ProgressStatus.TRANSFERRED,
        ProgressStatus.CANCELLED,
    }
)


class Rag(models.TextChoices):
    BLUE = "blue", "Blue (complete)"
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"
    NONE = "none", "None"


class Plan(Record):
    class Kind(models.TextChoices):
        INSPECTION = "inspection_action_plan", "Inspection action plan"
        IMPROVEMENT = "improvement_plan", "Improvement plan"
        SERVICE = "service_plan", "Service plan"
        CORPORATE = "corporate_plan", "Corporate plan"
        OPERATIONAL = "operational_plan", "Operational plan"
        SCRUTINY = "scrutiny_recommendations", "Scrutiny recommendations"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="plans")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans"
    )
    portfolio = models.ForeignKey(
        Portfolio, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans"
    )
    committee = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
        help_text="The committee that approves and monitors the plan.",
    )
    kind = models.CharField(max_length=40, choices=Kind.choices, default=Kind.IMPROVEMENT)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_text = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    source_document = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Section(TreeNode, Record):
    """A heading inside a plan: objective, supporting objective or recommendation group."""

    class Kind(models.TextChoices):
        OBJECTIVE = "objective", "Objective"
        SUPPORTING_OBJECTIVE = "supporting_objective", "Supporting objective"
        GROUP = "group", "Group"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.GROUP)
    ref = models.CharField(max_length=30, blank=True)
    title = models.TextField()
    position = models.PositiveIntegerField(default=0)
    priorities = models.ManyToManyField("priorities.Priority", blank=True, related_name="sections")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The ref and title, without saying the ref twice when the title already has it."""
        words = [w.rstrip(".):") for w in self.title.split(":")[0].split()]
        if not self.ref or self.ref.rstrip(".):") in words:
            return self.title
        return f"{self.ref} {self.title}"


class Action(Record):
    class Agreement(models.TextChoices):
        NOT_CONSIDERED = "not_considered", "Not yet considered"
        AGREED = "agreed", "Agreed"
        PARTLY_AGREED = "partly_agreed", "Partly agreed"
        NOT_AGREED = "not_agreed", "Not agreed"

    class Kind(models.TextChoices):
        ACTION = "action", "Action"
        RECOMMENDATION = "recommendation", "Recommendation"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACTION)
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        help_text="The service or team that delivers the action, where not the plan's own.",
    )
    ref = models.CharField(max_length=30, blank=True)
    text = models.TextField()
    position = models.PositiveIntegerField(default=0)
    priorities = models.ManyToManyField("priorities.Priority", blank=True, related_name="actions")
    date_added_text = models.CharField(max_length=100, blank=True)
    date_added = models.DateField(null=True, blank=True)
    priority = models.CharField(
        max_length=50, blank=True, help_text="Empty means the item was not prioritised."
    )
    agreement = models.CharField(
        max_length=20, choices=Agreement.choices, default=Agreement.NOT_CONSIDERED
    )
    owner_text = models.CharField(
        max_length=300, blank=True, help_text="The owner as written in the source document."
    )
    owners: models.ManyToManyField[Person, ActionOwner] = models.ManyToManyField(
        Person, through="ActionOwner", related_name="actions"
    )
    # The due date now; its history is the slippage record (DueRevision rows).
    due_text = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_start = models.DateField(null=True, blank=True)
    due_precision = models.CharField(max_length=10, choices=Precision.choices, default="none")
    original_due_text = models.CharField(max_length=200, blank=True)
    original_due_date = models.DateField(null=True, blank=True)
    progress_status = models.CharField(
        max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.NOT_STARTED
    )
    rag = models.CharField(max_length=10, choices=Rag.choices, default=Rag.NONE)
    status_text = models.CharField(
        max_length=300, blank=True, help_text="The status exactly as written."
    )
    percent_complete = models.PositiveSmallIntegerField(null=True, blank=True)
    flags = models.JSONField(default=list, blank=True)
    deliverables = models.TextField(blank=True)
    resources = models.TextField(blank=True)
    outputs = models.TextField(blank=True)
    outcomes = models.TextField(blank=True)
    risks = models.TextField(blank=True)
    other_services = models.TextField("other services affected", blank=True)
    internal_note = models.TextField(blank=True, help_text="Never shown publicly.")
    # Closure: recommendations close only when someone with the authority agrees.
    closed_on = models.DateField(null=True, blank=True)
    closure_agreed_by = models.CharField(max_length=200, blank=True)
    closure_agreed_on = models.DateField(null=True, blank=True)
    closure_note = models.TextField(blank=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes"
    )
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["organisation", "plan", "position"]),
            models.Index(fields=["organisation", "due_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.text[:60]}".strip()

    @property
    def is_closed(self) -> bool:
        return self.progress_status in CLOSED_STATUSES


class ActionOwner(models.Model):
    """An owner is a person, a post (whoever holds it) or an organisation, never two of these."""

    class Kind(models.TextChoices):
        ACCOUNTABLE = "accountable", "Accountable"
        UPDATER = "updater", "Updater"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="ownerships")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="ownerships"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="ownerships"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="ownerships"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACCOUNTABLE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(person__isnull=False, post__isnull=True, organisation__isnull=True)
                    | models.Q(person__isnull=True, post__isnull=False, organisation__isnull=True)
                    | models.Q(person__isnull=True, post__isnull=True, organisation__isnull=False)
                ),
                name="action_owner_exactly_one",
            ),
            models.UniqueConstraint(
                fields=["action", "person", "kind"],
                condition=models.Q(person__isnull=False),
                name="action_owner_person_unique",
            ),
            models.UniqueConstraint(
                fields=["action", "post", "kind"],
                condition=models.Q(post__isnull=False),
                name="action_owner_post_unique",
            ),
            models.UniqueConstraint(
                fields=["action", "organisation", "kind"],
                condition=models.Q(organisation__isnull=False),
                name="action_owner_organisation_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owner} ({self.get_kind_display()})"

    @property
    def owner(self) -> Person | Post | Organisation:
        found = self.person or self.post or self.organisation
        assert found is not None  # guaranteed by action_owner_exactly_one
        return found


class DueRevision(Record):
    """One entry of an action's slippage record: the due date moved, when, why and who agreed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="due_revisions")
    revised_on = models.DateField(help_text="The business date the new due date took effect.")
    previous_due_text = models.CharField(max_length=200, blank=True)
    previous_due_date = models.DateField(null=True, blank=True)
    new_due_text = models.CharField(max_length=200)
    new_due_date = models.DateField(null=True, blank=True)
    reason = models.TextField()
    agreed_by = models.CharField(max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["revised_on", "id"]
        indexes = [models.Index(fields=["action", "revised_on"])]


class Milestone(Record):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    ref = models.CharField(max_length=30, blank=True)
    text = models.TextField()
    due_text = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]


class UpdateState(models.TextChoices):
    PROVISIONAL = "provisional", "Provisional"
    VERIFIED = "verified", "Verified"
    RETURNED = "returned", "Returned"


class ProgressUpdate(Record):
    """A dated position statement: what was true at the as-at date, not when it was typed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    as_at = models.DateField()
    as_at_precision = models.CharField(max_length=10, choices=Precision.choices, default="day")
    label = models.CharField(max_length=200, blank=True)
    position = models.TextField()
    future_action = models.TextField(blank=True)
    progress_status = models.CharField(max_length=20, choices=ProgressStatus.choices, blank=True)
    rag = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    author = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Why an update inside a locked reporting period was allowed (empty when none was needed).
    change_reason = models.TextField(blank=True)
    # Sign-off: updates in a cycle that needs it stay provisional until a reviewer accepts them.
    state = models.CharField(max_length=12, choices=UpdateState.choices, default="verified")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["as_at", "created_at", "id"]
        indexes = [models.Index(fields=["action", "as_at"])]


from .narrative import NarrativeSection  # noqa: E402
from .workflow import Evidence, PlanTransition, PlanVersion  # noqa: E402

__all__ = [
    "CLOSED_STATUSES",
    "Action",
    "ActionOwner",
    "DueRevision",
    "Evidence",
    "Milestone",
    "NarrativeSection",
    "Plan",
    "PlanTransition",
    "PlanVersion",
    "Precision",
    "ProgressStatus",
    "ProgressUpdate",
    "Rag",
    "Section",
    "UpdateState",
]
