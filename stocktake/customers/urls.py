from django.urls import path

from . import views, views_feedback, views_upload
from . import views_manage as manage
from . import views_manage_shopping as shopping

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
    # Managing access points, standards and mystery shopping (views_manage*.py).
    path(
        "contacts/<str:organisation_uuid>/access-points/",
        manage.access_points,
        name="manage_access_points",
    ),
    path(
        "contacts/<str:organisation_uuid>/access-points/new/",
        manage.access_point_new,
        name="access_point_new",
    ),
    path(
        "access-points/<str:access_point_uuid>/edit/",
        manage.access_point_edit,
        name="access_point_edit",
    ),
    path(
        "access-points/<str:access_point_uuid>/hours/",
        manage.access_point_hours,
        name="access_point_hours",
    ),
    path(
        "access-points/<str:access_point_uuid>/hours/sessions/",
        manage.session_add,
        name="session_add",
    ),
    path(
        "access-points/<str:access_point_uuid>/hours/sessions/remove/",
        manage.session_remove,
        name="session_remove",
    ),
    path(
        "access-points/<str:access_point_uuid>/hours/exceptions/",
        manage.exception_set,
        name="exception_set",
    ),
    path(
        "access-points/<str:access_point_uuid>/hours/exceptions/remove/",
        manage.exception_remove,
        name="exception_remove",
    ),
    path(
        "access-points/<str:access_point_uuid>/retire/",
        manage.access_point_retire,
        name="access_point_retire",
    ),
    path(
        "access-points/<str:access_point_uuid>/reinstate/",
        manage.access_point_reinstate,
        name="access_point_reinstate",
    ),
    path(
        "contacts/<str:organisation_uuid>/service-standards/",
        shopping.standards,
        name="manage_standards",
    ),
    path(
        "contacts/<str:organisation_uuid>/service-standards/new/",
        shopping.standard_new,
        name="standard_new",
    ),
    path(
        "service-standards/<str:standard_uuid>/edit/",
        shopping.standard_edit,
        name="standard_edit",
    ),
    path(
        "service-standards/<str:standard_uuid>/delete/",
        shopping.standard_delete,
        name="standard_delete",
    ),
    path(
        "contacts/<str:organisation_uuid>/mystery-shopping/",
        shopping.exercises,
        name="exercises",
    ),
    path(
        "contacts/<str:organisation_uuid>/mystery-shopping/new/",
        shopping.exercise_new,
        name="exercise_new",
    ),
    path(
        "mystery-shopping/<str:exercise_uuid>/",
        shopping.exercise_detail,
        name="exercise_detail",
    ),
    path(
        "mystery-shopping/<str:exercise_uuid>/edit/",
        shopping.exercise_edit,
        name="exercise_edit",
    ),
    path(
        "mystery-shopping/<str:exercise_uuid>/delete/",
        shopping.exercise_delete,
        name="exercise_delete",
    ),
    path(
        "mystery-shopping/<str:exercise_uuid>/checks/",
        shopping.check_add,
        name="check_add",
    ),
    path(
        "mystery-shopping/<str:exercise_uuid>/actions/",
        shopping.exercise_actions,
        name="exercise_actions",
    ),
    path(
        "mystery-shopping-checks/<str:check_uuid>/edit/",
        shopping.check_edit,
        name="check_edit",
    ),
    path(
        "mystery-shopping-checks/<str:check_uuid>/delete/",
        shopping.check_delete,
        name="check_delete",
    ),
    # Uploads: contacts in the background, feedback and areas at once (views_upload.py).
    path(
        "contacts/<str:organisation_uuid>/upload/",
        views_upload.contacts_upload,
        name="contacts_upload",
    ),
    path(
        "contacts/<str:organisation_uuid>/upload/<str:upload_uuid>/",
        views_upload.contacts_upload_status,
        name="contacts_upload_status",
    ),
    path(
        "contacts/<str:organisation_uuid>/feedback/upload/",
        views_upload.feedback_upload,
        name="feedback_upload",
    ),
    path("customer-areas/upload/", views_upload.areas_upload, name="areas_upload"),
]
