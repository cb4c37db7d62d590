"""Links to the management pages, shown only to those the gatekeeper lets through. The grants
are read once per request, so asking per row costs no queries."""

from django import template

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser

from .. import access

register = template.Library()


@register.filter
def manages_customer_service(user: AnyUser, organisation: Organisation) -> bool:
    return access.can_manage_service(user, organisation.pk)
