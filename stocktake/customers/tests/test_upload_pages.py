"""Each role against the upload pages, the links to them, and the small uploads loaded while the
page waits: feedback, peers' figures and the national area classification."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers.models import Area, ContactUpload, Feedback, PeerSatisfaction
from stocktake.testing import World

# contacts upload, upload status, feedback upload, areas upload
EXPECTED = {
    "anonymous": [302, 302, 302, 302],
    "no membership": [403, 403, 403, 403],
    "Viewer": [403, 403, 403, 403],
    "Councillor": [403, 403, 403, 403],
    "Lead officer (owner)": [200, 200, 200, 403],
    "Performance officer": [200, 200, 200, 403],
    "Administrator": [200, 200, 200, 403],
    "Performance officer (other council)": [403, 403, 403, 403],
    "superuser": [200, 200, 200, 200],
}
FEEDBACK = "received_at,channel,service,rating,reason,comment,area_code,age_band,disabled\n"
AREAS = "code,name,district_code,segment_code,segment_name,population\n"


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _csv(text: str, name: str = "file.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), "text/csv")


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_reaches_only_the_upload_pages_it_may(
    client: Client, world: World, role: str
) -> None:
    plan, _, users = world
    council = plan.organisation
    job = ContactUpload.objects.create(organisation=council, source="contacts.csv")
    urls = [
        reverse("customers:contacts_upload", args=[council.uuid]),
        reverse("customers:contacts_upload_status", args=[council.uuid, job.uuid]),
        reverse("customers:feedback_upload", args=[council.uuid]),
        reverse("customers:areas_upload"),
    ]
    user = users[role]
    if user is not None:
        client.force_login(user)
    assert [client.get(url).status_code for url in urls] == EXPECTED[role]


def test_another_councils_upload_is_not_found_under_ones_own_council(
    client: Client, council: Organisation, other_council: Organisation, make_user: Any
) -> None:
    job = ContactUpload.objects.create(organisation=council, source="contacts.csv")
    outsider, _ = make_user("Performance officer", other_council)
    client.force_login(outsider)
    url = reverse("customers:contacts_upload_status", args=[other_council.uuid, job.uuid])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "uploads", "areas"),
    [
        ("Councillor", False, False),
        ("Performance officer", True, False),
        ("superuser", True, True),
    ],
)
def test_the_navigation_links_to_uploads_only_for_those_allowed(
    client: Client, world: World, role: str, uploads: bool, areas: bool
) -> None:
    plan, _, users = world
    user = users[role]
    assert user is not None
    client.force_login(user)
    page = client.get(reverse("customers:dashboard", args=[plan.organisation.uuid]))
    html = page.content.decode()
    assert (reverse("customers:contacts_upload", args=[plan.organisation.uuid]) in html) is uploads
    assert (reverse("customers:feedback_upload", args=[plan.organisation.uuid]) in html) is uploads
    assert (reverse("customers:areas_upload") in html) is areas


def test_feedback_uploads_and_says_how_many_ratings_were_loaded(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    good = "2026-02-01 10:00,web_form,CTAX,good,Quick,,E001,under_25,no\n"
    response = client.post(
        reverse("customers:feedback_upload", args=[council.uuid]),
        {"kind": "feedback", "file": _csv(FEEDBACK + good + good)},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("customers:feedback", args=[council.uuid])
    assert "Loaded 2 feedback ratings." in response.content.decode()
    assert Feedback.objects.filter(organisation=council).count() == 2


def test_a_feedback_file_with_bad_rows_saves_nothing_and_lists_them(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    good = "2026-02-01 10:00,web_form,CTAX,good,,,,,\n"
    bad = "2026-02-01 10:00,web_form,CTAX,brilliant,,,,,\n"
    response = client.post(
        reverse("customers:feedback_upload", args=[council.uuid]),
        {"kind": "feedback", "file": _csv(FEEDBACK + good + bad + "not a date,web_form,,good\n")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 bad rows: nothing was saved" in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in html
    assert "rating" in html
    assert not Feedback.objects.exists()


def test_peers_figures_upload_and_a_bad_figure_saves_none(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:feedback_upload", args=[council.uuid])
    header = "peer,month,channel,net_satisfaction\n"
    bad = client.post(
        url,
        {
            "kind": "peers",
            "file": _csv(header + "Harlow,2026-01,web_form,0.1\nX,2026-01,web_form,3\n"),
        },
    )
    assert "outside −1 to +1" in bad.content.decode()
    assert not PeerSatisfaction.objects.exists()
    good = client.post(
        url, {"kind": "peers", "file": _csv(header + "Harlow,2026-01,web_form,0.1\n")}, follow=True
    )
    assert "Loaded 1 peers&#x27; figures." in good.content.decode()
    assert PeerSatisfaction.objects.count() == 1


def test_a_feedback_upload_must_be_a_csv_file(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("customers:feedback_upload", args=[council.uuid]),
        {"kind": "feedback", "file": _csv(FEEDBACK, name="feedback.pdf")},
    )
    assert "must be a CSV file" in response.content.decode()


def test_a_site_administrator_loads_the_area_classification_with_a_count(
    client: Client, world: World
) -> None:
    superuser = world[2]["superuser"]
    assert superuser is not None
    client.force_login(superuser)
    rows = "E00000001,One,E07000077,1a,Rural residents,300\nE00000002,Two,E07000077,2b,,\n"
    response = client.post(
        reverse("customers:areas_upload"),
        {"kind": "output_area", "file": _csv(AREAS + rows)},
        follow=True,
    )
    assert "Loaded 2 areas." in response.content.decode()
    assert Area.objects.get(code="E00000001").population == 300


def test_a_bad_area_row_loads_no_areas_and_names_its_line(client: Client, world: World) -> None:
    superuser = world[2]["superuser"]
    assert superuser is not None
    client.force_login(superuser)
    rows = "E00000001,One,E07000077,1a,Rural residents,300\nE00000002,Two,E07000077,2b,,many\n"
    response = client.post(
        reverse("customers:areas_upload"), {"kind": "output_area", "file": _csv(AREAS + rows)}
    )
    assert "Line 3:" in response.content.decode()
    assert "Nothing was loaded" in response.content.decode()
    assert not Area.objects.exists()


def test_an_area_file_without_codes_is_refused(client: Client, world: World) -> None:
    superuser = world[2]["superuser"]
    assert superuser is not None
    client.force_login(superuser)
    response = client.post(
        reverse("customers:areas_upload"), {"kind": "ward", "file": _csv("name\nSomewhere\n")}
    )
    assert "including code" in response.content.decode()
    assert not Area.objects.exists()
