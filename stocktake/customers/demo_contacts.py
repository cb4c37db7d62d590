"""The demo council's year of contacts as a CSV, as a council's own system would export it:
channel shift over the year, working-day visits and calls, web contacts any day, and NI 14
assessments in the sampling weeks (demo.py loads it through the contacts service)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Sequence

from .hours import bank_holiday
from .parsing import COLUMNS
from .selectors import month_last_day

SERVICE_WEIGHTS = {
    "BIN": 22, "CTAX": 18, "BENEFIT": 10, "PLAN": 8, "HOUSING": 7, "PARKING": 6, "STREET": 6,
    "BULKY": 5, "LICENCE": 4, "ELECTION": 3, "ENVHEALTH": 3, "PAYMENT": 4, "OTHER": 4,
}  # fmt: skip
REASON_WEIGHTS = {
    "progress_chasing": 40, "clarification": 25, "not_online": 15, "wrong_department": 10,
    "repeat": 7, "other": 3,
}  # fmt: skip
CONTACTS_PER_MONTH = 1250


def weighted(rng: random.Random, weights: dict[str, int] | dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _channel_shares(progress: float) -> dict[str, float]:
    """Channel shift over the year (progress 0 → 1): face to face falls, the web rises."""
    return {
        "face_to_face": 0.30 - 0.16 * progress, "web_form": 0.12 + 0.22 * progress,
        "email": 0.10, "letter": 0.05 - 0.02 * progress, "telephone": 0.43 - 0.04 * progress,
    }  # fmt: skip


def contacts_csv(
    rng: random.Random,
    months: Sequence[dt.date],
    weeks: Sequence[tuple[dt.date, dt.date]],
    areas: dict[str, float],
) -> io.StringIO:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for n, month in enumerate(months):
        shares = _channel_shares(n / (len(months) - 1))
        days = [
            month + dt.timedelta(days=d) for d in range((month_last_day(month) - month).days + 1)
        ]
        working = [d for d in days if d.weekday() < 5 and not bank_holiday(d)]
        for _ in range(int(CONTACTS_PER_MONTH * rng.uniform(0.92, 1.08))):
            channel = weighted(rng, shares)
            web_like = channel in ("web_form", "email")
            day = rng.choice(days if web_like else working)
            sampled = any(start <= day <= end for start, end in weeks)
            writer.writerow(_contact(rng, channel, day, sampled, areas))
    out.seek(0)
    return out


def _contact(
    rng: random.Random, channel: str, day: dt.date, sampled: bool, areas: dict[str, float]
) -> list[str]:
    if channel in ("web_form", "email"):
        minute = rng.randint(7 * 60, 23 * 60)  # clear of the small hours a clock change skips
    else:
        minute = rng.randint(9 * 60, 16 * 60 + 30)
    point = {
        "face_to_face": "csc" if rng.random() < 0.8 else "library",
        "telephone": "phone",
        "web_form": "web",
    }.get(channel, "")
    if point == "library" and day.weekday() not in (1, 3, 5):
        point = "csc"
    first = rng.random() < 0.72
    avoidable = reason = ""
    if sampled:
        avoidable = "yes" if rng.random() < 0.28 else "no"
        reason = weighted(rng, REASON_WEIGHTS) if avoidable == "yes" else ""
    area = weighted(rng, areas) if rng.random() < 0.85 else ""
    outbound = channel == "telephone" and rng.random() < 0.03
    first_text = "" if channel in ("email", "letter") else ("yes" if first else "no")
    resolved = "yes" if rng.random() < 0.62 else "no"
    return [
        f"{day} {minute // 60:02d}:{minute % 60:02d}", channel, point,
        weighted(rng, SERVICE_WEIGHTS), "", first_text, resolved, avoidable, reason, area,
        "outbound" if outbound else "",
    ]  # fmt: skip
