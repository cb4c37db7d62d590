from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AccessPoint, Area, OpeningException, OpeningSession, ServiceType
from .models_feedback import ServiceStandard, ShoppingExercise


class SessionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OpeningSession
    extra = 0


class ExceptionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OpeningException
    extra = 0


@admin.register(AccessPoint)
class AccessPointAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "kind", "is_public"]
    list_filter = ["kind", "is_public"]
    inlines = [SessionInline, ExceptionInline]


@admin.register(ServiceStandard)
class ServiceStandardAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "organisation", "indicator", "is_published"]


@admin.register(ShoppingExercise)
class ShoppingExerciseAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["name", "organisation", "kind", "start", "end"]


admin.site.register(ServiceType)
admin.site.register(Area)
