"""Evidence uploads are type- and size-checked and each file reaches only the roles allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.frameworks import services_evidence
from stocktake.frameworks.models import CriterionEvidence

from .conftest import AssessWorld

PDF = b"%PDF-1.4\n% a small pdf\n"

# role → (criterion page, add-evidence page, evidence file) for a draft assessment of the
# Customer Services unit. Lead officers there read drafts; the other council sees nothing.
EXPECTED = {
    "anonymous": [302, 302, 302],
    "Viewer": [403, 403, 403],
    "Councillor": [403, 403, 403],
    "Lead officer (not owner)": [200, 403, 200],
    "Lead officer (other unit)": [403, 403, 403],
    "Performance officer": [200, 200, 200],
    "Performance officer (other council)": [403, 403, 403],
    "superuser": [200, 200, 200],
}


def _upload(client: Client, world: AssessWorld, name: str, content: bytes) -> tuple[int, str]:
    rating = world.rating("1.1")
    url = reverse("frameworks:evidence_add", args=[world.assessment.uuid, rating.criterion.uuid])
    response = client.post(
        url, {"title": "Community profile", "file": SimpleUploadedFile(name, content)}
    )
    return response.status_code, response.content.decode()


def test_a_checked_file_is_stored_under_its_uuid(
    client: Client, assess_world: AssessWorld, officer: User, media: Path
) -> None:
    client.force_login(officer)
    status, _ = _upload(client, assess_world, "profile.pdf", PDF)
    evidence = CriterionEvidence.objects.get()
    assert status == 302
    assert (evidence.kind, evidence.content_type, evidence.size) == (
        "file",
        "application/pdf",
        len(PDF),
    )
    assert evidence.file.name.endswith(f"{evidence.uuid}.pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("profile.exe", b"MZ", "must be a PDF, Office document"),
        ("profile.pdf", b"<html>not a pdf</html>", "not really a PDF"),
        ("notes.txt", b"\x00\x01binary", "not a text file"),
    ],
)
def test_files_of_the_wrong_type_are_refused(
    client: Client,
    assess_world: AssessWorld,
    officer: User,
    media: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    client.force_login(officer)
    status, page = _upload(client, assess_world, name, content)
    assert status == 200
    assert message in page
    assert not CriterionEvidence.objects.exists()


def test_files_over_the_size_limit_are_refused(
    client: Client, assess_world: AssessWorld, officer: User, media: Path, settings: object
) -> None:
    settings.EVIDENCE_MAX_BYTES = 1_000_000  # type: ignore[attr-defined]
    client.force_login(officer)
    status, page = _upload(client, assess_world, "big.pdf", PDF + b"0" * 1_000_001)
    assert status == 200
    assert "must be smaller than 1 MB" in page
    assert not CriterionEvidence.objects.exists()


def test_notes_links_actions_and_indicators_are_evidence_too(
    client: Client, assess_world: AssessWorld, officer: User
) -> None:
    rating = assess_world.rating("2.1")
    url = reverse(
        "frameworks:evidence_add", args=[assess_world.assessment.uuid, rating.criterion.uuid]
    )
    client.force_login(officer)
    client.post(url, {"title": "Cabinet minute", "url": "https://example.org/minute"})
    client.post(url, {"title": "Ward profiling", "action": assess_world.action.pk})
    client.post(url, {"title": "Member briefing", "note": "Held on 3 March"})
    empty = client.post(url, {"title": "Nothing"})
    assert "Add a file, a link, a note" in empty.content.decode()
    kinds = list(CriterionEvidence.objects.values_list("kind", flat=True))
    assert kinds == ["link", "action", "note"]
    page = client.get(
        reverse(
            "frameworks:criterion_detail",
            args=[assess_world.assessment.uuid, rating.criterion.uuid],
        )
    )
    assert "Conduct ward profiling" in page.content.decode()


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_the_evidence_only_where_allowed(
    client: Client, assess_world: AssessWorld, role: str, media: Path
) -> None:
    rating = assess_world.rating("1.1")
    evidence = services_evidence.evidence_add(
        rating=rating,
        title="Community profile",
        file=SimpleUploadedFile("profile.pdf", PDF),
        by=None,
    )
    args = [assess_world.assessment.uuid, rating.criterion.uuid]
    urls = [
        reverse("frameworks:criterion_detail", args=args),
        reverse("frameworks:evidence_add", args=args),
        reverse("frameworks:evidence_file", args=[evidence.uuid]),
    ]
    user = assess_world.users[role]
    if user is not None:
        client.force_login(user)
    statuses = [client.get(url).status_code for url in urls]
    assert statuses == EXPECTED[role]


def test_an_unknown_evidence_file_is_not_found(client: Client, officer: User) -> None:
    client.force_login(officer)
    url = reverse("frameworks:evidence_file", args=["9b2f0c1e-8d4a-4e57-9a51-3f8f2d6c7b10"])
    assert client.get(url).status_code == 404
