from django.urls import path

from . import views

app_name = "movein"
urlpatterns = [
    path("move-in/", views.movein_upload, name="movein_upload"),
    path("move-in/<str:movein_uuid>/map/", views.movein_map, name="movein_map"),
    path("move-in/<str:movein_uuid>/", views.movein_preview, name="movein_preview"),
    path("move-in/<str:movein_uuid>/report/", views.movein_report, name="movein_report"),
]
