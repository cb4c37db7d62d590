"""The service navigation: each signed-in user sees the sections they may use."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from stocktake.reports.access import can_open_dashboard

from .models import Capability
from .selectors import grants_for, scopes_with


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def navigation(request: HttpRequest) -> dict[str, object]:
    match = getattr(request, "resolver_match", None)
    here = (match.namespace, match.url_name) if match else ("", "")
    user = request.user
    superuser = getattr(user, "is_superuser", False)
    member = user.is_authenticated and (superuser or bool(grants_for(user)))
    items = []
    if member and can_open_dashboard(user):
        items.append(
            NavItem(
                "Dashboard",
                reverse("reports:my_dashboard"),
                here in (("reports", "dashboard"), ("reports", "my_dashboard")),
            )
        )
    items.append(
        NavItem("Plans", reverse("plans:plan_list"), here[0] == "plans" and here[1] != "my_actions")
    )
    if user.is_authenticated:
        items.append(
            NavItem("My actions", reverse("plans:my_actions"), here == ("plans", "my_actions"))
        )
    items.append(
        NavItem("Service plans", reverse("serviceplans:plan_list"), here[0] == "serviceplans")
    )
    items.append(
        NavItem("Indicators", reverse("indicators:indicator_list"), here[0] == "indicators")
    )
    if member:
        items.append(NavItem("Risks", reverse("risks:index"), here[0] == "risks"))
        items.append(NavItem("Customers", reverse("customers:my_contacts"), here[0] == "customers"))
        reporting = here[0] == "reports" and here[1] not in ("dashboard", "my_dashboard")
        items.append(NavItem("Reports", reverse("reports:report_list"), reporting))
        items.append(
            NavItem(
                "Assessments",
                reverse("frameworks:assessment_list"),
                here[0] == "frameworks",
            )
        )
    else:
        items.append(NavItem("Scorecards", reverse("reports:public_index"), here[0] == "reports"))
    items.append(
        NavItem("Priorities", reverse("priorities:priority_list"), here[0] == "priorities")
    )
    if user.is_authenticated and (superuser or any(scopes_with(user, Capability.EDIT_ALL))):
        items.append(NavItem("Cycles", reverse("cycles:cycle_list"), here[0] == "cycles"))
        items.append(NavItem("Imports", reverse("imports:list"), here[0] == "imports"))
    if user.is_authenticated and (superuser or scopes_with(user, Capability.ADMINISTER)[0]):
        items.append(NavItem("People", reverse("accounts:people"), here[0] == "accounts"))
    return {"navigation": items}
