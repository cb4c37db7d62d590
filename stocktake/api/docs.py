"""The interactive docs page under the site's strict Content Security Policy.

Swagger UI's script and styles come from django-ninja's own static files (never a CDN); its
stylesheet draws icons from data: URIs, which this one page allows for images.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.decorators import csp_update


def docs_page(view: Callable[..., Any]) -> Callable[..., Any]:
    return csp_update({"img-src": ["data:"]})(view)
