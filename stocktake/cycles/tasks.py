"""Background work run by the django-q2 cluster (`make run` starts it) on a schedule.

Both steps are idempotent: queuing skips messages already queued, and sending claims each
row before it goes, so overlapping or repeated runs do not send twice (see sending.py).
"""

from __future__ import annotations

from django.utils import timezone

from .sending import outbox_send, reminders_due

SCHEDULE_NAME = "cycles: reminders and outbox"


def run_outbox() -> str:
    now = timezone.now()
    queued = reminders_due(now=now)
    sent = outbox_send(now=now, limit=500)
    return f"queued {queued}, sent {sent}"
