from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from stocktake.accounts.models import Organisation
from stocktake.core.ids import parse_uuid

from . import selectors
from .models import Priority


def priority_list(request: HttpRequest) -> HttpResponse:
    """Council priorities are public; the counts cover only plans the reader may see."""
    organisations = list(
        Organisation.objects.filter(pk__in=Priority.objects.values("organisation"))
    )
    wanted = request.GET.get("organisation")
    organisation = organisations[0] if organisations else None
    if wanted:
        key = parse_uuid(wanted, "organisation")
        organisation = next((o for o in organisations if o.uuid == key), None)
        if organisation is None:
            raise Http404("No such organisation")
    aims = selectors.priority_tree(organisation, request.user) if organisation else []
    context = {"organisation": organisation, "organisations": organisations, "aims": aims}
    return render(request, "priorities/priority_list.html", context)
