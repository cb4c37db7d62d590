"""The API: one NinjaAPI, with a router for each kind of domain object.

How an app adds its part of the API (one module, nothing else to edit):

    # stocktake/customers/api.py
    from ninja import Router
    from stocktake.api.auth import READ, WRITE, caller
    from stocktake.api.errors import ERRORS, WRITE_ERRORS
    from stocktake.api.scope import seen, within

    router = Router(tags=["customers"])

    @router.get("/access-points/", response={200: list[AccessPointOut], **ERRORS}, auth=READ)
    @paginate(Pages)
    def access_point_list(request): ...

Every installed `stocktake.*` app with an `api` module holding a `router` is mounted when the
URLs load (as Django's admin finds `admin.py`). Use the app's gatekeeper (access.py) for every
object, `within()`/`seen()` for reads (refused = 404, a token's organisation bounds all),
`caller(request).user` as the acting user, and the app's services for every write. The
routers for plans, indicators and risks live here in `resources/`, since those apps predate it.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from ninja import NinjaAPI, Router
from ninja.openapi.docs import Swagger

from . import errors
from .docs import docs_page
from .openapi import Api
from .throttles import THROTTLES

OWN_RESOURCES = [
    "stocktake.api.resources.plans",
    "stocktake.api.resources.indicators",
    "stocktake.api.resources.risks",
]


def discovered() -> list[str]:
    """Each installed Stocktake app's `api` module, when it has one."""
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("stocktake.") and config.name != "stocktake.api":
            module = f"{config.name}.api"
            if find_spec(module) is not None:
                found.append(module)
    return sorted(found)


def build() -> NinjaAPI:
    api = Api(
        title="Stocktake API",
        version="1",
        description="Plans, indicators, risks and more, as the pages show them to the same "
        "person. Authenticate with `Authorization: Bearer <token>` (make tokens under "
        "Your API tokens) or a signed-in browser session; reads without either see "
        "published data only.",
        openapi_url="/schema/",
        docs=Swagger(settings={"persistAuthorization": False}),
        docs_url="/docs/",
        docs_decorator=docs_page,
        urls_namespace="api",
        throttle=THROTTLES,
    )
    errors.install(api)
    for name in OWN_RESOURCES + discovered():
        router: Router = import_module(name).router
        api.add_router("", router)
    return api


api = build()
