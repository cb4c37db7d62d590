"""Reporting cycles, saved reports and the record of imported papers."""

from __future__ import annotations

from stocktake.cycles.models import CycleRequest, Outbox, ReportingCycle, RequestItem, UpdateLink
from stocktake.imports.models import ImportRecord
from stocktake.reports.models import ReportDefinition, ReportJob, ReportSnapshot

from ..tables import Table

TABLES = [
    Table(
        "cycles.reportingcycle",
        ReportingCycle,
        lambda org: ReportingCycle.objects.filter(organisation=org),
    ),
    Table(
        "cycles.cyclerequest",
        CycleRequest,
        lambda org: CycleRequest.objects.filter(organisation=org),
    ),
    Table(
        "cycles.requestitem",
        RequestItem,
        lambda org: RequestItem.objects.filter(request__organisation=org),
        key=("request", "action"),
    ),
    Table("cycles.updatelink", UpdateLink, lambda org: UpdateLink.objects.filter(organisation=org)),
    Table("cycles.outbox", Outbox, lambda org: Outbox.objects.filter(organisation=org), key=()),
    Table(
        "reports.reportdefinition",
        ReportDefinition,
        lambda org: ReportDefinition.objects.filter(organisation=org),
    ),
    Table(
        "reports.reportsnapshot",
        ReportSnapshot,
        lambda org: ReportSnapshot.objects.filter(organisation=org),
    ),
    Table("reports.reportjob", ReportJob, lambda org: ReportJob.objects.filter(organisation=org)),
    Table(
        "imports.importrecord",
        ImportRecord,
        lambda org: ImportRecord.objects.filter(organisation=org),
    ),
]
