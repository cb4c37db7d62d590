from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stocktake.imports.services import preview_document

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def previews() -> dict[str, dict[str, Any]]:
    return {p: preview_document(seed(p)) for p in ("000", "001", "002", "003", "004")}
