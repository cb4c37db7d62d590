"""Pages of results: `limit` (1–500, 100 by default) and `offset`, with the total `count`.

Both are bounded, so a huge offset is a clear 400 rather than a database overflow.
"""

from __future__ import annotations

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500


class Pages(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=2_000_000_000)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
