"""Two corrections to the OpenAPI schema django-ninja writes.

Enum names: pydantic names an enum's component by its class name alone, and ninja merges the
components of every operation into one table, so `Plan.Status`, `Risk.Status` and every other
`Status` became one component with one model's values. Enums nested in a model are named with
the model too ("PlanStatus"), so each keeps its own values (a test walks them all).

Optional sign-in: reads also answer anonymous callers, which OpenAPI says with an empty
security requirement beside the token and the session.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from ninja import NinjaAPI
from ninja.openapi import schema as ninja_openapi
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.schema import NinjaGenerateJsonSchema
from pydantic.json_schema import CoreModeRef, DefsRef


def _capitalised(part: str) -> bool:
    return part[:1].isupper()


class QualifiedNames(NinjaGenerateJsonSchema):
    def get_defs_ref(self, core_mode_ref: CoreModeRef) -> DefsRef:
        found = super().get_defs_ref(core_mode_ref)
        path = core_mode_ref[0].rsplit(":", 1)[0]
        if re.search(r"[\[\],]", path):
            return found  # a generic: pydantic's own name is already specific
        # The trailing capitalised parts of "stocktake.plans.models.Plan.Status" are classes.
        classes = list(itertools.takewhile(_capitalised, reversed(path.split("."))))
        if len(classes) > 1:
            choices = self._prioritized_defsref_choices[found]
            choices[0] = DefsRef(self.normalize_name("".join(reversed(classes))))
        return found


# ninja names its generator at module level rather than taking one from the API.
setattr(ninja_openapi, "NinjaGenerateJsonSchema", QualifiedNames)  # noqa: B010


class EnumNameClash(Exception):
    """Two enums with different values would share one component: rename one of them."""


class Schema(OpenAPISchema):
    def add_schema_definitions(self, definitions: dict[str, Any]) -> None:
        for name, found in definitions.items():
            known = self.schemas.get(name)
            if known is not None and "enum" in found and known.get("enum") != found["enum"]:
                raise EnumNameClash(f"{name}: {known['enum']} and {found['enum']}")
        super().add_schema_definitions(definitions)

    def operation_security(self, operation: Operation) -> list[dict[str, Any]] | None:
        found = super().operation_security(operation)
        anyone = any(not hasattr(a, "openapi_security_schema") for a in operation.auth_callbacks)
        if found is not None and anyone:
            found.append({})
        return found


class Api(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return Schema(self, path_prefix)
