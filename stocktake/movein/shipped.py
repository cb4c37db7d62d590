"""Mapping profiles that ship with Stocktake, for the shapes the common systems export.

Written from public descriptions of those systems' exports (user guides, council committee
papers that reproduce export columns), in our own words: no vendor file or text is copied.
Exports vary by version and by how a council set its system up, so these are starting
points: the mapping page shows what each column was taken as, and a council saves its own
corrected profile under a new name.
"""

from __future__ import annotations

from typing import Any

from .models import Kind

# Pentana Performance (formerly Covalent) shows status as traffic-light icons; exported to a
# spreadsheet the icons become words.
_PENTANA_PI_WORDS = {
    "alert": "rag:red", "warning": "rag:amber", "ok": "rag:green",
    "data only": "indicator:data_only", "unknown": "indicator:no_data",
}  # fmt: skip
_PENTANA_ACTION_WORDS = {
    "completed": "progress:complete", "in progress": "progress:in_progress",
    "not started": "progress:not_started", "overdue": "rag:red", "cancelled": "progress:cancelled",
    "assigned": "progress:not_started", "check progress": "rag:amber",
    "on hold": "progress:on_hold",
}  # fmt: skip
# CorVu scorecards colour a measure by a score; exports give the score as a number or a band.
_CORVU_WORDS = {
    "1": "rag:red", "2": "rag:amber", "3": "rag:green", "poor": "rag:red", "fair": "rag:amber",
    "good": "rag:green", "below target": "rag:red", "near target": "rag:amber",
    "on target": "rag:green",
}  # fmt: skip
_INPHASE_WORDS = {
    "off target": "rag:red", "within tolerance": "rag:amber", "on target": "rag:green",
    "no target": "indicator:data_only", "not due": "indicator:no_data",
}  # fmt: skip

SHIPPED: dict[str, dict[str, Any]] = {
    "pentana-indicators": {
        "name": "Pentana (Covalent): indicator values",
        "kind": Kind.INDICATORS,
        "columns": {
            "code": "PI Code", "title": "Short Name", "period": "Period", "value": "Value",
            "target": "Target", "status": "Status", "note": "Note", "entered_by": "Updated By",
        },
        "statuses": _PENTANA_PI_WORDS,
    },
    "pentana-actions": {
        "name": "Pentana (Covalent): action notes",
        "kind": Kind.UPDATES,
        "columns": {
            "ref": "Code", "title": "Action", "status": "Status", "position": "Note",
            "date": "Note Date", "author": "Note Author", "owner": "Assigned To",
        },
        "statuses": _PENTANA_ACTION_WORDS,
    },
    "pentana-risks": {
        "name": "Pentana (Covalent): risk reviews",
        "kind": Kind.REVIEWS,
        "columns": {
            "ref": "Code", "title": "Risk Title", "likelihood": "Current Likelihood",
            "impact": "Current Impact", "note": "Note", "date": "Note Date",
            "owner": "Managed By",
        },
        "statuses": {},
    },
    "corvu-indicators": {
        "name": "CorVu: measure results",
        "kind": Kind.INDICATORS,
        "columns": {
            "code": "Measure ID", "title": "Measure Name", "period": "Period", "value": "Actual",
            "target": "Target", "status": "Score", "note": "Comment",
        },
        "statuses": _CORVU_WORDS,
        "date_periods": "month",
    },
    "inphase-indicators": {
        "name": "InPhase: measure data",
        "kind": Kind.INDICATORS,
        "columns": {
            "code": "Measure Code", "title": "Measure Name", "period": "Period",
            "value": "Actual", "numerator": "Numerator", "denominator": "Denominator",
            "target": "Target", "status": "Status", "note": "Commentary",
        },
        "statuses": _INPHASE_WORDS,
    },
    "inphase-actions": {
        "name": "InPhase: action updates",
        "kind": Kind.UPDATES,
        "columns": {
            "ref": "Action Ref", "title": "Action Title", "position": "Update",
            "date": "Update Date", "status": "Status", "rag": "RAG", "author": "Updated By",
            "owner": "Owner",
        },
        "statuses": {},
    },
}  # fmt: skip


def shipped_mapping(key: str) -> dict[str, Any] | None:
    found = SHIPPED.get(key)
    if found is None:
        return None
    return {k: v for k, v in found.items() if k != "name"} | {"profile": found["name"]}
