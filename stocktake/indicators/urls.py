from django.urls import path

from . import views, views_datasets, views_editing

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator_list"),
    # Before the indicator pattern, which would take "import" for an indicator's id.
    path("indicators/import/", views_datasets.dataset_upload, name="dataset_upload"),
    path(
        "indicators/import/<str:dataset_uuid>/",
        views_datasets.dataset_preview,
        name="dataset_preview",
    ),
    path("indicators/<str:indicator_uuid>/", views.indicator_detail, name="indicator_detail"),
    path(
        "indicators/<str:indicator_uuid>/values/add/",
        views.measurement_add,
        name="measurement_add",
    ),
    path(
        "indicators/<str:indicator_uuid>/definition/",
        views_editing.definition_edit,
        name="definition_edit",
    ),
    path(
        "indicators/<str:indicator_uuid>/publish/",
        views_editing.indicator_publish,
        name="indicator_publish",
    ),
    path(
        "indicators/<str:indicator_uuid>/targets/add/",
        views_editing.target_add,
        name="target_add",
    ),
    path(
        "indicators/<str:indicator_uuid>/targets/<str:target_uuid>/",
        views_editing.target_edit,
        name="target_edit",
    ),
    path("my/indicators/", views.my_indicators, name="my_indicators"),
    path("collection/", views.collection, name="collection"),
    path("scorecards/plans/<str:plan_uuid>/", views.plan_scorecard, name="plan_scorecard"),
    path("scorecards/services/<str:unit_uuid>/", views.unit_scorecard, name="unit_scorecard"),
]
