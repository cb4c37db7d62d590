"""The same tables written to Word, Excel, HTML and PDF import to the same items."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stocktake.imports.model import Document
from stocktake.imports.read_text import read_text
from stocktake.imports.services import preview_document
from stocktake.imports.tests import writers
from stocktake.imports.tests.conftest import seed


def _same(text: str) -> str:
    return text


# A PDF draws no space at the end of a line, so a line wrapped after a hyphen or slash looks
# the same whether the writer typed "judgement/ score" or "relevant/meaningful"; the reader
# rejoins without a space. For PDFs the comparison ignores spaces after such a hyphen or slash.
_GLUED = re.compile(r"(?<=\w[-/])\s+")


def _unglued(text: str) -> str:
    return _GLUED.sub("", text)


def _essence(item: dict[str, Any], words: Callable[[str], str] = _same) -> tuple[Any, ...]:
    return (
        item["kind"],
        item["ref"],
        words(" ".join(item["text"].split()))[:60],
        tuple(item["owners"]),
        item["due_date"],
        item["status_code"],
        item["section"],
        tuple(u["as_at"] for u in item["updates"]),
        tuple(words(t["value"]) for t in item["targets"]),
    )


def _write(fmt: str, doc: Document, path: Path) -> None:
    if fmt == "html":
        path.write_text(writers.to_html(doc), encoding="utf-8")
    elif fmt == "docx":
        writers.to_docx(doc, path)
    elif fmt == "xlsx":
        writers.to_xlsx(doc, path)
    else:
        writers.to_pdf(doc, path)


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_a_seed_written_to_another_format_imports_to_the_same_items(
    tmp_path: Path, fmt: str, prefix: str
) -> None:
    original = preview_document(seed(prefix))
    doc = read_text(seed(prefix).read_text(encoding="utf-8"))
    path = tmp_path / f"{prefix}.{fmt}"
    _write(fmt, doc, path)
    converted = preview_document(path)
    assert converted["format"] == fmt
    assert [_essence(i) for i in converted["items"]] == [_essence(i) for i in original["items"]]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_a_seed_printed_to_pdf_imports_to_the_same_items(tmp_path: Path, prefix: str) -> None:
    original = preview_document(seed(prefix))
    path = tmp_path / f"{prefix}.pdf"
    writers.to_pdf(read_text(seed(prefix).read_text(encoding="utf-8")), path)
    converted = preview_document(path)
    assert converted["format"] == "pdf"
    assert [_essence(i, _unglued) for i in converted["items"]] == [
        _essence(i, _unglued) for i in original["items"]
    ]


def test_a_pdf_that_takes_too_long_is_abandoned_with_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stocktake.imports import read_pdf
    from stocktake.imports.model import ImportFailed

    path = tmp_path / "slow.pdf"
    writers.to_pdf(read_text(seed("004").read_text(encoding="utf-8")), path)
    original: Callable[..., Document] = read_pdf.read_pdf
    monkeypatch.setattr(
        "stocktake.imports.services.read_pdf", lambda data: original(data, time_limit=0.0001)
    )
    with pytest.raises(ImportFailed, match="took longer than"):
        preview_document(path)
