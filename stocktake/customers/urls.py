from django.urls import path

from . import views, views_feedback

app_name = "customers"
urlpatterns = [
    path("access-points/", views.access_point_list, name="access_point_list"),
    path(
        "access-points/<str:access_point_uuid>/",
        views.access_point_detail,
        name="access_point_detail",
    ),
    path("service-standards/", views.standards, name="standards"),
    path("contacts/", views.my_contacts, name="my_contacts"),
    path("contacts/<str:organisation_uuid>/", views.contact_dashboard, name="dashboard"),
    path(
        "contacts/<str:organisation_uuid>/segments/",
        views.segment_breakdown,
        name="segments",
    ),
    path("contacts/<str:organisation_uuid>/ni14/", views.ni14_page, name="ni14"),
    path("contacts/<str:organisation_uuid>/ni14/record/", views.ni14_feed, name="ni14_feed"),
    path("contacts/<str:organisation_uuid>/record/", views.contact_entry, name="contact_entry"),
    path("contacts/<str:organisation_uuid>/sampling/", views.sampling, name="sampling"),
    path(
        "contacts/<str:organisation_uuid>/feedback/",
        views_feedback.feedback,
        name="feedback",
    ),
]
