"""Risk registers, partnerships, and equality impact assessments with their characteristics."""

from __future__ import annotations

from stocktake.risks.models import (
    Characteristic,
    CharacteristicSet,
    EqualityAssessment,
    Partnership,
    PartnershipReview,
    Risk,
    RiskReview,
    ScoringMatrix,
)

from ..tables import Table

TABLES = [
    Table(
        "risks.scoringmatrix",
        ScoringMatrix,
        lambda org: ScoringMatrix.objects.filter(organisation=org),
    ),
    Table(
        "risks.partnership", Partnership, lambda org: Partnership.objects.filter(organisation=org)
    ),
    Table("risks.risk", Risk, lambda org: Risk.objects.filter(organisation=org)),
    Table("risks.riskreview", RiskReview, lambda org: RiskReview.objects.filter(organisation=org)),
    Table(
        "risks.partnershipreview",
        PartnershipReview,
        lambda org: PartnershipReview.objects.filter(organisation=org),
    ),
    # National lists are made by a migration in every database, each time with new UUIDs, so
    # lists are known by name and version, and their items by place in the list.
    Table(
        "risks.characteristicset",
        CharacteristicSet,
        lambda org: CharacteristicSet.objects.filter(organisation=org),
        key=("organisation", "name", "version"),
        shared=True,
    ),
    Table(
        "risks.characteristic",
        Characteristic,
        lambda org: Characteristic.objects.filter(set__organisation=org),
        key=("set", "position", "name"),
        shared=True,
    ),
    Table(
        "risks.equalityassessment",
        EqualityAssessment,
        lambda org: EqualityAssessment.objects.filter(organisation=org),
    ),
]
