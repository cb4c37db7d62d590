from django.urls import path

from . import views, views_confirm, views_form, views_outbox, views_review

app_name = "cycles"
urlpatterns = [
    path("cycles/", views.cycle_list, name="cycle_list"),
    path("cycles/new/", views.cycle_create, name="cycle_create"),
    path("cycles/<str:cycle_uuid>/", views.cycle_detail, name="cycle_detail"),
    path("cycles/<str:cycle_uuid>/open/", views_confirm.cycle_open, name="cycle_open"),
    path("cycles/<str:cycle_uuid>/close/", views_confirm.cycle_close, name="cycle_close"),
    path("cycles/<str:cycle_uuid>/lock/", views_confirm.cycle_lock, name="cycle_lock"),
    path("cycles/<str:cycle_uuid>/review/", views_review.cycle_review, name="cycle_review"),
    path(
        "cycles/<str:cycle_uuid>/review/<str:update_uuid>/",
        views_review.update_review,
        name="update_review",
    ),
    path(
        "cycles/<str:cycle_uuid>/requests/<str:request_uuid>/revoke/",
        views_confirm.link_revoke,
        name="link_revoke",
    ),
    path("cycles/<str:cycle_uuid>/emails/", views_outbox.cycle_emails, name="cycle_emails"),
    path(
        "cycles/<str:cycle_uuid>/requests/<str:request_uuid>/link/",
        views_outbox.owner_link,
        name="owner_link",
    ),
    path("u/<str:token>/", views_form.update_form, name="update_form"),
]
