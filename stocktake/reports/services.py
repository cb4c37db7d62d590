"""Writes for reports: saving a definition and publishing an immutable snapshot."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from stocktake.core.recording import Actor, acting_user, save_recorded
from stocktake.plans.models import Plan

from . import rules
from .build import build_report
from .models import ReportDefinition, ReportSnapshot
from .render import report_html
from .selectors import Spec


def today() -> dt.date:
    return timezone.localdate()


@transaction.atomic
def definition_save(
    *,
    title: str,
    layout: str,
    plans: list[Plan],
    by: Actor,
    as_at: dt.date | None = None,
    compare_on: dt.date | None = None,
    filters: dict[str, Any] | None = None,
) -> ReportDefinition:
    rules.report_needs_a_plan(plans)
    rules.plans_from_one_council(plans)
    rules.comparison_before_as_at(as_at or today(), compare_on)
    definition = ReportDefinition(
        organisation_id=plans[0].organisation_id,
        title=title,
        layout=layout,
        as_at=as_at,
        compare_on=compare_on,
        filters=filters or {},
        created_by=acting_user(by),
    )
    save_recorded(definition, by)
    definition.plans.set(plans)
    return definition


def snapshot_would_be_public(plans: list[Plan]) -> bool:
    """A snapshot made only of published plans is public: anyone may read it and /public/
    lists it. The publish confirmation says so from this same rule."""
    return all(p.is_published for p in plans)


@transaction.atomic
def snapshot_publish(
    *, spec: Spec, by: Actor, definition: ReportDefinition | None = None
) -> ReportSnapshot:
    """Freeze the report as it stands now: its page and its rows, with who and when."""
    rules.report_needs_a_plan(spec.plans)
    rules.plans_from_one_council(spec.plans)
    user = acting_user(by)
    # A snapshot of published plans is public, so it is built as the public would see it:
    # no risk register, no private indicators, whatever the publisher may read.
    public = snapshot_would_be_public(spec.plans)
    viewer = AnonymousUser() if public or user is None else user
    data = build_report(
        spec, user=viewer, today=today(), publisher=user if viewer is not user else None
    )
    return ReportSnapshot.objects.create(
        organisation_id=spec.plans[0].organisation_id,
        definition=definition,
        title=data["title"],
        layout=spec.layout,
        as_at=spec.as_at,
        compare_on=spec.compare_on,
        html=report_html(data),
        data=data,
        is_public=public,
        published_at=timezone.now(),
        published_by=user,
    )
