from django.urls import path

from . import views, views_jobs, views_public

app_name = "reports"
urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/new/", views.report_builder, name="report_builder"),
    path("reports/save/", views.definition_save, name="definition_save"),
    path("reports/files/", views_jobs.job_create, name="job_create"),
    path("reports/files/<str:job_uuid>/", views_jobs.job_detail, name="job_detail"),
    path("reports/files/<str:job_uuid>/download/", views_jobs.job_download, name="job_download"),
    path("reports/<str:definition_uuid>/", views.definition_detail, name="definition_detail"),
    path(
        "reports/<str:definition_uuid>/publish/",
        views.definition_publish,
        name="definition_publish",
    ),
    path("published/<str:snapshot_uuid>/", views.snapshot_detail, name="snapshot_detail"),
    path("dashboard/", views_public.my_dashboard, name="my_dashboard"),
    path(
        "organisations/<str:organisation_uuid>/dashboard/",
        views_public.dashboard,
        name="dashboard",
    ),
    path("public/", views_public.public_index, name="public_index"),
    path("public/plans/<str:plan_uuid>/", views_public.public_scorecard, name="public_scorecard"),
]
