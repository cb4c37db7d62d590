from django.urls import path

from . import views, views_form, views_review

app_name = "cycles"
urlpatterns = [
    path("cycles/", views.cycle_list, name="cycle_list"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("cycles/<str:cycle_uuid>/", views.cycle_detail, name="cycle_detail"),
    path("cycles/<str:cycle_uuid>/open/", views.cycle_open, name="cycle_open"),
    path("cycles/<str:cycle_uuid>/close/", views.cycle_close, name="cycle_close"),
    path("cycles/<str:cycle_uuid>/lock/", views.cycle_lock, name="cycle_lock"),
    path("cycles/<str:cycle_uuid>/review/", views_review.cycle_review, name="cycle_review"),
    path(
        "cycles/<str:cycle_uuid>/review/<str:update_uuid>/",
        views_review.update_review,
        name="update_review",
    ),
    path(
        "cycles/<str:cycle_uuid>/requests/<str:request_uuid>/revoke/",
        views.link_revoke,
        name="link_revoke",
    ),
    path("u/<str:token>/", views_form.update_form, name="update_form"),
]
