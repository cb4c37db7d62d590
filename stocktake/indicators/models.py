from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Organisation, Person, Post, Unit
from stocktake.core.models import Record

from .querysets import IndicatorQuerySet
from .status import Direction, Polarity, Status, Style, ToleranceKind


class IndicatorDefinition(Record):
    """What is measured and how. National definitions (no organisation) are shared by all.

    A change of definition starts a new version rather than editing the old one, so values
    collected under each stay tied to the definition they were collected under.
    """

    class DataType(models.TextChoices):
        NUMBER = "number", "Number"
        PERCENTAGE = "percentage", "Percentage"
        MONEY = "money", "Money"
        RATIO = "ratio", "Ratio"
        YES_NO = "yes_no", "Yes/no"
        LEVEL = "level", "Level"
        DATE = "date", "Date"
        MILESTONE = "milestone", "Milestone"

    class Polarity(models.TextChoices):
        HIGHER = Polarity.HIGHER.value, "Higher is better"
        LOWER = Polarity.LOWER.value, "Lower is better"
        BAND = Polarity.BAND.value, "Within a band"
        DATA_ONLY = Polarity.DATA_ONLY.value, "Data only"

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        ANNUAL = "annual", "Annual"
        BIENNIAL = "biennial", "Biennial"
        SURVEY = "survey", "Survey-based or irregular"

    class Combine(models.TextChoices):
        SUM = "sum", "Sum"
        AVERAGE = "average", "Average"
        LATEST = "latest", "Latest value"
        RUNNING_TOTAL = "running_total", "Running total"

    class Area(models.TextChoices):
        COUNCIL = "council", "This council's area"
        COUNTY = "county", "County-wide"
        DISTRICTS = "districts", "A group of districts"

    class Family(models.TextChoices):
        NATIONAL = "national", "National"
        LAA = "laa", "Local Area Agreement"
        LOCAL = "local", "Local"
        PARTNERSHIP = "partnership", "Partnership"

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_definitions",
        help_text="Empty for national definitions, which every organisation shares.",
    )
    code = models.CharField(max_length=30, blank=True, help_text='For example "NI 14" or "SX18".')
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    data_type = models.CharField(max_length=20, choices=DataType.choices, default=DataType.NUMBER)
    unit = models.CharField(max_length=40, blank=True)
    decimal_places = models.PositiveSmallIntegerField(default=0)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, default=Polarity.HIGHER)
    frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    combine = models.CharField(
        "how periods combine", max_length=20, choices=Combine.choices, default=Combine.LATEST
    )
    area_scope = models.CharField(max_length=20, choices=Area.choices, default=Area.COUNCIL)
    area_note = models.CharField(max_length=200, blank=True)
    family = models.CharField(max_length=20, choices=Family.choices, default=Family.LOCAL)
    numerator_label = models.CharField(max_length=200, blank=True)
    denominator_label = models.CharField(max_length=200, blank=True)
    formula = models.CharField(
        max_length=300,
        blank=True,
        help_text="For a calculated indicator: other indicators' codes for the same period, "
        'numbers, + - * / and brackets, e.g. "100 * AVOIDABLE / TOTAL".',
    )
    version = models.PositiveIntegerField(default=1)
    effective_from = models.DateField(null=True, blank=True)
    previous_version = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "title", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"],
                condition=Q(organisation__isnull=True) & ~Q(code=""),
                name="indicator_definition_national_code",
            ),
            models.UniqueConstraint(
                fields=["organisation", "code", "version"],
                condition=Q(organisation__isnull=False) & ~Q(code=""),
                name="indicator_definition_local_code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    @property
    def style(self) -> Style:
        return Style(self.data_type, self.decimal_places, self.unit)

    @property
    def is_national(self) -> bool:
        return self.organisation_id is None


class Indicator(Record):
    """An organisation's use of a definition: who answers for it, where it sits, who sees it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    definition = models.ForeignKey(
        IndicatorDefinition, on_delete=models.PROTECT, related_name="indicators"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    section = models.ForeignKey(
        "plans.Section",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    owner_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators_owned"
    )
    owner_post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators_owned"
    )
    owner_text = models.CharField(
        max_length=300, blank=True, help_text="The owner as written in the source document."
    )
    updaters = models.ManyToManyField(Person, blank=True, related_name="indicators_updated")
    no_change_band = models.DecimalField(
        "no significant change band",
        max_digits=20,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="A change this size or smaller counts as no significant change.",
    )
    is_public = models.BooleanField(default=False, help_text="Published to the public.")
    flags = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["organisation", "unit"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "definition"], name="indicator_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return str(self.definition)

    @property
    def owner_name(self) -> str:
        if self.owner_person is not None:
            return self.owner_person.name
        if self.owner_post is not None:
            return self.owner_post.title
        return self.owner_text


class Baseline(Record):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="baselines")
    period_label = models.CharField(max_length=50)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    value_text = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["period_start", "id"]

    def __str__(self) -> str:
        return f"{self.period_label}: {self.value_text or self.value}"


class Target(Record):
    class Name(models.TextChoices):
        LOCAL = "local", "Local"
        LAA = "laa", "LAA"
        STRETCH = "stretch", "Stretch"

    class ToleranceKind(models.TextChoices):
        ABSOLUTE = ToleranceKind.ABSOLUTE.value, "Absolute"
        PERCENT = ToleranceKind.PERCENT.value, "Per cent of target"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period_label = models.CharField(max_length=50)
    period_start = models.DateField()
    period_end = models.DateField()
    name = models.CharField(max_length=20, choices=Name.choices, default=Name.LOCAL)
    is_primary = models.BooleanField(default=True)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    upper_value = models.DecimalField(
        max_digits=20,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="The top of the band, for indicators judged within a band.",
    )
    text = models.CharField(
        max_length=300, blank=True, help_text='A level or milestone: "Level 2", "July 09".'
    )
    tolerance = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    tolerance_kind = models.CharField(
        max_length=10, choices=ToleranceKind.choices, default=ToleranceKind.ABSOLUTE
    )
    # A year's sum or running total is profiled by cumulative milestones; Q4's is the value.
    profile_q1 = models.DecimalField(
        "year to date by the end of Q1", max_digits=20, decimal_places=6, null=True, blank=True
    )
    profile_q2 = models.DecimalField(
        "year to date by the end of Q2", max_digits=20, decimal_places=6, null=True, blank=True
    )
    profile_q3 = models.DecimalField(
        "year to date by the end of Q3", max_digits=20, decimal_places=6, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_start", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end", "name"],
                name="target_one_per_name_and_period",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                condition=Q(is_primary=True),
                name="target_one_primary_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period_label} {self.get_name_display()}: {self.text or self.value}"


class Measurement(Record):
    """One period's value for one organisation. High volume, so no audit history here."""

    class State(models.TextChoices):
        PROVISIONAL = "provisional", "Provisional"
        VERIFIED = "verified", "Verified"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    definition = models.ForeignKey(
        IndicatorDefinition,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The version of the definition in force for this period.",
    )
    period_label = models.CharField(max_length=50)
    period_start = models.DateField()
    period_end = models.DateField()
    period_kind = models.CharField(max_length=20)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    value_text = models.CharField(max_length=200, blank=True)
    numerator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    sample_size = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="For survey results: how many answered, so changes can be tested for chance.",
    )
    forecast = models.DecimalField(
        "forecast year-end figure", max_digits=20, decimal_places=6, null=True, blank=True
    )
    note = models.TextField(blank=True)
    # Bulk imports write rows in raw SQL without this column; the database fills it in.
    change_reason = models.TextField(
        blank=True,
        default="",
        db_default="",
        help_text="Why a value for a period already reported and locked was changed.",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROVISIONAL)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=[(s.value, s.value) for s in Status], default=Status.NO_DATA
    )
    direction = models.CharField(
        max_length=20,
        choices=[(d.value, d.value) for d in Direction],
        default=Direction.NOT_COMPARABLE,
    )
    direction_year = models.CharField(
        "direction against the same period last year",
        max_length=20,
        choices=[(d.value, d.value) for d in Direction],
        default=Direction.NOT_COMPARABLE,
    )
    explanation = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["period_start", "period_end"]
        indexes = [models.Index(fields=["organisation", "indicator", "period_end"])]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                name="measurement_one_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period_label}: {self.value}"


class ComparisonGroup(Record):
    """A named set of organisations to benchmark against ("CIPFA nearest neighbours").

    Without a group, a council is compared with every organisation that has the value.
    """

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The council that uses this group; empty for a group every council may use.",
    )
    name = models.CharField(max_length=200)
    members = models.ManyToManyField(Organisation, related_name="comparison_groups")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DatasetImport(Record):
    """An uploaded dataset between its preview and its confirmation, then a record of it."""

    class State(models.TextChoices):
        PREVIEWED = "previewed", "Previewed"
        IMPORTED = "imported", "Imported"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=300)
    file = models.FileField(upload_to="indicator-datasets/")
    summary = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PREVIEWED)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.source
