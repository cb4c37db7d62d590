from django.urls import path

from . import views, views_equality, views_owners, views_partnerships

app_name = "risks"
urlpatterns = [
    path("risks/", views.risk_index, name="index"),
    path("organisations/<str:organisation_uuid>/risks/", views.register, name="register"),
    path(
        "organisations/<str:organisation_uuid>/risks/behind/",
        views.risks_behind,
        name="risks_behind",
    ),
    path("organisations/<str:organisation_uuid>/risks/new/", views.risk_create, name="risk_create"),
    path("risks/<str:risk_uuid>/", views.risk_detail, name="risk_detail"),
    path("risks/<str:risk_uuid>/edit/", views.risk_edit, name="risk_edit"),
    path("risks/<str:risk_uuid>/review/", views.risk_review, name="risk_review"),
    path(
        "organisations/<str:organisation_uuid>/risks/owners/",
        views_owners.owners,
        name="owners",
    ),
    path(
        "organisations/<str:organisation_uuid>/partnerships/",
        views_partnerships.register,
        name="partnerships",
    ),
    path(
        "organisations/<str:organisation_uuid>/partnerships/new/",
        views_partnerships.partnership_create,
        name="partnership_create",
    ),
    path(
        "partnerships/<str:partnership_uuid>/",
        views_partnerships.partnership_detail,
        name="partnership_detail",
    ),
    path(
        "partnerships/<str:partnership_uuid>/edit/",
        views_partnerships.partnership_edit,
        name="partnership_edit",
    ),
    path(
        "partnerships/<str:partnership_uuid>/review/",
        views_partnerships.partnership_review,
        name="partnership_review",
    ),
    path(
        "organisations/<str:organisation_uuid>/equality/",
        views_equality.programme,
        name="programme",
    ),
    path(
        "organisations/<str:organisation_uuid>/equality/new/",
        views_equality.assessment_create,
        name="assessment_create",
    ),
    path(
        "equality/<str:assessment_uuid>/edit/",
        views_equality.assessment_edit,
        name="assessment_edit",
    ),
]
