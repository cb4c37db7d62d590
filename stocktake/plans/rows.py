"""The plan page's action rows: read as plain values and drawn once, not through the ORM and
the template engine row by row.

A plan of 500 actions spent over 100 ms building model instances, prefetching owners through
per-row querysets and rendering a row include with its filters; the same table from tuples and
one string per row takes a few. The position each row shows is the one `ActionQuerySet.as_at`
defines (latest counted update, due revisions up to the date); tests hold the two to the same
answers.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import timesince

from stocktake.accounts.models import PostHolding, Unit
from stocktake.core.templatetags.govuk import rag_tag, status_tag

from .flags import flag_label
from .models import Action, ActionOwner, DueRevision, Plan, ProgressUpdate, UpdateState
from .querysets import _NEVER_OVERDUE

_LEFT = ' <strong class="govuk-tag govuk-tag--orange">Left</strong>'
_VACANT = ' <strong class="govuk-tag govuk-tag--orange">Vacant</strong>'
_UNASSIGNED = '<strong class="govuk-tag govuk-tag--orange">Unassigned</strong>'
_SENTINEL = "00000000-0000-0000-0000-000000000000"
# Django's escape() is this same function behind a lazy-text wrapper that costs more than it.
_escape = html.escape


@dataclass(slots=True)
class ActionRow:
    """One action as the plan page shows it on a date."""

    id: int
    uuid: str
    section_id: int | None
    ref: str
    text: str
    owner_text: str
    status_shown: str
    rag_shown: str
    due_as_at: dt.date | None
    due_text_as_at: str
    slippage_count: int
    is_overdue: bool
    last_update_as_at: dt.date | None
    last_update_position: str | None
    owners: list[str] = field(default_factory=list)  # each already escaped HTML
    flags: list[str] = field(default_factory=list)  # the importer's data-quality codes


def plan_rows(
    plan: Plan, *, when: dt.date, today: dt.date, filters: dict[str, Any]
) -> list[ActionRow]:
    """The plan's actions in order, as they stood on `when`, narrowed by the page's filters."""
    actions = Action.objects.for_plan(plan)
    if filters.get("unit"):
        # As ids: the tree's recursive query cannot sit inside the subqueries below.
        below = Unit.objects.descendants(filters["unit"], include_self=True)
        actions = actions.filter(unit__in=list(below.values_list("pk", flat=True)))
    if filters.get("owner"):
        actions = actions.filter(ownerships__person__uuid=filters["owner"]).distinct()
    rows = [
        row
        for row in action_rows(actions.order_by("position", "id"), when=when, today=today)
        if _kept(row, filters)
    ]
    _add_owners(plan, rows, today)
    return rows


def action_rows(actions: QuerySet[Action], *, when: dt.date, today: dt.date) -> list[ActionRow]:
    """Each action, in the queryset's order, with its position on `when` as `as_at` defines it;
    in three queries (the actions, their latest updates, their due revisions)."""
    current = when >= today
    latest = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"), as_at__lte=when)
        .exclude(state=UpdateState.RETURNED)
        .order_by("-as_at", "-created_at", "-id")
        .values("id")[:1]
    )
    found = list(
        actions.annotate(latest_id=Subquery(latest)).values_list(
            "latest_id",
            "id",
            "uuid",
            "section_id",
            "ref",
            "text",
            "owner_text",
            "progress_status",
            "rag",
            "due_date",
            "due_text",
            "original_due_date",
            "original_due_text",
            "flags",
        )
    )
    updates = {
        pk: (as_at, position, status, rag)
        for pk, as_at, position, status, rag in ProgressUpdate.objects.filter(
            pk__in=[a[0] for a in found if a[0] is not None]
        ).values_list("id", "as_at", "position", "progress_status", "rag")
    }
    revisions: dict[int, list[tuple[dt.date | None, str | None]]] = defaultdict(list)
    for action_id, revised_date, revised_text in (
        DueRevision.objects.filter(action__in=actions.order_by().values("pk"), revised_on__lte=when)
        .order_by("revised_on", "id")
        .values_list("action_id", "new_due_date", "new_due_text")
    ):
        revisions[action_id].append((revised_date, revised_text))
    rows = []
    for (
        latest_id,
        pk,
        uuid,
        section_id,
        ref,
        text,
        owner_text,
        status,
        rag,
        due,
        due_text,
        original_due,
        original_text,
        flags,
    ) in found:
        update = updates.get(latest_id) if latest_id is not None else None
        as_at, position, update_status, update_rag = update or (None, None, "", "")
        status_shown = update_status or (status if current else "unknown")
        slipped = revisions.get(pk, [])
        new_due, new_text = slipped[-1] if slipped else (None, None)
        # COALESCE(revised, original, current), as as_at() has it
        due_as_at = new_due if new_due is not None else original_due or due
        rows.append(
            ActionRow(
                id=pk,
                uuid=str(uuid),
                section_id=section_id,
                ref=ref,
                text=text,
                owner_text=owner_text,
                status_shown=status_shown,
                rag_shown=update_rag or (rag if current else "none"),
                due_as_at=due_as_at,
                due_text_as_at=new_text if new_text is not None else original_text or due_text,
                slippage_count=len(slipped),
                is_overdue=due_as_at is not None
                and due_as_at < when
                and status_shown not in _NEVER_OVERDUE,
                last_update_as_at=as_at,
                last_update_position=position,
                flags=list(flags or []),
            )
        )
    return rows


def _kept(row: ActionRow, filters: dict[str, Any]) -> bool:
    """The filters that test the position on the date (the rest narrow the query)."""
    if filters.get("status") and row.status_shown != filters["status"]:
        return False
    if filters.get("rag") and row.rag_shown != filters["rag"]:
        return False
    if filters.get("overdue") and not row.is_overdue:
        return False
    since = filters.get("not_updated_since")
    return not since or row.last_update_as_at is None or row.last_update_as_at < since


def _add_owners(plan: Plan, rows: list[ActionRow], today: dt.date) -> None:
    """Each row's owners as shown: a person (marked if they left), a post with today's holder
    (or marked vacant), or an organisation."""
    by_id = {row.id: row for row in rows}
    owners = list(
        ActionOwner.objects.filter(action__plan=plan)
        .order_by("kind", "id")
        .values_list(
            "action_id",
            "person_id",
            "person__name",
            "person__left_on",
            "post_id",
            "post__title",
            "organisation__name",
        )
    )
    holders: dict[int, str] = {}
    posts = {o[4] for o in owners if o[4] is not None and o[0] in by_id}
    if posts:
        for post_id, name in (
            PostHolding.objects.held_on(today)
            .filter(post_id__in=posts)
            .order_by("start_date", "id")
            .values_list("post_id", "person__name")
        ):
            holders.setdefault(post_id, name)
    for action_id, person_id, name, left_on, post_id, title, organisation in owners:
        row = by_id.get(action_id)
        if row is None:
            continue
        if person_id is not None:
            shown = _escape(name) + (_LEFT if left_on else "")
        elif post_id is not None:
            holder = holders.get(post_id)
            shown = _escape(title) + (f" ({_escape(holder)})" if holder is not None else _VACANT)
        else:
            shown = _escape(organisation)
        row.owners.append(shown)


def rows_html(rows: Iterable[ActionRow], *, when: dt.date) -> SafeString:
    """The table rows, markup as the former per-row template drew it."""
    link = reverse("plans:action_detail", args=[_SENTINEL])
    before, after = link.split(_SENTINEL)
    tags: dict[tuple[str, str], str] = {}
    ages: dict[dt.date, str] = {}
    parts = []
    for row in rows:
        status = tags.get(("s", row.status_shown))
        if status is None:
            status = tags[("s", row.status_shown)] = status_tag(row.status_shown)
        rag = tags.get(("r", row.rag_shown))
        if rag is None:
            rag = tags[("r", row.rag_shown)] = rag_tag(row.rag_shown)
        # A cell of dated steps keeps one step a line, as the paper and the reports show it.
        due = _escape(row.due_text_as_at).replace("\n", "<br>") if row.due_text_as_at else "—"
        if row.slippage_count:
            plural = "" if row.slippage_count == 1 else "s"
            due += (
                '<br><span class="govuk-hint govuk-!-margin-0">'
                f"moved {row.slippage_count} time{plural}</span>"
            )
        if row.is_overdue:
            due += '<br><strong class="govuk-tag govuk-tag--red">Overdue</strong>'
        if row.last_update_as_at:
            age = ages.get(row.last_update_as_at)
            if age is None:
                age = ages[row.last_update_as_at] = _age(row.last_update_as_at, when)
            position = _words(row.last_update_position or "", 20)
            update = f"{position}<br>{age}"
        else:
            update = '<span class="govuk-hint">No update</span>'
        owners = ", ".join(row.owners) or (
            _escape(row.owner_text) if row.owner_text else _UNASSIGNED
        )
        ref = _escape(row.ref) if row.ref else "—"
        href = f"{before}{row.uuid}{after}"
        parts.append(
            '\n<tr class="govuk-table__row">\n'
            f'  <td class="govuk-table__cell st-nowrap">{ref}</td>\n'
            f'  <td class="govuk-table__cell"><a class="govuk-link" href="{href}">'
            f"{_words(row.text, 30)}</a>{_flag_tags(row.flags, tags)}</td>\n"
            f'  <td class="govuk-table__cell">{owners}</td>\n'
            f'  <td class="govuk-table__cell">{due}</td>\n'
            f'  <td class="govuk-table__cell">{status}</td>\n'
            f'  <td class="govuk-table__cell">{rag}</td>\n'
            f'  <td class="govuk-table__cell">{update}</td>\n'
            "</tr>\n"
        )
    # Every value in parts was escaped above.
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703


def _flag_tags(codes: list[str], drawn: dict[tuple[str, str], str]) -> str:
    """The row's data-quality flags as labelled tags; an unassigned item already says so in
    the owner column. The action's page explains each."""
    parts = []
    for code in codes:
        if code == "unassigned":
            continue
        tag = drawn.get(("f", code))
        if tag is None:
            label = _escape(flag_label(code))
            tag = f'<strong class="govuk-tag govuk-tag--orange">{label}</strong>'
            drawn[("f", code)] = tag
        parts.append(tag)
    return "<br>" + " ".join(parts) if parts else ""


def _words(text: str, count: int) -> str:
    """The `truncatewords` filter (Truncator.words), escaped as the template would."""
    words = text.split()
    if len(words) <= count:
        return _escape(" ".join(words))
    cut = " ".join(words[:count])
    return _escape(cut if cut.endswith(" …") else f"{cut} …")


def _age(as_at: dt.date, when: dt.date) -> str:
    """The `date:"j M Y"` and `timesince` filters of the former template."""
    day = _escape(date_format(as_at, "j M Y"))
    age = _escape(timesince(as_at, when))
    return f'<span class="govuk-hint govuk-!-margin-0">as at {day} ({age} old)</span>'
