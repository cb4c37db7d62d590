"""The template a council starts with, in the shape of a district council service plan
(functions, context, objectives, customers, performance, resources, workforce, equalities,
risks, then the action and operational plans). Councils change it; aliases help imports."""

from __future__ import annotations

from typing import Any

PESTLE = ["Political", "Economic", "Social", "Technological", "Legislative", "Environmental"]
SWOT = ["Strengths", "Weaknesses", "Opportunities", "Threats"]
# Other words papers use for a grid label.
LABEL_ALIASES = {
    "legislation": "Legislative",
    "legal": "Legislative",
    "technology": "Technological",
}

DEFAULT_SECTIONS: list[dict[str, Any]] = [
    {
        "key": "functions",
        "heading": "Key functions and responsibilities",
        "kind": "text",
        "aliases": ["functions", "responsibilities", "about the service"],
    },
    {
        "key": "drivers",
        "heading": "External drivers",
        "kind": "pestle",
        "columns": PESTLE,
        "aliases": ["pestle", "external factors", "context"],
    },
    {
        "key": "partners",
        "heading": "Key partners",
        "kind": "table",
        "columns": ["Partner", "Arrangement"],
        "aliases": ["partners", "partnerships"],
    },
    {
        "key": "swot",
        "heading": "Strengths, weaknesses, opportunities and threats",
        "kind": "swot",
        "columns": SWOT,
        "aliases": ["strengths and weaknesses", "swot", "swot analysis"],
    },
    {
        "key": "objectives",
        "heading": "Service objectives",
        "kind": "links",
        "link_kind": "objectives",
        "aliases": ["objectives", "council s aims", "aims", "priorities"],
    },
    {
        "key": "customers",
        "heading": "Our customers",
        "kind": "text",
        "aliases": ["customers", "customer insight", "what customers think"],
    },
    {
        "key": "performance",
        "heading": "Progress and performance overview",
        "kind": "text",
        "aliases": ["progress performance overview", "performance overview", "progress"],
    },
    {
        "key": "achievements",
        "heading": "Achievements",
        "kind": "bullets",
        "aliases": ["achievements", "key achievements"],
    },
    {
        "key": "outstanding",
        "heading": "Work outstanding",
        "kind": "bullets",
        "aliases": ["work outstanding", "work outstanding ongoing", "outstanding work"],
    },
    {
        "key": "resources",
        "heading": "Resources",
        "kind": "table",
        "columns": ["Budget line", "Outturn {year-1}", "Budget {year}", "Budget {year+1}"],
        "aliases": ["resources", "budget", "finance"],
    },
    {
        "key": "value",
        "heading": "Value for money",
        "kind": "text",
        "aliases": ["value for money overview", "value for money", "vfm"],
    },
    {
        "key": "workforce",
        "heading": "Workforce",
        "kind": "table",
        "columns": ["Post", "FTE", "Team"],
        "aliases": ["workforce overview", "workforce", "staffing"],
    },
    {
        "key": "equalities",
        "heading": "Equalities",
        "kind": "links",
        "link_kind": "equality",
        "aliases": ["equalities overview", "equalities", "equality and diversity"],
    },
    {
        "key": "risks",
        "heading": "Risks",
        "kind": "links",
        "link_kind": "risks",
        "aliases": ["risk overview", "risks", "risk management"],
    },
    {
        "key": "council_actions",
        "heading": "Council actions implementation plan",
        "kind": "links",
        "link_kind": "actions",
        "aliases": ["council actions implementation plan", "council actions"],
        "import_text": False,
    },
    {
        "key": "operational",
        "heading": "Operational plan",
        "kind": "links",
        "link_kind": "indicators",
        "aliases": ["operational plan", "operational plans", "performance indicators"],
        "import_text": False,
    },
    {
        "key": "improvement",
        "heading": "Improvement plan",
        "kind": "links",
        "link_kind": "actions",
        "aliases": ["improvement plan", "improvement plans", "action plan"],
        "import_text": False,
    },
]
