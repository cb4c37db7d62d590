from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("organisations/<str:organisation_uuid>/export/", views.export_page, name="export_page"),
    path(
        "organisations/<str:organisation_uuid>/export.json",
        views.export_download,
        {"fmt": "json"},
        name="export_json",
    ),
    path(
        "organisations/<str:organisation_uuid>/export.zip",
        views.export_download,
        {"fmt": "zip"},
        name="export_zip",
    ),
    path("open/plans.json", views.open_plans, {"fmt": "json"}, name="open_plans_json"),
    path("open/plans.csv", views.open_plans, {"fmt": "csv"}, name="open_plans_csv"),
    path(
        "open/plans/<str:plan_uuid>.json", views.open_plan, {"fmt": "json"}, name="open_plan_json"
    ),
    path("open/plans/<str:plan_uuid>.csv", views.open_plan, {"fmt": "csv"}, name="open_plan_csv"),
    path(
        "open/indicators.json", views.open_indicators, {"fmt": "json"}, name="open_indicators_json"
    ),
    path("open/indicators.csv", views.open_indicators, {"fmt": "csv"}, name="open_indicators_csv"),
    path(
        "open/indicators/<str:indicator_uuid>.json",
        views.open_indicator,
        {"fmt": "json"},
        name="open_indicator_json",
    ),
    path(
        "open/indicators/<str:indicator_uuid>.csv",
        views.open_indicator,
        {"fmt": "csv"},
        name="open_indicator_csv",
    ),
]
