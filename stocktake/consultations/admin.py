from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Consultation, Entry, Feedback, ResponseCount


class FeedbackInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Feedback
    extra = 0
    raw_id_fields = ["action"]


class ResponseCountInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ResponseCount
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organisation", "status", "opens_on", "closes_on"]
    list_filter = ["status", "organisation"]
    search_fields = ["title"]
    raw_id_fields = ["unit", "lead_officer", "action"]
    inlines = [ResponseCountInline, FeedbackInline]


@admin.register(Entry)
class EntryAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["question", "organisation", "kind", "review_on"]
    list_filter = ["kind", "organisation"]
    search_fields = ["question"]
    raw_id_fields = ["unit", "owner"]
