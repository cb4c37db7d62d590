"""The public scorecard's action rows, drawn once in Python.

A published plan of 500 actions spent most of its time in the template engine, row by row
(the date filter alone looks up translations for every row); these are the same cells from
plain values, each escaped as the template escaped it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe

from stocktake.core.templatetags.govuk import rag_tag
from stocktake.plans.rows import ActionRow

from .templatetags.report_tags import plain_status


def public_rows_html(rows: Iterable[ActionRow]) -> SafeString:
    dates: dict[dt.date, str] = {}
    tags: dict[str, str] = {}
    parts = []
    for row in rows:
        rag = tags.get(row.rag_shown)
        if rag is None:
            rag = tags[row.rag_shown] = rag_tag(row.rag_shown)
        reported = "Never"
        if row.last_update_as_at:
            reported = dates.get(row.last_update_as_at) or dates.setdefault(
                row.last_update_as_at, html.escape(date_format(row.last_update_as_at, "j M Y"))
            )
        ref = f"{html.escape(row.ref)} " if row.ref else ""
        parts.append(
            '<tr class="govuk-table__row">\n'
            f'    <td class="govuk-table__cell">{ref}{html.escape(row.text)}</td>\n'
            '    <td class="govuk-table__cell">'
            f"{html.escape(row.due_text_as_at) if row.due_text_as_at else 'Not set'}</td>\n"
            f'    <td class="govuk-table__cell">{rag} {html.escape(plain_status(row))}</td>\n'
            f'    <td class="govuk-table__cell">{reported}</td>\n'
            "  </tr>"
        )
    # Every value in parts was escaped above.
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703
