"""The importer's entry point: a file in, the preview object of import-json.md out.

Nothing here touches the database; saving a previewed import is a separate step.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from stocktake.imports.model import Document, ImportFailed
from stocktake.imports.read_docx import read_docx
from stocktake.imports.read_html import read_html
from stocktake.imports.read_pdf import read_pdf
from stocktake.imports.read_sheet import decode, read_csv, read_xlsx
from stocktake.imports.read_text import read_text
from stocktake.imports.roles import CHOSEN_ROLES
from stocktake.imports.understand import understand

__all__ = ["SUPPORTED", "ImportFailed", "preview_document", "read_document"]

logger = logging.getLogger(__name__)
SUPPORTED = (".html", ".htm", ".docx", ".pdf", ".xlsx", ".csv", ".tsv", ".txt", ".text", ".md")
MAX_BYTES = 50 * 1024 * 1024


def read_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ImportFailed(f"{path.name}: unsupported file type '{suffix or 'none'}'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise ImportFailed(f"{path.name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise ImportFailed(f"{path.name}: the file is larger than {MAX_BYTES // 2**20} MB")
    try:
        if suffix in (".html", ".htm"):
            return read_html(data)
        if suffix == ".docx":
            return read_docx(data)
        if suffix == ".pdf":
            return read_pdf(data)
        if suffix == ".xlsx":
            return read_xlsx(data)
        if suffix in (".csv", ".tsv"):
            return read_csv(data, default="\t" if suffix == ".tsv" else ",")
        if b"\x00" in data[:4096]:
            raise ImportFailed("binary content in a text file")
        return read_text(decode(data))
    except ImportFailed as exc:
        raise ImportFailed(f"{path.name}: {exc}") from exc
    except RecursionError as exc:
        raise ImportFailed(f"{path.name}: the file is nested too deeply to read") from exc
    except Exception as exc:
        # A damaged file can fail deep inside a parsing library (a zip member that will not
        # inflate, XML cut short); the person importing needs to know the file is at fault.
        logger.warning("Could not read %s", path.name, exc_info=True)
        raise ImportFailed(
            f"{path.name}: the file is damaged or not really a {suffix.lstrip('.')} file, "
            "and could not be read"
        ) from exc


def preview_document(
    path: Path,
    *,
    as_at: date | None = None,
    organisation: str | None = None,
    roles: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Read a council paper and return its import preview; raises ImportFailed.

    `roles` maps column headers to the roles a reviewer chose for them.
    """
    token = CHOSEN_ROLES.set(roles or {})
    try:
        return _preview(path, as_at=as_at, organisation=organisation)
    finally:
        CHOSEN_ROLES.reset(token)


def _preview(path: Path, *, as_at: date | None, organisation: str | None) -> dict[str, Any]:
    doc = read_document(path)
    if not doc.blocks:
        raise ImportFailed(f"{path.name}: the file has no content")
    preview = understand(
        doc,
        as_at=as_at.isoformat() if as_at else None,
        organisation=organisation,
        source=path.name,
    )
    if not preview["items"]:
        raise ImportFailed(f"{path.name}: no recognisable table of actions, risks or indicators")
    return preview
