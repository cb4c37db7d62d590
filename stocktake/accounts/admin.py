from django.contrib import admin

from .models import Membership, Organisation, Person, Role, Unit


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "gss_code"]
    search_fields = ["name", "gss_code"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "organisation", "parent"]
    list_filter = ["kind", "organisation"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "job_title", "email", "organisation", "user"]
    search_fields = ["name", "email"]
    list_filter = ["organisation"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "description"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "role", "organisation", "unit"]
    list_filter = ["role", "organisation"]
