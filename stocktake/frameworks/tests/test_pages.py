"""Every frameworks page, filled with real records, renders for the officer who runs it."""

from __future__ import annotations

import re
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.frameworks import services_evidence
from stocktake.frameworks.urls import urlpatterns

from .conftest import AssessWorld, rate_all

POST_ONLY = {"assessment_submit", "rating_set", "external_rating_set", "gap_unlink"}
# The upload page needs administer rights; the officer is refused, which is tested elsewhere.
ADMINISTRATORS_ONLY = {"framework_upload"}


def test_every_get_page_renders_with_real_records(
    client: Client, assess_world: AssessWorld, officer: User, media: Path
) -> None:
    rate_all(assess_world.assessment, {"1.1": 1}, default=2)
    rating = assess_world.rating("1.1")
    rating.gap_actions.add(assess_world.action)
    evidence = services_evidence.evidence_add(
        rating=rating, title="Profile", file=SimpleUploadedFile("p.txt", b"Wards"), by=None
    )
    values = {
        "framework_uuid": assess_world.assessment.framework.uuid,
        "framework_assessment_uuid": assess_world.assessment.uuid,
        "criterion_uuid": rating.criterion.uuid,
        "framework_evidence_uuid": evidence.uuid,
        "action_uuid": assess_world.action.uuid,
    }
    client.force_login(officer)
    got: dict[str, int] = {}
    expected: dict[str, int] = {}
    for pattern in urlpatterns:
        name = str(pattern.name)
        keys = re.findall(r"<str:(\w+)>", str(pattern.pattern))
        url = reverse(f"frameworks:{name}", kwargs={k: values[k] for k in keys})
        got[name] = client.get(url).status_code
        expected[name] = 405 if name in POST_ONLY else 403 if name in ADMINISTRATORS_ONLY else 200
    assert got == expected
