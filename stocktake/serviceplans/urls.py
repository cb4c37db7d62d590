from django.urls import path

from . import views, views_template, views_workflow

app_name = "serviceplans"
P = "service-plans/<str:serviceplan_uuid>/"
urlpatterns = [
    path("service-plans/", views.plan_list, name="plan_list"),
    path("service-plans/new/", views.plan_create, name="plan_create"),
    path(
        "service-plans/from-import/<str:plan_uuid>/",
        views.plan_from_import,
        name="plan_from_import",
    ),
    path(
        "service-plans/assembly/<str:organisation_uuid>/",
        views_workflow.assembly,
        name="assembly",
    ),
    path(
        "service-plans/template/<str:organisation_uuid>/",
        views_template.template_detail,
        name="template",
    ),
    path(
        "service-plans/template/sections/<str:template_section_uuid>/",
        views_template.template_section_edit,
        name="template_section",
    ),
    path(P, views.plan_detail, name="plan_detail"),
    path(P + "sections/<str:section_uuid>/", views.section_edit, name="section_edit"),
    path(P + "comments/", views.comment_add, name="comment_add"),
    path(P + "workflow/<str:name>/", views_workflow.plan_transition, name="plan_transition"),
    path(P + "versions/", views_workflow.plan_versions, name="plan_versions"),
    path(P + "roll-forward/", views_workflow.plan_roll_forward, name="roll_forward"),
    path(P + "service-plan.docx", views.plan_word, name="plan_docx"),
    path(P + "service-plan.pdf", views.plan_pdf_view, name="plan_pdf"),
]
