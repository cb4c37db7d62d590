"""What customers say about each channel, the standards the council publishes, and the mystery
shopping that checks them."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation
from stocktake.core.models import Record

from .choices import Channel


class Rating(models.TextChoices):
    GOOD = "good", "Good"
    AVERAGE = "average", "Average"
    POOR = "poor", "Poor"


class AgeBand(models.TextChoices):
    UNDER_25 = "under_25", "Under 25"
    FROM_25 = "25_44", "25 to 44"
    FROM_45 = "45_64", "45 to 64"
    OVER_65 = "65_over", "65 and over"
    NOT_SAID = "not_said", "Prefer not to say"


class Feedback(Record):
    """One rating left after a contact (GovMetric style). No history: it is never edited."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    received_at = models.DateTimeField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    service_code = models.CharField(max_length=20, blank=True)
    access_point = models.ForeignKey(
        "customers.AccessPoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating = models.CharField(max_length=10, choices=Rating.choices)
    reason = models.CharField(max_length=200, blank=True)
    comment = models.TextField(blank=True)
    area_code = models.CharField(max_length=12, blank=True)
    # Optional equality monitoring: blank means not asked or not answered.
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    disabled = models.BooleanField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["organisation", "received_at"], name="feedback_org_time")]

    def __str__(self) -> str:
        return f"{self.rating} ({self.channel})"


class PeerSatisfaction(Record):
    """A peer council's monthly net satisfaction for a channel, imported for benchmarking."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    peer = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    channel = models.CharField(max_length=20)
    net_satisfaction = models.DecimalField(max_digits=5, decimal_places=4)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "peer", "month", "channel"], name="peer_figure_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.peer} {self.month:%b %Y} {self.channel}"


class ServiceStandard(Record):
    """A published promise ("answer 80% of calls within 20 seconds") measured by an indicator."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=300)
    channel = models.CharField(max_length=20, blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_standards",
    )
    is_published = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class ShoppingExercise(Record):
    class Kind(models.TextChoices):
        OWN = "own", "Our own"
        RECIPROCAL = "reciprocal", "Reciprocal with a peer council"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OWN)
    peer = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    start = models.DateField()
    end = models.DateField()
    actions = models.ManyToManyField(
        "plans.Action", blank=True, related_name="shopping_exercises", help_text="What it led to."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]

    def __str__(self) -> str:
        return self.name


class Method(models.TextChoices):
    VISIT = "visit", "Visit"
    CALL = "call", "Call"
    EMAIL = "email", "Email"
    WEB_TASK = "web_task", "Web task"
    LETTER = "letter", "Letter"


# How a check is usually made on each channel, when the shopper does not say.
METHOD_FOR_CHANNEL = {
    "face_to_face": Method.VISIT,
    "kiosk": Method.VISIT,
    "telephone": Method.CALL,
    "email": Method.EMAIL,
    "web_form": Method.WEB_TASK,
    "social": Method.WEB_TASK,
    "letter": Method.LETTER,
}


class ShoppingCheck(Record):
    """One visit, call, email or web task, scored against one standard."""

    exercise = models.ForeignKey(ShoppingExercise, on_delete=models.CASCADE, related_name="checks")
    standard = models.ForeignKey(ServiceStandard, on_delete=models.PROTECT, related_name="checks")
    method = models.CharField(max_length=10, choices=Method.choices)
    channel = models.CharField(max_length=20)
    service_code = models.CharField(max_length=20, blank=True)
    done_on = models.DateField()
    met = models.BooleanField()
    # The shopper's marks against the standard's criteria, as a percentage; blank if not scored.
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    actions = models.ManyToManyField(
        "plans.Action",
        blank=True,
        related_name="shopping_checks",
        help_text="What this check led to.",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.standard} on {self.done_on}: {'met' if self.met else 'not met'}"
