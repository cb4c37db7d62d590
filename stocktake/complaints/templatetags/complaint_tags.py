"""Links to complaint pages, shown only to those the gatekeeper lets through. The grants are
read once per request, so asking costs no queries after the first."""

from django import template

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser

from .. import access

register = template.Library()


@register.filter
def reads_complaints(user: AnyUser, organisation: Organisation) -> bool:
    """The register and the due list (council staff)."""
    return access.is_staff_in(user, organisation)


@register.filter
def reads_complaints_report(user: AnyUser, organisation: Organisation) -> bool:
    """The annual report, aggregate only (councillors too)."""
    return access.can_read_report(user, organisation)
