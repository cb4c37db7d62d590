"""Input the uploads and the entry form refuse, each with a reason a person can act on: the
feedback and peers' files obey the contacts file's rules, a file with only a header is refused
rather than reported as a load of nothing, and a future time is refused beside its field."""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.customers import services, tasks
from stocktake.customers.feedback_import import BadFile, feedback_load, peer_figures_load
from stocktake.customers.models import (
    Contact,
    ContactLoad,
    ContactUpload,
    Feedback,
    PeerSatisfaction,
)
from stocktake.customers.services_contacts import NoRows, contacts_load

from .helpers import HEADER, csv_lines, row

FEEDBACK = "received_at,channel,service,rating,reason,comment,area_code,age_band,disabled\n"
PEERS = "peer,month,channel,net_satisfaction\n"


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _feedback(council: Organisation, text: str) -> int:
    return feedback_load(organisation=council, lines=io.StringIO(text), by=None)


def _refusal(load: Any, council: Organisation, text: str) -> BadFile:
    with pytest.raises(BadFile) as refused:
        load(organisation=council, lines=io.StringIO(text), by=None)
    return refused.value


def test_feedback_rows_are_checked_as_contact_rows_are_and_nothing_loads(
    council: Organisation,
) -> None:
    refused = _refusal(
        feedback_load,
        council,
        FEEDBACK
        + "2026-02-01 10:00,telephone,CTAX,good,,,,,\n"
        + "2030-11-20 10:00,email,CTAX,poor,,,,,\n"
        + "2026-02-01 10:00,email,ZZZ,poor,,,,,\n"
        + "2026-02-01 10:00,telephone,CTAX,excellent,,,,,\n"
        + "2026-02-01,pigeon,CTAX,good,,,,,\n"
        + "2026-02-01 10:00,email,CTAX,poor,,,,99_100,\n"
        + "2026-02-01 10:00,email,CTAX,poor,,,,,perhaps\n"
        + "31/02/2026,email,CTAX,poor,,,,,\n"
        + "2026-02-01 10:00,email,CTAX\n",
    )
    reasons = dict(refused.errors)
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert reasons[3] == "received_at 2030-11-20 10:00 is in the future"
    assert reasons[4].startswith("service 'ZZZ' is not one of: BCTRL, BENEFIT, BIN")
    assert reasons[5] == "rating 'excellent' is not one of: average, good, poor"
    assert reasons[6].startswith("channel 'pigeon' is not one of: ")
    assert reasons[7].startswith("age_band '99_100' is not one of: 25_44, 45_64")
    assert reasons[8] == "disabled 'perhaps' should be yes, no or empty"
    assert "is not a date and time (YYYY-MM-DD HH:MM)" in reasons[9]
    assert reasons[10] == "has 3 fields, the header has 9"
    assert refused.summary == "8 bad rows: nothing was saved. Fix them and upload the file again."
    assert not Feedback.objects.exists()


def test_the_service_and_time_rules_hold_for_feedback_recorded_any_way(
    council: Organisation,
) -> None:
    future = dt.datetime(2031, 1, 1, 10, tzinfo=dt.UTC)
    with pytest.raises(ValidationError, match="must not be in the future: you entered 1 January"):
        services.feedback_record(
            organisation=council, received_at=future, channel="email", rating="good", by=None
        )
    with pytest.raises(ValidationError, match="'ZZZ' is not one of"):
        services.feedback_record(
            organisation=council, received_at=future.replace(year=2026), channel="email",
            rating="good", service_code="ZZZ", by=None,
        )  # fmt: skip
    assert not Feedback.objects.exists()


def test_one_bad_row_is_counted_in_good_english(council: Organisation) -> None:
    refused = _refusal(feedback_load, council, FEEDBACK + "2026-02-01 10:00,fax,,good,,,,,\n")
    assert refused.summary == "1 bad row: nothing was saved. Fix it and upload the file again."


def test_a_wrong_feedback_header_names_the_columns_expected(council: Organisation) -> None:
    refused = _refusal(
        feedback_load, council, "when,how,svc,score\n2026-11-20 10:00,email,CTAX,poor\n"
    )
    assert refused.errors == []
    assert refused.summary.startswith(
        "The first line must name the columns: received_at, channel, rating, then any of "
        "service, reason, comment, area_code, age_band, disabled. "
        "This file's first line is: when, how, svc, score."
    )


