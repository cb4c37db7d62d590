from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stocktake.plans.management.commands.load_demo import DEMO_PASSWORD
from stocktake.plans.models import Action, Plan


@pytest.mark.django_db
def test_the_demo_loads_once_and_its_printed_logins_work(
    client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("load_demo")
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "Demo data already loaded." in out
    # The sample plan, and one plan per council paper in the demo folder.
    assert Plan.objects.count() == 6
    assert Plan.objects.filter(source_document__startswith="002_").get().actions.count() == 121
    for username in ["officer", "lead", "councillor"]:
        assert f"{username}" in out
        assert client.login(username=username, password=DEMO_PASSWORD)
    client.login(username="lead", password=DEMO_PASSWORD)
    page = client.get(reverse("plans:my_actions")).content.decode()
    assert "Publish consistent opening hours" in page
    slipped = Action.objects.get(ref="1.1", plan__title="Customer Access Improvement Plan")
    assert slipped.due_revisions.count() == 1
