from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ServicePlan, Template, TemplateSection


class TemplateSectionInline(admin.StackedInline):  # type: ignore[type-arg]
    model = TemplateSection
    extra = 0
    fields = ["position", "key", "heading", "kind", "columns", "link_kind", "aliases", "guidance"]


@admin.register(Template)
class TemplateAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "is_default"]
    inlines = [TemplateSectionInline]


@admin.register(ServicePlan)
class ServicePlanAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organisation", "unit", "year", "status"]
    list_filter = ["status", "year", "organisation"]
    raw_id_fields = ["tracked_plan", "previous", "unit", "committee"]
