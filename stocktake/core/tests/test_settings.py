"""Every environment variable the settings read is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_every_setting_read_from_the_environment_is_documented() -> None:
    source = (ROOT / "stocktake" / "settings.py").read_text()
    names = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', source))
    readme = (ROOT / "README.md").read_text()
    assert names, "the settings read no variables?"
    assert {n for n in names if f"`{n}`" not in readme} == set()


@pytest.mark.parametrize(("text", "expected"), [("true", True), ("0", False), ("Yes", True)])
def test_boolean_settings_accept_the_usual_words(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: bool
) -> None:
    from stocktake.settings import env_bool

    monkeypatch.setenv("STOCKTAKE_TEST_FLAG", text)
    assert env_bool("STOCKTAKE_TEST_FLAG", not expected) is expected


def test_a_misspelt_boolean_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    from stocktake.settings import env_bool

    monkeypatch.setenv("STOCKTAKE_TEST_FLAG", "treu")
    with pytest.raises(ValueError, match="STOCKTAKE_TEST_FLAG"):
        env_bool("STOCKTAKE_TEST_FLAG", False)
