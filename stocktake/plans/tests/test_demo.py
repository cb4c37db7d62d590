from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from stocktake.accounts.models import Organisation
from stocktake.complaints.models import Complaint
from stocktake.consultations.models import Consultation
from stocktake.customers.models import (
    Contact,
    ContactDay,
    ContactMonth,
    Feedback,
    SamplingPeriod,
    ShoppingCheck,
)
from stocktake.plans.management.commands.load_demo import DEMO_ORGANISATION, DEMO_PASSWORD
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


@pytest.mark.django_db
def test_the_demo_council_has_contacts_complaints_and_consultations_to_show(
    client: Client,
) -> None:
    call_command("load_demo", papers=Path("/nonexistent"))
    council = Organisation.objects.get(name=DEMO_ORGANISATION)
    assert Contact.objects.filter(organisation=council).count() > 14_000
    assert (
        ContactMonth.objects.filter(organisation=council).values("month").distinct().count() == 12
    )
    assert ContactDay.objects.filter(organisation=council, avoidable__gt=0).exists()
    assert SamplingPeriod.objects.filter(organisation=council).count() == 2
    assert Feedback.objects.filter(organisation=council).count() >= 200
    assert ShoppingCheck.objects.filter(exercise__organisation=council, actions__isnull=False)
    complaints = Complaint.objects.filter(organisation=council)
    assert complaints.count() >= 10
    assert complaints.filter(status=Complaint.Status.REFUSED).exists()
    assert complaints.filter(stages__number=2).exists()
    assert complaints.filter(ombudsman_cases__isnull=False).exists()
    published = Consultation.objects.published().get(organisation=council)
    assert published.feedback.filter(action__isnull=False).exists()
    assert Consultation.objects.filter(organisation=council, status="open").exists()
    client.login(username="officer", password=DEMO_PASSWORD)
    for name in ["customers:dashboard", "customers:ni14", "customers:segments"]:
        assert client.get(reverse(name, args=[council.uuid])).status_code == 200, name
    register = client.get(reverse("complaints:register", args=[council.uuid]))
    assert register.status_code == 200
    assert complaints.values_list("reference", flat=True)[0] in register.text
