from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, DueRevision, Milestone, Plan, ProgressUpdate, Section


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "kind", "organisation", "status"]
    list_filter = ["kind", "status", "organisation"]
    search_fields = ["title"]


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["ref", "title", "plan"]
    list_filter = ["plan"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["ref", "text", "plan", "progress_status", "rag", "due_date"]
    list_filter = ["progress_status", "rag", "plan"]
    search_fields = ["ref", "text"]
    raw_id_fields = ["plan", "section"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["action", "as_at", "progress_status", "rag"]
    raw_id_fields = ["action", "author"]


@admin.register(DueRevision)
class DueRevisionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["action", "revised_on", "previous_due_text", "new_due_text"]
    raw_id_fields = ["action"]


@admin.register(Milestone)
class MilestoneAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["action", "text", "due_date"]
    raw_id_fields = ["action"]
