"""Service plans in organisation exports: the template, plans, contents, comments, versions."""

from __future__ import annotations

from stocktake.exchange.tables import Table

from .models import (
    Comment,
    SectionContent,
    ServicePlan,
    Template,
    TemplateSection,
    Transition,
    Version,
)

TABLES = [
    Table("serviceplans.template", Template, lambda org: Template.objects.filter(organisation=org)),
    Table(
        "serviceplans.templatesection",
        TemplateSection,
        lambda org: TemplateSection.objects.filter(organisation=org),
    ),
    Table(
        "serviceplans.serviceplan",
        ServicePlan,
        lambda org: ServicePlan.objects.filter(organisation=org),
    ),
    Table(
        "serviceplans.sectioncontent",
        SectionContent,
        lambda org: SectionContent.objects.filter(organisation=org),
    ),
    Table("serviceplans.comment", Comment, lambda org: Comment.objects.filter(organisation=org)),
    Table(
        "serviceplans.transition",
        Transition,
        lambda org: Transition.objects.filter(service_plan__organisation=org),
        key=(),
    ),
    Table(
        "serviceplans.version",
        Version,
        lambda org: Version.objects.filter(service_plan__organisation=org),
    ),
]
