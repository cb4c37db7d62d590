from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Baseline,
    ComparisonGroup,
    DatasetImport,
    Indicator,
    IndicatorDefinition,
    Measurement,
    Target,
)


@admin.register(IndicatorDefinition)
class IndicatorDefinitionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["code", "title", "family", "organisation", "version", "polarity"]
    list_filter = ["family", "data_type", "polarity", "frequency"]
    search_fields = ["code", "title"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["definition", "organisation", "unit", "owner_person", "is_public"]
    list_filter = ["organisation", "is_public"]
    search_fields = ["definition__code", "definition__title"]
    raw_id_fields = ["definition", "plan", "section", "owner_person", "owner_post"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["indicator", "period_label", "name", "is_primary", "value", "text"]
    raw_id_fields = ["indicator"]


@admin.register(Baseline)
class BaselineAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["indicator", "period_label", "value", "value_text"]
    raw_id_fields = ["indicator"]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["indicator", "period_label", "value", "status", "direction", "state"]
    list_filter = ["status", "state"]
    raw_id_fields = ["indicator", "definition", "entered_by"]


@admin.register(ComparisonGroup)
class ComparisonGroupAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(DatasetImport)
class DatasetImportAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["source", "organisation", "state", "by", "created_at"]
    list_filter = ["state"]
