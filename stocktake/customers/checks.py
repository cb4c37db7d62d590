"""The typed row parser's checks and conversions as SQL over raw CSV text (PostgreSQL only).

The fast load (fastload.py) moves a row only when the parser (parsing.py) certainly accepts it
and converts it to the same values; on any other row the statement stops with an error and the
load starts again through the parser, which gives the reasons by line. So these checks may be
narrower than the parser, never wider: times in the usual ISO shapes, no whitespace around
values (the parser strips it), service codes in ASCII. A test puts awkward rows through both.
"""

from __future__ import annotations

from .loading import ALPHANUMERIC
from .models import Channel
from .models_contacts import AvoidableReason, Exclusion
from .parsing import COLUMNS, Layout
from .servicelist import SERVICES


# The ISO shapes the server takes, digits written as 0: a date, or a date and time to the
# minute, second, millisecond or microsecond, each with no offset, Z or ±HH:MM. Compared after
# translate() (PostgreSQL's regular expressions cost several times as much per row); the ranges
# (month 1-12, a day that exists, hour < 24 unless 24:00, minute < 60) are then the cast's to
# timestamptz, which fails on anything else and so sends the load to the parser.
def _time_shapes() -> list[str]:
    times = ["00:00", "00:00:00", "00:00:00.000", "00:00:00.000000"]
    offsets = ["", "Z", "+00:00", "-00:00"]
    return ["0000-00-00"] + [
        f"0000-00-00{sep}{time}{offset}" for sep in "T " for time in times for offset in offsets
    ]


TIME_SHAPES = _time_shapes()
# The common shapes (to the minute or second, no offset) are checked by a round trip through
# timestamp, whose output is the canonical ISO text: equal means well formed and in range.
TIME_SHAPED = (
    "CASE length(at) WHEN 19 THEN replace(at, 'T', ' ') = at::timestamp::text "
    "WHEN 16 THEN replace(at, 'T', ' ') || ':00' = at::timestamp::text "
    "ELSE translate(at, '123456789', '000000000') IN ({shapes}) AND left(at, 4) <> '0000' "
    "AND substr(at, 12, 2) <> '24' AND substr(at, 18, 2) <> '60' END"
)
SHAPES = ", ".join(f"'{shape}'" for shape in TIME_SHAPES)
# Characters Python's strip() removes that are not ASCII control characters or space.
OTHER_SPACES = [0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
YES = ["y", "yes", "true", "1"]
FLAGS = ["", *YES, "n", "no", "false", "0"]
# An offset (Z or ±HH:MM) ends a time longer than the date's 10 characters.
HAS_OFFSET = (
    "(length(at) > 10 AND (right(at, 1) = 'Z' OR substr(at, length(at) - 5, 1) IN ('+', '-')))"
)
# The parser compares times without an offset with London's wall clock, others as instants;
# anything two hours old is past either way, so only recent rows pay for the exact test.
NOT_FUTURE = (
    "CASE WHEN ts < %(now)s - interval '2 hours' THEN true "
    f"WHEN {HAS_OFFSET} THEN ts <= %(now)s ELSE at::timestamp <= %(local_now)s END"
)


def parameters() -> dict[str, object]:
    return {
        "alphanumeric": ALPHANUMERIC,
        "channels": list(Channel.values),
        "services": ["", *(code for code, _ in SERVICES)],
        "flags": FLAGS,
        "yes": YES,
        "avoidable": ["", "yes", "no", "unassessed"],
        "reasons": ["", *AvoidableReason.values],
        "exclusions": ["", *Exclusion.values],
    }


def converted(raw: str, layout: Layout) -> str:
    """SELECT of the raw table's rows as contact values plus ``ok`` (the parser would accept
    the row). Parameters: parameters(), organisation, now, local_now."""

    def field(name: str) -> str:
        position = layout.positions[COLUMNS.index(name)]
        return "''" if position == layout.width else f"r.c{position + 1}"

    spaces = ", ".join(str(code) for code in OTHER_SPACES)
    values = (
        f"SELECT {field('received_at')} AS at, {field('channel')} AS channel, "  # noqa: S608  # nosec B608
        f"{field('access_point')} AS point, {field('service')} AS service, "
        f"{field('request_type')} AS request, lower({field('resolved_first')}) AS first, "
        f"lower({field('request_resolved')}) AS resolved, "
        f"lower({field('avoidable')}) AS avoidable, "
        f"{field('avoidable_reason')} AS reason, {field('area_code')} AS area, "
        f"{field('exclusion')} AS excl FROM {raw} AS r"
    )
    shaped = (
        "SELECT v.*, ap.id AS point_id, ap.retired_on AS point_closed, at::timestamptz AS ts, "  # noqa: S608  # nosec B608
        "channel = ANY(%(channels)s) AND (point = '' OR ap.id IS NOT NULL) "
        "AND octet_length(service) = char_length(service) AND upper(service) = ANY(%(services)s) "
        "AND char_length(request) <= 100 AND (request = '' OR "
        f"(ascii(request) > 32 AND ascii(request) NOT IN ({spaces}) "
        f"AND ascii(right(request, 1)) > 32 AND ascii(right(request, 1)) NOT IN ({spaces}))) "
        "AND first = ANY(%(flags)s) AND resolved = ANY(%(flags)s) "
        "AND avoidable = ANY(%(avoidable)s) AND reason = ANY(%(reasons)s) "
        "AND (reason = '' OR avoidable = 'yes') "
        f"AND excl = ANY(%(exclusions)s) AND {TIME_SHAPED.format(shapes=SHAPES)} AS shaped "
        f"FROM ({values} OFFSET 0) AS v LEFT JOIN customers_accesspoint AS ap "
        "ON ap.organisation_id = %(organisation)s AND ap.code = v.point"
    )
    return (
        f"SELECT ts, ts::date AS day, channel, point_id, upper(service) AS service, request, "  # noqa: S608  # nosec B608
        "CASE WHEN first = '' THEN NULL ELSE first = ANY(%(yes)s) END AS first, "
        "resolved = ANY(%(yes)s) AS resolved, "
        "CASE WHEN avoidable = '' THEN 'unassessed' ELSE avoidable END AS avoidable, "
        # A retired access point only for contacts from before the day it closed (London days).
        f"reason, area, excl, coalesce(shaped AND {NOT_FUTURE} "
        "AND (point_closed IS NULL OR ts::date < point_closed), false) AS ok "
        f"FROM ({shaped} OFFSET 0) AS s"
    )
