from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/<str:indicator_uuid>/", views.indicator_detail, name="indicator_detail"),
    path(
        "indicators/<str:indicator_uuid>/values/add/",
        views.measurement_add,
        name="measurement_add",
    ),
    path("my/indicators/", views.my_indicators, name="my_indicators"),
    path("scorecards/plans/<str:plan_uuid>/", views.plan_scorecard, name="plan_scorecard"),
    path("scorecards/services/<str:unit_uuid>/", views.unit_scorecard, name="unit_scorecard"),
]
