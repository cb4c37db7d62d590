"""Risk registers: a scoring matrix per organisation, risks, and their dated reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.core.models import Record

from .querysets import RiskQuerySet


class Band(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"
    NONE = "none", "Not scored"


class ScoringMatrix(Record):
    """Named levels for likelihood and impact (lowest first); a level's value is its position.

    Score = likelihood × impact. Scores from amber_from are amber and from red_from red.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="risk_matrices"
    )
    name = models.CharField(max_length=100)
    likelihood_levels = models.JSONField(default=list)
    impact_levels = models.JSONField(default=list)
    amber_from = models.PositiveSmallIntegerField()
    red_from = models.PositiveSmallIntegerField()
    review_days = models.PositiveSmallIntegerField(
        default=90, help_text="A risk not reviewed for this many days shows as overdue."
    )
    is_default = models.BooleanField(default=True, help_text="Used for new risks.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name_plural = "scoring matrices"

    def __str__(self) -> str:
        return self.name

    @property
    def max_score(self) -> int:
        return len(self.likelihood_levels) * len(self.impact_levels)

    def score(self, likelihood: int | None, impact: int | None) -> int | None:
        if likelihood is None or impact is None:
            return None
        return likelihood * impact

    def band(self, score: int | None) -> str:
        if score is None:
            return Band.NONE
        if score >= self.red_from:
            return Band.RED
        if score >= self.amber_from:
            return Band.AMBER
        return Band.GREEN

    def level_name(self, axis: str, value: int | None) -> str:
        levels: list[str] = self.likelihood_levels if axis == "likelihood" else self.impact_levels
        if value is None or not 1 <= value <= len(levels):
            return ""
        return levels[value - 1]

    def level_choices(self, axis: str) -> list[tuple[int, str]]:
        levels: list[str] = self.likelihood_levels if axis == "likelihood" else self.impact_levels
        return [(i, f"{i} – {name}") for i, name in enumerate(levels, start=1)]

    def level_of(self, axis: str, text: str | None) -> int | None:
        """The value of a level as a paper writes it: its name, its number or a unique prefix."""
        levels: list[str] = self.likelihood_levels if axis == "likelihood" else self.impact_levels
        word = " ".join((text or "").split()).casefold()
        if not word:
            return None
        if word.isdigit():
            return int(word) if 1 <= int(word) <= len(levels) else None
        names = [name.casefold() for name in levels]
        if word in names:
            return names.index(word) + 1
        starting = [i for i, name in enumerate(names) if name.startswith(word)]
        return starting[0] + 1 if len(starting) == 1 else None


class Risk(Record):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class Category(models.TextChoices):
        STRATEGIC = "strategic", "Strategic"
        OPERATIONAL = "operational", "Operational"
        FINANCIAL = "financial", "Financial"
        REPUTATIONAL = "reputational", "Reputational"
        LEGAL = "legal", "Legal and regulatory"
        PARTNERSHIP = "partnership", "Partnership"
        PEOPLE = "people", "People"
        TECHNOLOGY = "technology", "Technology and information"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="risks"
    )
    # The section of the plan's paper the risk came from (its risk analysis, say).
    section = models.ForeignKey(
        "plans.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="risks"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="risks"
    )
    matrix = models.ForeignKey(ScoringMatrix, on_delete=models.PROTECT, related_name="risks")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    # A risk of one of the council's significant partnerships, part of its risk assessment.
    partnership = models.ForeignKey(
        "risks.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risks",
    )
    ref = models.CharField(max_length=30, blank=True)
    title = models.TextField(help_text="The risk as the register states it.")
    cause = models.TextField(blank=True)
    event = models.TextField(blank=True)
    consequence = models.TextField(blank=True)
    category = models.CharField(max_length=20, choices=Category.choices, blank=True)
    # The accountable owner is a person or a post (whoever holds it), as with actions.
    owner_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="risks"
    )
    owner_post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="risks"
    )
    owner_text = models.CharField(
        max_length=300, blank=True, help_text="The owner as written in the source document."
    )
    inherent_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    inherent_score = models.PositiveSmallIntegerField(null=True, blank=True)
    # The residual (current) score is the latest review's; it changes only through reviews.
    residual_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_score = models.PositiveSmallIntegerField(null=True, blank=True)
    score_text = models.CharField(
        max_length=200, blank=True, help_text="Likelihood and impact as written in the source."
    )
    appetite = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The highest residual score the council will accept; "
        "when empty, anything red is over appetite.",
    )
    mitigation = models.TextField(blank=True)
    mitigating_actions = models.ManyToManyField(
        "plans.Action", blank=True, related_name="mitigated_risks"
    )
    review_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Days between reviews; when empty, the matrix's."
    )
    last_reviewed_on = models.DateField(null=True, blank=True)
    review_due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(null=True, blank=True)
    flags = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["organisation", "review_due_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_person__isnull=True) | models.Q(owner_post__isnull=True),
                name="risk_owner_person_or_post",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.title[:60]}".strip()

    @property
    def owner(self) -> Person | Post | None:
        return self.owner_person or self.owner_post

    @property
    def inherent_band(self) -> str:
        return self.matrix.band(self.inherent_score)

    @property
    def residual_band(self) -> str:
        return self.matrix.band(self.residual_score)

    @property
    def effective_appetite(self) -> int:
        return self.appetite if self.appetite is not None else self.matrix.red_from - 1

    @property
    def is_over_appetite(self) -> bool:
        return self.residual_score is not None and self.residual_score > self.effective_appetite


class RiskReview(Record):
    """A dated re-score: what the residual risk was judged to be at the as-at business date."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    as_at = models.DateField()
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    impact = models.PositiveSmallIntegerField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="risk_reviews"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["as_at", "created_at", "id"]
        indexes = [models.Index(fields=["risk", "as_at"])]

    def __str__(self) -> str:
        return f"{self.risk} at {self.as_at}: {self.score}"


from .equality import Characteristic, CharacteristicSet, EqualityAssessment  # noqa: E402
from .partnerships import Partnership, PartnershipReview  # noqa: E402

__all__ = [
    "Band",
    "Characteristic",
    "CharacteristicSet",
    "EqualityAssessment",
    "Partnership",
    "PartnershipReview",
    "Risk",
    "RiskReview",
    "ScoringMatrix",
]