def test_peer_figures_give_a_reason_for_a_bad_month_number_or_channel(
    council: Organisation,
) -> None:
    refused = _refusal(
        peer_figures_load,
        council,
        PEERS
        + "Harlow District Council,2026-10,telephone,0.5\n"
        + "Harlow District Council,2026-13,email,0.2\n"
        + "Harlow District Council,2030-01,email,0.2\n"
        + "Harlow District Council,2026-10,email,lots\n"
        + "Harlow District Council,2026-10,pigeon,0.2\n",
    )
    reasons = dict(refused.errors)
    assert reasons[3] == "month '2026-13' is not a year and month (YYYY-MM)"
    assert reasons[4] == "month 2030-01 is in the future"
    assert reasons[5] == "net_satisfaction 'lots' is not a number"
    assert reasons[6].startswith("channel 'pigeon' is not one of: ")
    assert not PeerSatisfaction.objects.exists()
    assert not Organisation.objects.filter(name="Harlow District Council").exists()


@pytest.mark.parametrize(
    ("load", "text"),
    [
        (feedback_load, FEEDBACK),
        (feedback_load, FEEDBACK + "\n,,,,,,,,\n"),
        (peer_figures_load, PEERS),
    ],
)
def test_a_feedback_or_peers_file_with_only_a_header_is_refused(
    council: Organisation, load: Any, text: str
) -> None:
    refused = _refusal(load, council, text)
    assert refused.summary.startswith("The file has no data rows")


def test_the_feedback_page_shows_a_file_level_refusal_in_the_error_summary(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:feedback_upload", args=[council.uuid])
    empty = client.post(
        url, {"kind": "feedback", "file": SimpleUploadedFile("f.csv", FEEDBACK.encode())}
    )
    page = html.unescape(empty.content.decode())
    assert empty.status_code == 200
    assert "govuk-error-summary" in page
    assert "The file has no data rows" in page
    assert "Loaded 0" not in page
    peers = client.post(
        url, {"kind": "peers", "file": SimpleUploadedFile("p.csv", b"when,how,svc,score\n")}
    )
    assert "The first line must name the columns: peer, month, channel, net_satisfaction." in (
        html.unescape(peers.content.decode())
    )


def test_a_contacts_file_with_only_a_header_loads_nothing_and_says_so(
    council: Organisation,
) -> None:
    with pytest.raises(NoRows, match="The file has no data rows"):
        contacts_load(organisation=council, lines=csv_lines(), source="empty.csv", by=None)
    assert not ContactLoad.objects.exists()
    assert not Contact.objects.exists()


def test_a_web_upload_of_only_a_header_is_refused_not_done(
    council: Organisation, officer: User
) -> None:
    job = ContactUpload(organisation=council, source="empty.csv", requested_by=officer)
    job.file.save("empty.csv", io.BytesIO(f"{HEADER}\n".encode()), save=False)
    job.save()
    tasks.contacts_upload_run(job.pk)
    job.refresh_from_db()
    assert job.status == "refused"
    assert job.error.startswith("The file has no data rows")
    assert not ContactLoad.objects.exists()


def test_the_load_command_refuses_a_file_with_only_a_header(
    tmp_path: Path, council: Organisation
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(f"{HEADER}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="The file has no data rows"):
        call_command("load_contacts", council.name, str(path), stderr=io.StringIO())


def test_a_contact_in_the_future_is_refused_beside_the_time_in_local_style(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("customers:contact_entry", args=[council.uuid]),
        {"received_at": "2031-07-01T10:00", "channel": "telephone", "avoidable": "unassessed"},
    )
    page = html.unescape(response.content.decode())
    message = "The time must not be in the future: you entered 1 July 2031, 10:00"
    assert message in page
    assert 'href="#id_received_at"' in page  # the summary links to the field
    beside = page.split('id="id_received_at_error" class="govuk-error-message">')[1]
    assert message in beside.split("</p>")[0]
    assert "received_at 2031" not in page
    assert not Contact.objects.exists()


def test_a_recorded_contacts_area_and_reason_are_refused_beside_their_fields(
    client: Client, council: Organisation, officer: User
) -> None:
    client.force_login(officer)
    url = reverse("customers:contact_entry", args=[council.uuid])
    data = {"received_at": "2026-03-03T10:15", "channel": "telephone", "avoidable": "unassessed"}
    area = client.post(url, {**data, "area_code": "12 High Street"})
    assert 'href="#id_area_code"' in area.content.decode()
    reason = client.post(url, {**data, "avoidable": "no", "avoidable_reason": "repeat"})
    assert 'href="#id_avoidable_reason"' in reason.content.decode()
    assert not Contact.objects.exists()


def test_feedback_still_loads_when_every_row_is_good(council: Organisation) -> None:
    text = FEEDBACK + "2026-02-01 10:00,web_form,ctax,GOOD,Quick,,E001,under_25,y\n"
    assert _feedback(council, text) == 1
    saved = Feedback.objects.get()
    assert (saved.service_code, saved.rating, saved.disabled) == ("CTAX", "good", True)
    assert row()  # the contacts helpers agree on the header
