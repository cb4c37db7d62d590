from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Characteristic,
    CharacteristicSet,
    EqualityAssessment,
    Partnership,
    PartnershipReview,
    Risk,
    RiskReview,
    ScoringMatrix,
)


@admin.register(ScoringMatrix)
class ScoringMatrixAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "amber_from", "red_from", "review_days", "is_default"]
    list_filter = ["organisation"]


class RiskReviewInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RiskReview
    extra = 0
    raw_id_fields = ["reviewer", "entered_by"]


@admin.register(Risk)
class RiskAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["ref", "title", "organisation", "residual_score", "status", "review_due_on"]
    list_filter = ["status", "category", "organisation"]
    search_fields = ["ref", "title"]
    raw_id_fields = ["plan", "unit", "parent", "owner_person", "owner_post", "matrix"]
    filter_horizontal = ["mitigating_actions"]
    inlines = [RiskReviewInline]


class CharacteristicInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Characteristic
    extra = 1


@admin.register(CharacteristicSet)
class CharacteristicSetAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "version", "effective_from", "organisation"]
    inlines = [CharacteristicInline]


@admin.register(EqualityAssessment)
class EqualityAssessmentAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organisation", "priority", "status", "due_text"]
    list_filter = ["priority", "status", "organisation"]
    search_fields = ["title"]
    raw_id_fields = ["plan", "unit", "lead_person", "lead_post"]
    filter_horizontal = ["characteristics", "actions"]


class PartnershipReviewInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PartnershipReview
    extra = 0
    raw_id_fields = ["reviewer", "entered_by"]


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "governance", "status", "review_due_on"]
    list_filter = ["status", "governance", "organisation"]
    search_fields = ["name"]
    raw_id_fields = ["unit", "body", "lead_person", "lead_post"]
    inlines = [PartnershipReviewInline]
