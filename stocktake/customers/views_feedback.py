"""Channel feedback (net satisfaction by channel and month, with peers) and mystery shopping."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from . import access, satisfaction, selectors
from .hours import LONDON
from .models import Channel


def feedback(request: HttpRequest, organisation_uuid: str) -> HttpResponse:
    organisation = access.organisation_for_reader(request.user, organisation_uuid)
    months = selectors.last_months(timezone.localdate())
    start = dt.datetime.combine(months[0], dt.time(0), tzinfo=LONDON)
    end = dt.datetime.combine(
        selectors.month_last_day(months[-1]) + dt.timedelta(days=1), dt.time(0), tzinfo=LONDON
    )
    index = satisfaction.monthly_index(organisation.pk, start, end)
    peers = satisfaction.peer_figures(organisation.pk)
    rows = []
    for code, name in Channel.choices:
        if code not in index and code not in peers:
            continue
        cells = []
        for month in months:
            ratings = index.get(code, {}).get(month)
            peer_values = peers.get(code, {}).get(month, [])
            peer_mean = sum(peer_values) / len(peer_values) if peer_values else None
            cells.append(
                (ratings.net if ratings else None, ratings.total if ratings else 0, peer_mean)
            )
        rows.append((name, cells))
    context = {
        "organisation": organisation,
        "months": months,
        "rows": rows,
        "by_service": sorted(satisfaction.by_channel_and_service(organisation.pk).items()),
        "shopping": selectors.shopping_results(organisation),
    }
    return render(request, "customers/feedback.html", context)
