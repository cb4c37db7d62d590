from django.urls import path

from . import views, views_workflow

app_name = "plans"
urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/<str:plan_uuid>/", views.plan_detail, name="plan_detail"),
    path("actions/<str:action_uuid>/", views.action_detail, name="action_detail"),
    path("actions/<str:action_uuid>/update/", views.action_update_add, name="action_update"),
    path("actions/<str:action_uuid>/edit/", views.action_edit, name="action_edit"),
    path("my/actions/", views.my_actions, name="my_actions"),
    path(
        "plans/<str:plan_uuid>/workflow/<str:name>/",
        views_workflow.plan_transition,
        name="plan_transition",
    ),
    path("plans/<str:plan_uuid>/versions/", views_workflow.plan_versions, name="plan_versions"),
    path("actions/<str:action_uuid>/close/", views_workflow.action_close, name="action_close"),
    path("actions/<str:action_uuid>/evidence/", views_workflow.evidence_add, name="evidence_add"),
    path("evidence/<str:evidence_uuid>/", views_workflow.evidence_download, name="evidence_file"),
]
