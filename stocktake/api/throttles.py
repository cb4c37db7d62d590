"""Rate limits: per token or signed-in person, and per address for the public.

Counts live in Django's cache (per process with the default local-memory cache, as for
sign-in throttling). `API_THROTTLE_RATES` in settings can change the rates; tests raise them.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle, SimpleRateThrottle

from stocktake.accounts.throttle import client_address

RATES = {"anonymous": "120/min", "caller": "1200/min"}


class CallerThrottle(SimpleRateThrottle):
    """Anonymous callers by address, everyone else by who they are."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        super().__init__(rate=RATES[scope])

    def allow_request(self, request: HttpRequest) -> bool:
        # Read each time, so a deployment (or a test) can set the rates in settings.
        rate = getattr(settings, "API_THROTTLE_RATES", RATES)[self.scope]
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        auth = getattr(request, "auth", None)
        user = getattr(auth, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (self.scope == "anonymous") == signed_in:
            return None
        ident = str(auth) if signed_in else client_address(request)
        return f"api-throttle:{self.scope}:{ident}"


THROTTLES: list[BaseThrottle] = [CallerThrottle("anonymous"), CallerThrottle("caller")]
