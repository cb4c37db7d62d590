"""Files that cannot be imported give one clear line, whatever is wrong with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from stocktake.imports.model import ImportFailed
from stocktake.imports.services import preview_document


def _fails(path: Path, match: str) -> None:
    with pytest.raises(ImportFailed, match=match) as info:
        preview_document(path)
    assert "\n" not in str(info.value)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("   \n")
    _fails(path, "empty")


def test_an_unsupported_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.odt"
    path.write_bytes(b"whatever")
    _fails(path, "unsupported file type")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    _fails(tmp_path / "nope.txt", "cannot be read")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".pdf"])
def test_a_broken_file_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"PK\x03\x04 this is not really a document")
    _fails(path, "damaged|could not be read|no text")


def _encrypted_pdf() -> bytes:
    """A minimal PDF whose standard security handler rejects the empty password."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"41" * 32
        + b"> /U <"
        + b"42" * 32
        + b"> /P -4 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef>"
    out += b" <0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted_pdf())
    _fails(path, "encrypted")


def test_an_encrypted_office_file_is_refused(tmp_path: Path) -> None:
    # Encrypted Office files are OLE containers, not zip packages.
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _fails(path, "damaged, encrypted")


def test_binary_content_in_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    _fails(path, "binary")


def test_broken_html_still_yields_what_it_can(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text("<table><tr><td>Ref<td>Action<td>Owner<tr><td>1<td>Do it<td>Jo Bloggs")
    assert preview_document(path)["items"][0]["owners"] == ["Jo Bloggs"]
