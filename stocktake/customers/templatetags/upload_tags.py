"""Upload links, shown only to those the gatekeeper lets through (grants are read once per
request, so these cost no queries)."""

from django import template

from stocktake.accounts.models import Organisation
from stocktake.accounts.selectors import AnyUser

from .. import access

register = template.Library()


@register.filter
def uploads_contacts(user: AnyUser, organisation: Organisation) -> bool:
    return access.can_enter_contacts(user, organisation.pk)


@register.filter
def loads_areas(user: AnyUser) -> bool:
    return access.can_load_areas(user)
