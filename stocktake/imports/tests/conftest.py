from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stocktake.imports.services import preview_document
from stocktake.testing import seed_paper


def seed(prefix: str) -> Path:
    return seed_paper(prefix)


@pytest.fixture(scope="session")
def previews() -> dict[str, dict[str, Any]]:
    return {p: preview_document(seed(p)) for p in ("000", "001", "002", "003", "004")}
