from django.contrib import admin

from .models import Outbox, ReportingCycle


@admin.register(ReportingCycle)
class ReportingCycleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "organisation", "plan", "deadline", "status"]
    list_filter = ["status"]


@admin.register(Outbox)
class OutboxAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["cycle", "owner", "kind", "offset_days", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["cycle", "owner", "organisation"]
