"""The preview and reconciliation pages read the stored report: their queries do not grow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.movein import services

from .conftest import MakeIndicators


def _queries(client: Client, officer: User, council: Organisation, path: Path) -> tuple[int, int]:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    movein = services.movein_upload(
        organisation=council, kind="indicators", upload=upload, by=officer
    )
    services.movein_check(movein=movein, mapping=movein.mapping, by=officer)
    with CaptureQueriesContext(connection) as preview:
        assert client.get(reverse("movein:movein_preview", args=[movein.uuid])).status_code == 200
    services.movein_confirm(movein=movein, by=officer)
    with CaptureQueriesContext(connection) as report:
        assert client.get(reverse("movein:movein_report", args=[movein.uuid])).status_code == 200
    return len(preview), len(report)


def test_the_pages_ask_the_same_queries_for_a_small_or_a_large_import(
    client: Client,
    council: Organisation,
    officer: User,
    make_indicators: MakeIndicators,
    long_csv: Callable[[int], Path],
) -> None:
    make_indicators(council, 20)
    client.force_login(officer)
    small = _queries(client, officer, council, long_csv(2))
    large = _queries(client, officer, council, long_csv(20))
    assert small == large
