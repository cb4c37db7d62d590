"""The background worker's side of a web upload of contacts (services_upload.py queues it).

The load is one transaction (all or nothing), so progress written on the load's own connection
would only show once it had finished. On PostgreSQL the rows read so far go through a second,
autocommitting connection; SQLite allows one writer at a time, so there the status page waits.
The file is deleted when the load ends, whatever the outcome.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from django.utils import timezone

from stocktake.core import progress

from . import access
from .models_upload import ContactUpload, UploadStatus
from .parsing import RowError
from .services_contacts import BadRows, contacts_load

logger = logging.getLogger(__name__)
SHOWN = 200  # bad rows kept for the page; the total is always counted
EVERY = 2.0  # seconds between progress writes


def _update(job_id: int, **fields: Any) -> None:
    ContactUpload.objects.filter(pk=job_id).update(updated_at=timezone.now(), **fields)


def data_lines(path: Path) -> int:
    """Lines after the header, counted in bytes without parsing: the progress bar's length."""
    with path.open("rb") as counted:
        newlines = sum(chunk.count(b"\n") for chunk in iter(lambda: counted.read(1 << 20), b""))
    return max(newlines - 1, 0)


def meter_for(job_id: int) -> progress.Meter:
    """The upload's rows read, written every EVERY seconds where its status page sees them."""
    return progress.Meter(ContactUpload, job_id, "rows_read", every=EVERY)


def _refuse_if_not_allowed(job: ContactUpload) -> None:
    """Rights may have changed while the job waited; the load is done as the person who asked."""
    user = job.requested_by
    if user is None or not access.can_enter_contacts(user, job.organisation_id):
        raise PermissionError("The person who uploaded this file may no longer load contacts.")


def contacts_upload_run(job_id: int) -> None:
    """The worker's task. Every outcome is recorded on the job, not raised: a retry would
    fail the same way, and a file read twice must not be loaded twice."""
    started = ContactUpload.objects.filter(pk=job_id, status=UploadStatus.QUEUED).update(
        status=UploadStatus.RUNNING, updated_at=timezone.now()
    )
    if not started:
        return  # run already, or running: a task delivered twice
    job = ContactUpload.objects.select_related("organisation", "requested_by").get(pk=job_id)
    meter = meter_for(job.pk)
    outcome: dict[str, Any]
    try:
        _refuse_if_not_allowed(job)
        path = Path(job.file.path)
        _update(job.pk, rows_total=data_lines(path))
        with path.open(newline="", encoding="utf-8-sig") as lines:
            result = contacts_load(
                organisation=job.organisation,
                lines=lines,
                source=job.source,
                by=job.requested_by,
                skip_bad=job.skip_bad,
                progress=meter.add,
            )
        outcome = {
            "status": UploadStatus.DONE,
            "loaded": result.loaded,
            "skipped": result.skipped,
            "bad_rows": result.errors[:SHOWN],
            "rows_read": result.loaded + result.skipped,
        }
    except BadRows as failure:
        outcome = {
            "status": UploadStatus.REFUSED,
            "skipped": failure.result.skipped,
            "bad_rows": failure.result.errors[:SHOWN],
        }
    except RowError as error:  # the header: nothing after it can be read
        outcome = {"status": UploadStatus.REFUSED, "error": str(error)}
    except UnicodeDecodeError:
        outcome = {"status": UploadStatus.REFUSED, "error": "The file is not UTF-8 text."}
    except Exception as error:  # any other failure is the job's outcome, shown to the uploader
        logger.exception("Contact upload %s failed", job.uuid)
        outcome = {
            "status": UploadStatus.FAILED,
            "error": str(error)[:2000] or error.__class__.__name__,
        }
    finally:
        meter.close()
        job.file.delete(save=False)
    _update(job.pk, file="", finished_at=timezone.now(), **outcome)


# Beyond the task's own time limit (services_upload.TASK_TIMEOUT) a job still queued or running
# has lost its worker. SQLite writes no progress while loading, so nothing shorter is safe.
STALLED_AFTER = dt.timedelta(hours=5)


def uploads_tidy(*, now: dt.datetime | None = None) -> int:
    """Fail uploads whose worker stopped (a restart, say) and delete their files, so the
    uploader sees what happened and can upload again. Scheduled hourly; returns jobs failed."""
    now = now or timezone.now()
    stalled = ContactUpload.objects.filter(
        status__in=[UploadStatus.QUEUED, UploadStatus.RUNNING],
        updated_at__lt=now - STALLED_AFTER,
    )
    failed = 0
    for job in stalled:
        if job.file:
            job.file.delete(save=False)
        failed += ContactUpload.objects.filter(pk=job.pk, status=job.status).update(
            status=UploadStatus.FAILED,
            error="The background worker stopped before the load finished; nothing was loaded. "
            "Please upload the file again.",
            file="",
            finished_at=now,
            updated_at=now,
        )
    return failed
