from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Criterion, Framework, FrameworkAssessment


@admin.register(Framework)
class FrameworkAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "version", "code", "rule"]
    search_fields = ["title", "code"]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["ref", "title", "level", "framework"]
    list_filter = ["framework"]


@admin.register(FrameworkAssessment)
class FrameworkAssessmentAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organisation", "framework", "as_at", "status"]
    list_filter = ["status", "framework"]
    raw_id_fields = ["organisation", "unit"]
