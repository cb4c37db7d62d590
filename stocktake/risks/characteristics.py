"""The national lists of characteristics an equality impact assessment considers.

Kept as data so the seeding migration and the tests read the same lists.
"""

from __future__ import annotations

import datetime as dt

# (name, version, effective from, items)
NATIONAL_SETS: list[tuple[str, str, dt.date, list[str]]] = [
    (
        "Equality strands",
        "2006",
        # The Equality Act 2006 set up the single commission covering all six strands.
        dt.date(2006, 2, 16),
        ["Age", "Disability", "Gender", "Race", "Religion or belief", "Sexual orientation"],
    ),
    (
        "Protected characteristics (Equality Act 2010)",
        "2010",
        dt.date(2010, 10, 1),
        [
            "Age",
            "Disability",
            "Gender reassignment",
            "Marriage and civil partnership",
            "Pregnancy and maternity",
            "Race",
            "Religion or belief",
            "Sex",
            "Sexual orientation",
        ],
    ),
]
