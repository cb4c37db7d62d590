import uuid

from django.db import models


class Record(models.Model):
    """Every record has a UUID besides its database id, so exports and re-imports keep identity."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
