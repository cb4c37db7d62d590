"""Data-quality flags the importer sets on items, in words people read.

The codes are the import contract's (docs/import-json.md); people see a label and what it means,
never the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Action

# code → (label, what it means for the reader)
FLAGS: dict[str, tuple[str, str]] = {
    "duplicate_ref": (
        "Duplicate reference",
        "The paper gives another item in this plan the same reference; both were kept.",
    ),
    "date_required": (
        "Date required",
        "The paper says a due date is still to be set for this item.",
    ),
    "update_required": (
        "Update required",
        "The paper says an update on this item was still awaited.",
    ),
    "not_prioritised": (
        "Not prioritised",
        "The paper says this item was not given a priority.",
    ),
    "cross_reference": (
        "Cross-reference",
        "The paper points from this item to another one; read them together.",
    ),
    "unassigned": ("Unassigned", "The paper names no owner for this item."),
    "internal_note": (
        "Internal note",
        "The paper held a note for officers only; it is kept off public pages.",
    ),
    "unscored": ("Unscored", "The paper gives no likelihood or impact score."),
    "progress_from_milestones": (
        "Progress read from milestones",
        "The paper gives no status, but some of its dated steps are done: it was imported as "
        "in progress. Check it.",
    ),
    "incomplete_row": (
        "Incomplete row",
        "The paper's table row had fewer cells than its headings; check nothing was lost.",
    ),
}


@dataclass
class Flag:
    code: str
    label: str
    hint: str
    twins: list[Action] = field(default_factory=list)


def flag_label(code: str) -> str:
    """The label of a flag; one this list does not know yet reads as words, not as a code."""
    known = FLAGS.get(code)
    return known[0] if known else code.replace("_", " ").strip().capitalize()


def action_flags(action: Action) -> list[Flag]:
    """The action's flags as shown on its page; a duplicate reference links to its twins."""
    flags = []
    for code in dict.fromkeys(action.flags or []):
        hint = FLAGS[code][1] if code in FLAGS else ""
        flags.append(Flag(code, flag_label(code), hint))
        if code == "duplicate_ref" and action.ref:
            flags[-1].twins = list(
                Action.objects.filter(plan_id=action.plan_id, ref=action.ref)
                .exclude(pk=action.pk)
                .order_by("position", "id")
            )
    return flags
