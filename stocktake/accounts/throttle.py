"""Sign-in throttling: five failed sign-ins for a username, or from an address, within 15 minutes
lock further attempts for that username or address for 15 minutes.

Counts live in Django's cache. The default local-memory cache is per process, so with several
server workers each keeps its own count: the limit is per worker, still a bound on guessing.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

LIMIT = 5
WINDOW_SECONDS = 15 * 60
MESSAGE = "There have been too many failed attempts to sign in. Wait 15 minutes, then try again."


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return "unknown"
    if settings.TRUST_PROXY_HEADERS:
        # The proxy appends the address it saw; anything earlier came from the client.
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _keys(username: str, address: str) -> list[str]:
    return [f"signin:user:{username.strip().casefold()}", f"signin:address:{address}"]


def is_locked(*, username: str, address: str) -> bool:
    return any(cache.get(f"{key}:locked") for key in _keys(username, address))


def record_failure(*, username: str, address: str) -> None:
    for key in _keys(username, address):
        # The count's window starts at the first failure; the lock runs 15 minutes from the fifth.
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            failures = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, failures := 1, WINDOW_SECONDS)
        if failures >= LIMIT:
            cache.set(f"{key}:locked", True, WINDOW_SECONDS)
            cache.delete(key)


def record_success(*, username: str) -> None:
    """A right password clears the username's count, not the address's: an attacker cannot reset
    their address's count by signing in to an account of their own."""
    cache.delete(_keys(username, "")[0])
