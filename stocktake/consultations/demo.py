"""Demonstration consultations and knowledge base for the demo council, through the services:
one consultation closed with its "you said, we did" published (linked to a plan action), one
open now, and a handful of knowledge-base entries. Dates count back from `today`."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction

from stocktake.accounts.models import Organisation, Person
from stocktake.plans.models import Action

from . import services, services_kb
from .models import Consultation, Method, ResponseCount
from .models_kb import Entry

Status = Consultation.Status
SAID_AND_DID = (
    (
        "Opening hours differ between offices and nobody knows when the library point is open.",
        "We agreed one set of hours and publish them on the website and at every access point.",
    ),
    (
        "Paying and reporting should be possible online without phoning.",
        "Missed bins, bulky waste and Council Tax direct debits can now be done online.",
    ),
    (
        "Some older residents still want to talk to someone face to face.",
        "The Council Offices desk stays open every weekday, with appointments on request.",
    ),
)
ENTRIES: tuple[tuple[str, str, str, str, dict[str, str]], ...] = (
    (Entry.Kind.QUESTION, "When is my bin collected?",
     "Enter your postcode on the bin day page; collections move by a day after bank holidays.",
     "bins, waste, collection day", {}),
    (Entry.Kind.QUESTION, "How do I report a missed bin?",
     "Online by 5pm the day after collection day, or by phone on 01799 510510.",
     "bins, missed collection", {}),
    (Entry.Kind.SERVICE, "Council Tax reduction",
     "People on a low income can apply online; we need proof of income and savings.",
     "council tax, benefit, low income", {}),
    (Entry.Kind.ORGANISATION, "Citizens Advice Uttlesford",
     "Free, independent advice on debt, benefits, housing and employment.",
     "debt, advice, benefits",
     {"signpost_name": "Citizens Advice Uttlesford",
      "signpost_contact": "0808 278 7909, Barnards Yard, Saffron Walden",
      "signpost_helps_with": "Debt, benefits, housing and employment problems"}),
    (Entry.Kind.ORGANISATION, "Essex County Council highways",
     "Potholes, street lights and road gritting are the county council's, not ours.",
     "roads, potholes, street lights, gritting",
     {"signpost_name": "Essex County Council",
      "signpost_contact": "Report online at essex.gov.uk or phone 0345 603 7631",
      "signpost_helps_with": "Roads, pavements, street lighting and winter gritting"}),
)  # fmt: skip


def demo_consultations(
    *,
    organisation: Organisation,
    officer: User,
    lead_officer: Person,
    today: dt.date,
    action: Action | None = None,
) -> int:
    """Two consultations and the knowledge base; returns how many consultations were made."""
    with transaction.atomic():
        _closed(organisation, officer, lead_officer, today, action)
        _open(organisation, officer, lead_officer, today)
        for kind, question, answer, tags, signpost in ENTRIES:
            services_kb.entry_create(
                organisation=organisation,
                kind=kind,
                question=question,
                answer=answer,
                tags=tags,
                owner=lead_officer,
                review_on=today + dt.timedelta(days=180),
                by=officer,
                **signpost,
            )
    return 2


def _closed(
    organisation: Organisation,
    officer: User,
    lead_officer: Person,
    today: dt.date,
    action: Action | None,
) -> None:
    consultation = services.consultation_plan(
        organisation=organisation,
        title="How you want to contact the council",
        we_asked="Which ways of contacting us you use, which you would like to use, and what "
        "gets in the way.",
        lead_officer=lead_officer,
        methods=[Method.SURVEY, Method.MEETING, Method.FOCUS_GROUP],
        audiences="Residents, businesses, parish councils",
        areas="Whole district",
        opens_on=today - dt.timedelta(days=200),
        closes_on=today - dt.timedelta(days=158),
        by=officer,
    )
    for status in (Status.OPEN, Status.CLOSED, Status.ANALYSING):
        services.consultation_edit(consultation=consultation, status=status, by=officer)
    for kind, label, count in (
        (ResponseCount.Kind.CHANNEL, "Online survey", 412),
        (ResponseCount.Kind.CHANNEL, "Paper survey", 96),
        (ResponseCount.Kind.CHANNEL, "Drop-in sessions", 38),
        (ResponseCount.Kind.EQUALITY, "Aged 65 and over", 141),
        (ResponseCount.Kind.EQUALITY, "Considers themselves disabled", 57),
    ):
        services.responses_record(
            consultation=consultation, kind=kind, label=label, count=count, by=officer
        )
    for n, (said, did) in enumerate(SAID_AND_DID):
        services.feedback_add(
            consultation=consultation,
            you_said=said,
            we_did=did,
            action=action if n == 0 else None,
            by=officer,
        )
    services.consultation_edit(
        consultation=consultation, status=Status.OUTCOME_PUBLISHED, by=officer
    )


def _open(organisation: Organisation, officer: User, lead_officer: Person, today: dt.date) -> None:
    consultation = services.consultation_plan(
        organisation=organisation,
        title="Future of the Great Dunmow library information point",
        we_asked="Whether the information point should open on more days, and which.",
        lead_officer=lead_officer,
        methods=[Method.SURVEY, Method.WRITTEN],
        audiences="Library users and Great Dunmow residents",
        areas="Great Dunmow",
        opens_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=32),
        by=officer,
    )
    services.consultation_edit(consultation=consultation, status=Status.OPEN, by=officer)
