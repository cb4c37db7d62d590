"""Tokens that let other systems (Power BI, a council website, a partner) use the API.

Only a hash of each token is stored; the token itself is shown once, when it is made.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from stocktake.core.models import Record


class ApiToken(Record):
    """A token acts as its owner, and only within one organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text='What uses it, e.g. "Power BI".')
    token_hash = models.CharField(max_length=64, unique=True)
    # The first characters, so a person can tell their tokens apart without the secret.
    prefix = models.CharField(max_length=12)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
