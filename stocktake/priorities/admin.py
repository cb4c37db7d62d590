from django.contrib import admin

from .models import Priority


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "title", "kind", "parent", "organisation"]
    list_filter = ["organisation", "kind"]
