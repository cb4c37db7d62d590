from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Complaint, ComplaintCalendar, ComplaintStage, Procedure, Stage


class StageInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Stage
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "ombudsman", "is_default"]
    list_filter = ["organisation"]
    inlines = [StageInline]


@admin.register(ComplaintCalendar)
class ComplaintCalendarAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["organisation", "region"]


class ComplaintStageInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ComplaintStage
    extra = 0
    raw_id_fields = ["handler", "stage"]


@admin.register(Complaint)
class ComplaintAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    # Personal fields stay in the form for administrators but out of the change list.
    list_display = ["reference", "organisation", "received_on", "status", "next_due_on"]
    list_filter = ["status", "organisation", "procedure__code"]
    search_fields = ["reference"]
    raw_id_fields = ["unit", "procedure"]
    inlines = [ComplaintStageInline]
