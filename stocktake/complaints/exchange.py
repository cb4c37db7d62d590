"""Complaints in organisation exports: procedures and stages, complaints with their personal
data (an export is for the council's administrators only), and what happened to each."""

from __future__ import annotations

from stocktake.exchange.tables import Table

from .models import (
    Complaint,
    ComplaintCalendar,
    ComplaintStage,
    Extension,
    Learning,
    OmbudsmanCase,
    Procedure,
    Stage,
)

TABLES = [
    Table(
        "complaints.complaintcalendar",
        ComplaintCalendar,
        lambda org: ComplaintCalendar.objects.filter(organisation=org),
    ),
    Table(
        "complaints.procedure",
        Procedure,
        lambda org: Procedure.objects.filter(organisation=org),
    ),
    Table(
        "complaints.stage",
        Stage,
        lambda org: Stage.objects.filter(procedure__organisation=org),
        key=("procedure", "number"),
    ),
    Table(
        "complaints.complaint",
        Complaint,
        lambda org: Complaint.objects.filter(organisation=org),
    ),
    Table(
        "complaints.complaintstage",
        ComplaintStage,
        lambda org: ComplaintStage.objects.filter(complaint__organisation=org),
    ),
    Table(
        "complaints.extension",
        Extension,
        lambda org: Extension.objects.filter(complaint_stage__complaint__organisation=org),
    ),
    Table(
        "complaints.ombudsmancase",
        OmbudsmanCase,
        lambda org: OmbudsmanCase.objects.filter(complaint__organisation=org),
    ),
    Table(
        "complaints.learning",
        Learning,
        lambda org: Learning.objects.filter(complaint__organisation=org),
    ),
]
