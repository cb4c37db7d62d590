from django.urls import path

from . import views, views_settings

app_name = "accounts"
urlpatterns = [
    path("people/", views.people_list, name="people"),
    path("people/reassign/", views.reassign, name="reassign"),
    path("people/duplicates/", views.duplicates, name="duplicates"),
    path("people/<str:person_uuid>/leave/", views.person_leave, name="person_leave"),
    path(
        "organisations/<str:organisation_uuid>/settings/",
        views_settings.organisation_settings,
        name="organisation_settings",
    ),
]
