"""A framework with three levels and twenty criteria loads from JSON, CSV and XLSX."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stocktake.frameworks import formats, selectors, services
from stocktake.frameworks.models import Criterion, Framework
from stocktake.testing import MakeUser

from .conftest import DATA

ENCODE = {
    ".json": lambda d: formats.to_json(d).encode(),
    ".csv": lambda d: formats.to_csv(d).encode(),
    ".xlsx": formats.to_xlsx,
}


@pytest.mark.parametrize("suffix", list(ENCODE))
def test_a_three_level_twenty_criterion_framework_loads_from_each_format(
    db: None, eflg_data: dict[str, Any], suffix: str
) -> None:
    content = ENCODE[suffix](eflg_data)
    data = formats.read_framework_file(f"eflg{suffix}", content)
    framework = services.framework_load(data=data, by=None)
    assert framework.level_names == ["Developing", "Achieving", "Excellent"]
    assert framework.criteria.count() == 20
    assert set(framework.criteria.values_list("level", flat=True)) == {1, 2, 3}
    assert framework.themes.count() == 5
    assert [o.label for o in framework.scale.all()] == [
        "Not in place",
        "Partly in place",
        "In place",
    ]
    assert selectors.framework_as_data(framework) == eflg_data


def test_versions_of_a_framework_are_kept_apart(db: None, eflg_data: dict[str, Any]) -> None:
    first = services.framework_load(data=eflg_data, by=None)
    second = services.framework_load(data=eflg_data | {"version": "2010"}, by=None)
    assert first.pk != second.pk
    assert Criterion.objects.filter(framework=first).count() == 20
    assert Criterion.objects.filter(framework=second).count() == 20
    with pytest.raises(ValidationError, match="already loaded"):
        services.framework_load(data=eflg_data, by=None)


def test_a_bad_framework_changes_nothing(db: None, eflg_data: dict[str, Any]) -> None:
    broken = eflg_data | {"threshold": 7}
    with pytest.raises(ValidationError, match="threshold"):
        services.framework_load(data=broken, by=None)
    repeated = formats.to_csv(eflg_data).replace("criterion,1.2,", "criterion,1.1,")
    with pytest.raises(ValidationError, match="used twice"):
        services.framework_load(
            data=formats.read_framework_file("x.csv", repeated.encode()), by=None
        )
    assert not Framework.objects.exists()


def test_malformed_structures_get_a_message_not_a_crash(
    db: None, eflg_data: dict[str, Any]
) -> None:
    eflg_data["themes"][1]["criteria"][0]["title"] = ""
    with pytest.raises(ValidationError, match="without a title"):
        services.framework_load(data=eflg_data, by=None)
    with pytest.raises(ValidationError, match="malformed"):
        services.framework_load(
            data=eflg_data | {"themes": [{"title": "T", "criteria": [1]}]}, by=None
        )
    assert not Framework.objects.exists()


def test_a_levelled_criterion_without_a_level_is_refused(eflg_data: dict[str, Any]) -> None:
    eflg_data["themes"][0]["criteria"][0]["level"] = None
    with pytest.raises(ValidationError, match=r"1\.1"):
        services.framework_check(eflg_data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("f.csv", b"a,b\n", "headings"),
        ("f.json", b"[1]", "one framework"),
        ("f.xlsx", b"not a zip", "could not be read"),
        ("f.txt", b"", "JSON, CSV or XLSX"),
    ],
)
def test_unreadable_files_get_a_clear_message(name: str, content: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        formats.read_framework_file(name, content)


def test_the_shipped_frameworks_load_once_by_command(db: None) -> None:
    out = io.StringIO()
    call_command("load_framework", "--shipped", stdout=out)
    call_command("load_framework", "--shipped", stdout=out)
    assert sorted(Framework.objects.values_list("code", flat=True)) == [
        "cse",
        "eflg",
        "kloe-access",
    ]
    assert "already loaded" in out.getvalue()
    kloe = Framework.objects.get(code="kloe-access")
    assert [o.value for o in kloe.scale.all()] == [1, 2, 3, 4]


def test_a_dry_run_writes_nothing(db: None) -> None:
    call_command("load_framework", str(DATA / "eflg-2009.json"), "--dry-run", stdout=io.StringIO())
    assert not Framework.objects.exists()


def test_an_administrator_uploads_a_framework_and_others_may_not(
    client: Client, make_user: MakeUser, council: Any, officer: User, eflg_data: dict[str, Any]
) -> None:
    url = reverse("frameworks:framework_upload")
    client.force_login(officer)
    assert client.get(url).status_code == 403
    admin, _ = make_user("Administrator", council)
    client.force_login(admin)
    upload = SimpleUploadedFile("eflg.xlsx", formats.to_xlsx(eflg_data))
    response = client.post(url, {"file": upload})
    framework = Framework.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("frameworks:framework_detail", args=[framework.uuid]))
    assert "every criterion of that level and of all lower levels" in page.content.decode()
    bad = client.post(url, {"file": SimpleUploadedFile("eflg.xlsx", formats.to_xlsx(eflg_data))})
    assert "already loaded" in bad.content.decode()


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_a_loaded_framework_downloads_in_a_form_that_loads_again(
    client: Client, officer: User, eflg: Framework, eflg_data: dict[str, Any], fmt: str
) -> None:
    client.force_login(officer)
    response = client.get(reverse(f"frameworks:framework_{fmt}", args=[eflg.uuid]))
    assert formats.read_framework_file(f"f.{fmt}", response.content) == eflg_data
