from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("imports/", views.import_list, name="list"),
    path("imports/new/", views.import_start, name="start"),
    path("imports/<str:record_uuid>/", views.import_review, name="review"),
    path("imports/<str:record_uuid>/preview.json", views.import_preview_json, name="preview_json"),
]
