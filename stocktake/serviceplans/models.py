"""Annual service plans written in Stocktake: a council's template of sections, each service's
plan for a year with its section contents, the approval trail and immutable versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from stocktake.accounts.models import Committee, Organisation, Unit
from stocktake.core.models import Record

if TYPE_CHECKING:
    from stocktake.indicators.models import Indicator
    from stocktake.plans.models import Action, Section
    from stocktake.risks.models import EqualityAssessment, Risk


class Kind(models.TextChoices):
    TEXT = "text", "Narrative text"
    BULLETS = "bullets", "Bullet list"
    PESTLE = "pestle", "PESTLE grid"
    SWOT = "swot", "SWOT grid"
    TABLE = "table", "Table"
    LINKS = "links", "Tracked items"


class LinkKind(models.TextChoices):
    OBJECTIVES = "objectives", "Objectives"
    ACTIONS = "actions", "Actions"
    INDICATORS = "indicators", "Indicators and targets"
    RISKS = "risks", "Risks"
    EQUALITY = "equality", "Equality impact assessments"


class Template(Record):
    """The sections every service plan of a council has, in order; councils change them."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    is_default = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TemplateSection(Record):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=40)
    heading = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    # Grid labels (PESTLE, SWOT) or table columns; "{year}", "{year+1}" become "2009/10"...
    columns = models.JSONField(default=list, blank=True)
    link_kind = models.CharField(max_length=12, choices=LinkKind.choices, blank=True)
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other headings papers use, for importing."
    )
    guidance = models.TextField(blank=True)
    import_text = models.BooleanField(
        default=True, help_text="Whether an imported paper's words under this heading are kept."
    )
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="template_section_key")
        ]

    def __str__(self) -> str:
        return self.heading


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class ServicePlan(Record):
    """One service's plan for one financial year (year 2009 is 2009/10)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="service_plans")
    template = models.ForeignKey(Template, on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    # The plan whose objectives, actions, indicators and risks this one tracks.
    tracked_plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_plans"
    )
    approved_by = models.CharField(
        max_length=200, blank=True, help_text="The portfolio holder or committee that approved it."
    )
    approved_on = models.DateField(null=True, blank=True)
    committee = models.ForeignKey(
        Committee, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    import_notes = models.TextField(blank=True, help_text="Headings an import could not place.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "unit", "year"], name="service_plan_once_a_year"
            )
        ]
        indexes = [models.Index(fields=["organisation", "year", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def year_label(self) -> str:
        return year_label(self.year)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


def year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


class SectionContent(Record):
    """What one plan says under one template section. Content keys by kind:
    text (all), items (bullets), cells {label: text} (grids), rows [[cell…]] (tables)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    service_plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="contents")
    section = models.ForeignKey(TemplateSection, on_delete=models.PROTECT, related_name="+")
    content = models.JSONField(default=dict, blank=True)
    needs_review = models.BooleanField(
        default=False, help_text="Copied from last year's plan and not yet revised."
    )
    objectives: models.ManyToManyField[Section, Any] = models.ManyToManyField(
        "plans.Section", blank=True, related_name="+"
    )
    actions: models.ManyToManyField[Action, Any] = models.ManyToManyField(
        "plans.Action", blank=True, related_name="+"
    )
    indicators: models.ManyToManyField[Indicator, Any] = models.ManyToManyField(
        "indicators.Indicator", blank=True, related_name="+"
    )
    risks: models.ManyToManyField[Risk, Any] = models.ManyToManyField(
        "risks.Risk", blank=True, related_name="+"
    )
    assessments: models.ManyToManyField[EqualityAssessment, Any] = models.ManyToManyField(
        "risks.EqualityAssessment", blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service_plan", "section"], name="section_content_once")
        ]

    def __str__(self) -> str:
        return f"{self.service_plan}: {self.section}"


class Comment(Record):
    """A note from the performance team on a plan or one of its sections."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    service_plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(
        TemplateSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Transition(models.Model):
    service_plan = models.ForeignKey(
        ServicePlan, on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(max_length=12)
    to_status = models.CharField(max_length=12)
    comment = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.service_plan}: {self.from_status} → {self.to_status}"


class Version(Record):
    """The whole plan as it stood when submitted or published; never changed afterwards."""

    service_plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    label = models.CharField(max_length=100)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["service_plan", "number"], name="service_plan_version")
        ]

    def __str__(self) -> str:
        return f"{self.service_plan} v{self.number}"
