"""Every reader, fed mutated files: a clear ImportFailed or a preview, never a crash or a hang.

Bounded in the suite (the hypothesis profile decides how many files); `make fuzz` runs the
long profile.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stocktake.imports.read_text import read_text
from stocktake.imports.services import ImportFailed, preview_document
from stocktake.testing import seed_paper

from . import writers

pytestmark = pytest.mark.slow

FORMATS = ("txt", "csv", "html", "docx", "xlsx", "pdf")
# A reader may take its time on a large broken file, but never longer than the PDF limit
# (30 s, enforced in a child process) plus the time to start that process.
WORST_SECONDS = 40.0


def _sample(fmt: str, folder: Path) -> bytes:
    """The small seed paper, written in the format."""
    text = seed_paper("004").read_text(encoding="utf-8")
    path = folder / f"sample.{fmt}"
    if fmt == "txt":
        return text.encode("utf-8")
    if fmt == "csv":
        rows = [line.replace("\t", ",") for line in text.splitlines() if "\t" in line]
        return "\n".join(rows or text.splitlines()).encode("utf-8")
    doc = read_text(text)
    if fmt == "html":
        return writers.to_html(doc).encode("utf-8")
    {"docx": writers.to_docx, "xlsx": writers.to_xlsx, "pdf": writers.to_pdf}[fmt](doc, path)
    return path.read_bytes()


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("samples")
    return {fmt: _sample(fmt, folder) for fmt in FORMATS}


# One edit to a file: where (as a fraction of its length), what, and with which bytes.
_EDIT = st.tuples(
    st.floats(min_value=0, max_value=1),
    st.sampled_from(["flip", "cut", "insert", "truncate", "repeat"]),
    st.binary(min_size=1, max_size=64),
)


def _mutate(data: bytes, edits: list[tuple[float, str, bytes]]) -> bytes:
    for where, kind, junk in edits:
        at = int(where * len(data))
        if kind == "flip":
            data = (
                data[:at]
                + bytes(b ^ 0xFF for b in data[at : at + len(junk)])
                + data[at + len(junk) :]
            )
        elif kind == "cut":
            data = data[:at] + data[at + len(junk) * 16 :]
        elif kind == "insert":
            data = data[:at] + junk + data[at:]
        elif kind == "truncate":
            data = data[:at]
        else:
            data = data[:at] + data[at : at + 256] * 4 + data[at:]
    return data


@pytest.mark.parametrize("fmt", FORMATS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(edits=st.lists(_EDIT, min_size=1, max_size=4))
def test_a_mutated_file_gives_a_preview_or_a_clear_error(
    fmt: str, samples: dict[str, bytes], tmp_path: Path, edits: list[tuple[float, str, bytes]]
) -> None:
    path = tmp_path / f"mutated.{fmt}"
    path.write_bytes(_mutate(samples[fmt], edits))
    started = time.monotonic()
    refusal = ""
    try:
        preview = preview_document(path)
    except ImportFailed as failed:
        refusal = str(failed)
    else:
        assert isinstance(preview["items"], list)
        assert all(item.get("kind") for item in preview["items"])
    # A refusal names the file and says what is wrong with it, in words.
    assert not refusal or refusal.startswith(f"{path.name}: ")
    assert time.monotonic() - started < WORST_SECONDS


def test_the_unmutated_samples_import(samples: dict[str, bytes], tmp_path: Path) -> None:
    """The fuzz starts from files that work, so what it finds is the mutation's doing."""
    for fmt, data in samples.items():
        path = tmp_path / f"sample.{fmt}"
        path.write_bytes(data)
        assert preview_document(path)["items"], fmt
