from django.contrib import admin

from .models import (
    Committee,
    Delegation,
    Membership,
    Organisation,
    PartnershipMember,
    Person,
    Portfolio,
    Post,
    PostHolding,
    Role,
    Unit,
)


class PartnershipMemberInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PartnershipMember
    fk_name = "partnership"
    extra = 0


class PostHoldingInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PostHolding
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "gss_code", "councillors_see_drafts"]
    search_fields = ["name", "gss_code"]
    inlines = [PartnershipMemberInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "organisation", "parent", "start_date", "end_date"]
    list_filter = ["kind", "organisation"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "job_title", "email", "organisation", "user", "left_on"]
    search_fields = ["name", "email"]
    list_filter = ["organisation"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "description"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["user", "role", "organisation", "unit"]
    list_filter = ["role", "organisation"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "organisation", "unit"]
    list_filter = ["organisation"]
    search_fields = ["title"]
    inlines = [PostHoldingInline]


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["delegator", "delegate", "start_date", "end_date"]


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "cabinet_member", "organisation", "start_date", "end_date"]
    list_filter = ["organisation"]


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "organisation", "start_date", "end_date"]
    list_filter = ["organisation", "kind"]
