from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "prefix", "user", "organisation", "created_at", "last_used_at"]
    list_filter = ["organisation"]
    readonly_fields = ["token_hash", "prefix", "last_used_at", "created_at"]
