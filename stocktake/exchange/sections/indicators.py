"""Indicator definitions (the council's own, and the national ones it uses), values, targets."""

from __future__ import annotations

from stocktake.indicators.models import (
    Baseline,
    ComparisonGroup,
    DatasetImport,
    Indicator,
    IndicatorDefinition,
    Measurement,
    Target,
)

from ..tables import Table

TABLES = [
    Table(
        "indicators.indicatordefinition",
        IndicatorDefinition,
        lambda org: IndicatorDefinition.objects.filter(organisation=org),
        shared=True,
    ),
    Table(
        "indicators.indicator", Indicator, lambda org: Indicator.objects.filter(organisation=org)
    ),
    Table("indicators.baseline", Baseline, lambda org: Baseline.objects.filter(organisation=org)),
    Table("indicators.target", Target, lambda org: Target.objects.filter(organisation=org)),
    Table(
        "indicators.measurement",
        Measurement,
        lambda org: Measurement.objects.filter(organisation=org),
    ),
    Table(
        "indicators.comparisongroup",
        ComparisonGroup,
        lambda org: ComparisonGroup.objects.filter(organisation=org),
    ),
    Table(
        "indicators.datasetimport",
        DatasetImport,
        lambda org: DatasetImport.objects.filter(organisation=org),
    ),
]
