"""Long reports as files made in the background: queue a job, then run it in a django-q worker.

The worker re-checks the report's choices as the person who asked (plans they may see, risks
and indicators they may read), so a queued job can never hold more than their page showed.
Progress is written with plain UPDATEs, outside any transaction, so the status page sees it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.text import slugify
from django_q.tasks import async_task

from stocktake.core.recording import Actor, acting_user
from stocktake.plans.models import Plan

from . import access, rules
from . import render as out
from .build import build_report
from .forms import ReportForm
from .models import JobFormat, JobStatus, ReportDefinition, ReportJob
from .services import today
from .word import report_docx

logger = logging.getLogger(__name__)
TASK = "stocktake.reports.jobs.job_run"
_MAKERS: dict[str, Callable[[dict[str, Any]], bytes]] = {
    JobFormat.PDF: out.report_pdf,
    JobFormat.DOCX: report_docx,
}


def as_query(params: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in params.items():
        query.setlist(key, [str(v) for v in values])
    return query


@transaction.atomic
def job_queue(
    *,
    params: dict[str, list[str]],
    format: str,
    plans: list[Plan],
    by: Actor,
    title: str = "",
    definition: ReportDefinition | None = None,
) -> ReportJob:
    """Record the job and hand it to the worker once the record is committed."""
    rules.report_needs_a_plan(plans)
    rules.plans_from_one_council(plans)
    job = ReportJob.objects.create(
        organisation_id=plans[0].organisation_id,
        definition=definition,
        params=params,
        format=JobFormat(format),
        title=title[:300],
        requested_by=acting_user(by),
    )
    transaction.on_commit(lambda: async_task(TASK, job.pk, task_name=f"report-job-{job.uuid}"))
    return job


def _progress(job: ReportJob, **fields: Any) -> None:
    ReportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)


def job_run(job_id: int) -> None:
    """The worker's task. Failures are recorded on the job, not raised: a retry would fail again."""
    job = ReportJob.objects.select_related("requested_by").get(pk=job_id)
    if job.is_finished:
        return
    _progress(job, status=JobStatus.RUNNING, progress=5)
    try:
        user = job.requested_by
        if user is None:
            raise ValueError("The person who asked for this report no longer has an account.")
        form = ReportForm(as_query(job.params), plans=access.plans_for_reports(user), today=today())
        if not form.is_valid():
            raise ValueError(f"The report's choices are no longer valid: {form.errors.as_text()}")
        data = build_report(form.spec(), user=user, today=today())
        _progress(job, progress=30, title=str(data["title"])[:300])
        content = _MAKERS[job.format](data)
        _progress(job, progress=90)
        name = f"{slugify(data['title'])[:80] or 'report'}.{job.format}"
        job.result.save(name, ContentFile(content), save=False)
        _progress(
            job,
            result=job.result.name,
            status=JobStatus.DONE,
            progress=100,
            finished_at=timezone.now(),
        )
    except Exception as error:  # any failure is the job's outcome, shown to the person who asked
        logger.exception("Report job %s failed", job.uuid)
        _progress(
            job,
            status=JobStatus.FAILED,
            error=str(error)[:2000] or error.__class__.__name__,
            finished_at=timezone.now(),
        )


STALLED_AFTER = dt.timedelta(minutes=30)
KEEP_FILES_FOR = dt.timedelta(days=30)


def jobs_tidy(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Fail jobs whose worker stopped mid-way, and delete files nobody fetched for a month.

    A running job writes progress as it goes, so one silent for half an hour has lost its
    worker (a restart, say): it is marked failed so the person who asked can ask again.
    Returns (jobs failed, files deleted). Scheduled hourly in the background worker.
    """
    now = now or timezone.now()
    stalled = ReportJob.objects.filter(
        status__in=[JobStatus.QUEUED, JobStatus.RUNNING], updated_at__lt=now - STALLED_AFTER
    ).update(
        status=JobStatus.FAILED,
        error="The background worker stopped before the file was made. Please ask again.",
        finished_at=now,
        updated_at=now,
    )
    old = ReportJob.objects.filter(finished_at__lt=now - KEEP_FILES_FOR).exclude(result="")
    deleted = 0
    for job in old:
        job.result.delete(save=False)
        _progress(job, result="")
        deleted += 1
    return stalled, deleted


def run_tidy() -> None:
    """The scheduled task."""
    stalled, deleted = jobs_tidy()
    if stalled or deleted:
        logger.info("Report jobs: %s stalled marked failed, %s old files deleted", stalled, deleted)
