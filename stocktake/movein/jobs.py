"""A move-in's dry run and its import, queued from the page and run in a django-q worker.

The pattern of stocktake/reports/jobs.py: a job row with status and progress, handed to the
worker once committed, failed by the hourly tidy if its worker stops. Unlike a report, a run is
one transaction (all or nothing), so progress written on the run's own connection would only
show once it had finished: on PostgreSQL the count goes through a second, autocommitting
connection; SQLite allows one writer at a time, so there the page shows the run under way and
the count only at the end.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django_q.tasks import async_task

from stocktake.core import progress
from stocktake.core.recording import Actor, acting_user
from stocktake.reports.models import JobStatus

from . import access, rules, services
from .engine import DatasetUnreadable, MoveInRejected
from .models import UNDER_WAY, MoveIn, MoveInJob
from .reading import rows_about

logger = logging.getLogger(__name__)
TASK = "stocktake.movein.jobs.job_run"
EVERY = 2.0  # seconds between progress writes
LINES_SHOWN = 5  # of a rejected import's bad rows, in the failure message
STALLED_AFTER = dt.timedelta(minutes=30)  # three times the worker's task timeout (Q_CLUSTER)


@transaction.atomic
def check_queue(*, movein: MoveIn, mapping: dict[str, Any], by: Actor) -> MoveInJob:
    """Keep the mapping and queue its dry run; the preview shows the report when it is done."""
    _lock(movein)
    rules.imported_once(movein.state)
    rules.one_run_at_a_time(run_under_way(movein))
    movein.mapping = mapping | {"kind": movein.kind}
    movein.state = MoveIn.State.UPLOADED
    movein.report = {}
    movein.save()
    return _queue(movein, dry_run=True, by=by)


@transaction.atomic
def run_queue(*, movein: MoveIn, by: Actor) -> MoveInJob:
    """Queue the import of a checked file. ValidationError if it is imported, under way or
    unchecked: a second click, the back button or a replayed POST queues nothing."""
    _lock(movein)
    rules.imported_once(movein.state)
    rules.one_run_at_a_time(run_under_way(movein))
    rules.checked_before_import(movein.state)
    return _queue(movein, dry_run=False, by=by)


def _lock(movein: MoveIn) -> None:
    """Read the state afresh, holding the row (on PostgreSQL) until the job is recorded."""
    movein.state = (
        MoveIn.objects.select_for_update().values_list("state", flat=True).get(pk=movein.pk)
    )


def run_under_way(movein: MoveIn) -> bool:
    return MoveInJob.objects.filter(movein=movein, status__in=UNDER_WAY).exists()


def _queue(movein: MoveIn, *, dry_run: bool, by: Actor) -> MoveInJob:
    try:
        with transaction.atomic():
            job = MoveInJob.objects.create(
                movein=movein, dry_run=dry_run, requested_by=acting_user(by)
            )
    except IntegrityError:
        rules.one_run_at_a_time(True)  # two requests at once: the database let one through
        raise
    transaction.on_commit(lambda: async_task(TASK, job.pk, task_name=f"movein-{job.uuid}"))
    return job


def _update(job_id: int, **fields: Any) -> None:
    MoveInJob.objects.filter(pk=job_id).update(updated_at=timezone.now(), **fields)


def meter_for(job_id: int) -> progress.Meter:
    """The run's rows done, written every EVERY seconds where its status page sees them, and
    at once when every row is read (saving them can take as long again)."""
    return progress.Meter(MoveInJob, job_id, "rows_done", every=EVERY)


def _why(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, MoveInRejected):
        lines = (error.report.errors + error.report.unmatched)[:LINES_SHOWN]
        return "; ".join([str(error), *lines])
    if isinstance(error, DatasetUnreadable | PermissionDenied):
        return str(error).splitlines()[0] if str(error) else error.__class__.__name__
    if isinstance(error, OperationalError) and "locked" in str(error):
        return (
            "The database was busy with other work for too long, so the run gave up. "
            "Nothing is wrong with the file or its mapping: check it again."
        )
    return f"The run stopped unexpectedly ({error.__class__.__name__}: {error})"


def job_run(job_id: int) -> None:
    """The worker's task. Every outcome is recorded on the job, not raised: a retry would fail
    the same way, and a task delivered twice must not import the file twice."""
    started = MoveInJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, updated_at=timezone.now()
    )
    if not started:
        return  # run already, running, or failed by the tidy while it waited
    job = MoveInJob.objects.select_related(
        "movein__organisation", "movein__plan", "requested_by"
    ).get(pk=job_id)
    movein, user, meter = job.movein, job.requested_by, meter_for(job_id)
    try:
        # Rights may have changed while the job waited: the run is done as the person who asked.
        if user is None or not access.can_move_in(user, movein.organisation_id):
            raise PermissionDenied("The person who asked for this run may no longer move in.")
        meter.total = rows_about(Path(movein.file.path))
        _update(job_id, rows_total=meter.total)
        if job.dry_run:
            report = services.movein_check(
                movein=movein, mapping=movein.mapping, by=user, progress=meter.add
            )
            _done(job_id, report)
        else:
            with transaction.atomic():  # the job is done exactly when the rows are in
                report = services.movein_confirm(movein=movein, by=user, progress=meter.add)
                _done(job_id, report)
    except Exception as error:  # any failure is the job's outcome, shown to the person who asked
        expected = ValidationError | MoveInRejected | DatasetUnreadable | PermissionDenied
        if not isinstance(error, expected):
            logger.exception("Move-in job %s failed", job.uuid)
        _update(
            job_id, status=JobStatus.FAILED, error=_why(error)[:2000], finished_at=timezone.now()
        )
    finally:
        meter.close()


def _done(job_id: int, report: dict[str, Any]) -> None:
    _update(
        job_id,
        status=JobStatus.DONE,
        rows_done=int(report.get("rows", 0)),
        finished_at=timezone.now(),
    )


def jobs_tidy(*, now: dt.datetime | None = None) -> int:
    """Fail runs whose worker stopped (a restart, say); returns how many. Scheduled hourly.

    The worker kills a task after its timeout and the run's transaction rolls back with it,
    so a job still under way long after that changed nothing and may be asked for again.
    """
    now = now or timezone.now()
    return MoveInJob.objects.filter(
        status__in=UNDER_WAY, updated_at__lt=now - STALLED_AFTER
    ).update(
        status=JobStatus.FAILED,
        error="The background worker stopped before the run finished. Please try again.",
        finished_at=now,
        updated_at=now,
    )


def run_tidy() -> None:
    """The scheduled task."""
    if stalled := jobs_tidy():
        logger.info("Move-in runs: %s stalled marked failed", stalled)
