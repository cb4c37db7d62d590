"""Short views: ask the gatekeeper, parse the form, call a service, redirect (Post/Redirect/Get)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from stocktake.core.auth import signed_in_user
from stocktake.plans.access import plan_for_viewer

from . import access, benchmarking, selectors, services
from .charts import trend_svg
from .forms import IndicatorFilterForm, MeasurementForm


def indicator_list(request: HttpRequest) -> HttpResponse:
    units, owners = selectors.filter_choices(request.user)
    form = IndicatorFilterForm(request.GET or None, units=units, owners=owners)
    filters = form.cleaned_data if form.is_valid() else {}
    indicators = selectors.indicator_list(request.user, filters)
    context = {
        "form": form,
        "indicators": indicators,
        "counts": selectors.scorecard(indicators),
        "can_chase": access.can_chase(request.user),
    }
    return render(request, "indicators/indicator_list.html", context)


def indicator_detail(request: HttpRequest, indicator_uuid: str) -> HttpResponse:
    indicator = access.indicator_for_viewer(request.user, indicator_uuid)
    page = selectors.indicator_page(indicator)
    definition = indicator.definition
    groups = benchmarking.groups_for(indicator)
    group = next((g for g in groups if str(g.uuid) == request.GET.get("group")), None)
    benches = benchmarking.benchmarks(indicator, page.measurements, definition, group)
    peers = [benches.get(row.pk) for row in page.measurements]
    chart = trend_svg(
        measurements=page.measurements,
        targets=page.targets,
        style=definition.style,
        breaks=page.breaks,
        title=str(definition),
        peers=[(b.lower_quartile, float(b.median), b.upper_quartile) if b else None for b in peers],
    )
    latest = next((b for b in reversed(peers) if b is not None), None)
    context = {
        "indicator": indicator,
        "definition": definition,
        "page": page,
        # matplotlib's own output, with no user text but the escaped title and labels.
        "chart": mark_safe(chart),  # noqa: S308  # nosec B308 B703
        "rows": list(reversed(page.measurements)),
        "can_enter": access.can_enter_values(request.user, indicator) and not definition.formula,
        "can_edit": access.can_edit_indicator(request.user, indicator),
        "can_publish": access.can_publish(request.user, indicator),
        "forecast": next((r for r in reversed(page.measurements) if r.forecast is not None), None),
        "benchmark": latest.sentence(definition.style) if latest else "",
        "groups": groups,
        "group": group,
    }
    return render(request, "indicators/indicator_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def measurement_add(request: HttpRequest, indicator_uuid: str) -> HttpResponse:
    indicator = access.indicator_for_updater(request.user, indicator_uuid)
    definition = indicator.definition
    due = selectors.due_period(definition.frequency, services.today())
    form = MeasurementForm(
        request.POST or None,
        definition=definition,
        indicator=indicator,
        initial={"period": request.GET.get("period") or (due.label if due else "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.measurement_record(
                indicator=indicator, by=request.user, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            done = "replaced" if form.existing is not None else "saved"
            messages.success(request, f"Value {done} for {saved.period_label}")
            return redirect("indicators:indicator_detail", indicator_uuid=indicator.uuid)
    return render(
        request, "indicators/measurement_form.html", {"indicator": indicator, "form": form}
    )


@login_required
def my_indicators(request: HttpRequest) -> HttpResponse:
    today = services.today()
    user = signed_in_user(request)
    rows = access.mark_enterable(user, selectors.my_indicators(user, today))
    missing = [row for row in rows if getattr(row, "is_missing", False)]
    return render(
        request, "indicators/my_indicators.html", {"indicators": rows, "missing": missing}
    )


@login_required
def collection(request: HttpRequest) -> HttpResponse:
    """For performance officers: who has not entered data for the latest due period."""
    if not access.can_chase(request.user):
        raise PermissionDenied("You cannot see collection for any organisation")
    rows = selectors.not_entered(request.user, services.today())
    return render(request, "indicators/collection.html", {"indicators": rows})


def plan_scorecard(request: HttpRequest, plan_uuid: str) -> HttpResponse:
    plan = plan_for_viewer(request.user, plan_uuid)
    indicators = selectors.indicators_for_scorecard(
        request.user, organisation_id=plan.organisation_id, plan=plan
    )
    context = {
        "heading": plan.title,
        "caption": "Plan scorecard",
        "indicators": indicators,
        "counts": selectors.scorecard(indicators),
        "drill": {"plan": plan.uuid},
    }
    return render(request, "indicators/scorecard.html", context)


@login_required
def unit_scorecard(request: HttpRequest, unit_uuid: str) -> HttpResponse:
    unit = access.unit_for_reader(request.user, unit_uuid)
    indicators = selectors.indicators_for_scorecard(
        request.user, organisation_id=unit.organisation_id, unit=unit
    )
    context = {
        "heading": unit.name,
        "caption": "Service scorecard",
        "indicators": indicators,
        "counts": selectors.scorecard(indicators),
        "drill": {"unit": unit.uuid},
    }
    return render(request, "indicators/scorecard.html", context)
