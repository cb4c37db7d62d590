from django.urls import path

from . import views, views_kb, views_public

app_name = "consultations"
ORG = "organisations/<str:organisation_uuid>/"
ONE = "consultations/<str:consultation_uuid>/"
urlpatterns = [
    path(f"{ORG}consultations/", views.register, name="register"),
    path(f"{ORG}consultations/new/", views.plan, name="plan"),
    path(ONE, views.detail, name="detail"),
    path(f"{ONE}edit/", views.edit, name="edit"),
    path(f"{ONE}responses/", views.responses, name="responses"),
    path(f"{ONE}feedback/", views.feedback, name="feedback"),
    path("public/consultations/", views_public.published, name="public_list"),
    path(
        "public/consultations/<str:consultation_uuid>/",
        views_public.published_detail,
        name="public_detail",
    ),
    path(f"{ORG}knowledge/", views_kb.search, name="kb_search"),
    path(f"{ORG}knowledge/stale/", views_kb.stale, name="kb_stale"),
    path(f"{ORG}knowledge/new/", views_kb.create, name="kb_create"),
    path("knowledge/<str:entry_uuid>/edit/", views_kb.edit, name="kb_edit"),
]
