from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MappingProfile, MoveIn, MoveInJob


@admin.register(MappingProfile)
class MappingProfileAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "kind"]
    list_filter = ["kind"]


@admin.register(MoveIn)
class MoveInAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["source", "organisation", "kind", "state", "created_at"]
    list_filter = ["kind", "state"]
    readonly_fields = ["report"]


@admin.register(MoveInJob)
class MoveInJobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["movein", "dry_run", "status", "rows_done", "rows_total", "created_at"]
    list_filter = ["status", "dry_run"]
    readonly_fields = ["movein", "requested_by", "error"]
