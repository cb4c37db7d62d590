"""Writes for files uploaded on the web: a contacts file is kept and queued for the background
worker (tasks.py); feedback, peers' figures and areas are small and load while the page waits."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DataError, transaction
from django_q.tasks import async_task

from stocktake.accounts.models import Organisation
from stocktake.core.recording import Actor, acting_user

from .models_upload import ContactUpload
from .services import areas_load

TASK = "stocktake.customers.tasks.contacts_upload_run"
# Beyond the cluster's ten-minute default: twenty million rows on SQLite take a while. A task
# delivered again while it still runs finds its job started and does nothing (tasks.py).
TASK_TIMEOUT = 4 * 60 * 60


@transaction.atomic
def contacts_upload_queue(
    *, organisation: Organisation, upload: UploadedFile, skip_bad: bool, by: Actor
) -> ContactUpload:
    """Keep the file privately and hand the load to the worker once the job row is committed."""
    name = Path(upload.name or "contacts.csv").name
    job = ContactUpload(
        organisation=organisation,
        source=name[:300],
        skip_bad=skip_bad,
        requested_by=acting_user(by),
    )
    job.file.save(name, upload, save=False)
    job.save()
    transaction.on_commit(
        lambda: async_task(
            TASK, job.pk, task_name=f"contact-upload-{job.uuid}", timeout=TASK_TIMEOUT
        )
    )
    return job


@contextmanager
def text_lines(upload: UploadedFile) -> Iterator[io.TextIOWrapper[Any]]:
    """An uploaded file's lines as text (UTF-8, with or without the byte-order mark Excel adds)."""
    upload.seek(0)
    raw: Any = upload.file  # a BytesIO, or a temporary file for a large upload
    wrapper = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        yield wrapper
    finally:
        wrapper.detach()  # the upload closes its own file


@transaction.atomic
def areas_upload(*, upload: UploadedFile, kind: str, by: Actor) -> int:
    """All or nothing: a bad row undoes the rows before it. Areas are national, so the caller
    checks the user may change site-wide data."""
    read = 0

    def counted(lines: io.TextIOWrapper[Any]) -> Iterator[str]:
        nonlocal read
        for line in lines:
            read += 1
            yield line

    try:
        with text_lines(upload) as lines:
            header = [name.strip() for name in next(csv.reader([lines.readline()]), [])]
            if "code" not in header:
                raise ValidationError("The first line must name the columns, including code")
            lines.seek(0)
            return areas_load(lines=counted(lines), kind=kind)
    except UnicodeDecodeError:
        raise ValidationError("The file is not UTF-8 text; nothing was loaded") from None
    except (ValueError, KeyError, csv.Error, DataError) as error:
        # The reader stops on the bad row's last line, so the lines read so far number it.
        raise ValidationError(f"Line {read}: {error}. Nothing was loaded.") from None
