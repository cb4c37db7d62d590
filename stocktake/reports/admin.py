from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportDefinition, ReportJob, ReportSnapshot


@admin.register(ReportDefinition)
class ReportDefinitionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organisation", "layout", "as_at"]


@admin.register(ReportSnapshot)
class ReportSnapshotAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read only: a snapshot is the record of what was published."""

    list_display = ["title", "organisation", "as_at", "published_at", "is_public"]

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "organisation", "format", "status", "progress", "created_at"]
    list_filter = ["status", "format"]
