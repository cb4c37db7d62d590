from django.urls import path

from . import views, views_assessment, views_criterion, views_reports

app_name = "frameworks"
A = "framework-assessments/<str:framework_assessment_uuid>/"
C = A + "criteria/<str:criterion_uuid>/"
urlpatterns = [
    path("frameworks/", views.framework_list, name="framework_list"),
    path("frameworks/upload/", views.framework_upload, name="framework_upload"),
    path("frameworks/<str:framework_uuid>/", views.framework_detail, name="framework_detail"),
    path(
        "frameworks/<str:framework_uuid>/framework.json",
        views.framework_download,
        {"fmt": "json"},
        name="framework_json",
    ),
    path(
        "frameworks/<str:framework_uuid>/framework.csv",
        views.framework_download,
        {"fmt": "csv"},
        name="framework_csv",
    ),
    path(
        "frameworks/<str:framework_uuid>/framework.xlsx",
        views.framework_download,
        {"fmt": "xlsx"},
        name="framework_xlsx",
    ),
    path("framework-assessments/", views_assessment.assessment_list, name="assessment_list"),
    path("framework-assessments/new/", views_assessment.assessment_create, name="assessment_new"),
    path(A, views_assessment.assessment_detail, name="assessment_detail"),
    path(A + "assessors/", views_assessment.assessor_add, name="assessor_add"),
    path(A + "submit/", views_assessment.assessment_submit, name="assessment_submit"),
    path(A + "review/", views_assessment.assessment_review, name="assessment_review"),
    path(A + "external/", views_assessment.external_record, name="external_record"),
    path(A + "pack/", views_reports.pack_page, name="pack"),
    path(A + "pack.pdf", views_reports.pack_pdf, name="pack_pdf"),
    path(A + "pack.docx", views_reports.pack_docx, name="pack_docx"),
    path(C, views_criterion.criterion_detail, name="criterion_detail"),
    path(C + "rating/", views_criterion.rating_set, name="rating_set"),
    path(C + "external/", views_criterion.external_rating_set, name="external_rating_set"),
    path(C + "evidence/", views_criterion.evidence_add, name="evidence_add"),
    path(C + "gaps/new/", views_criterion.gap_action_create, name="gap_new"),
    path(C + "gaps/link/", views_criterion.gap_action_link, name="gap_link"),
    path(
        C + "gaps/<str:action_uuid>/unlink/",
        views_criterion.gap_action_unlink,
        name="gap_unlink",
    ),
    path(
        "framework-evidence/<str:framework_evidence_uuid>/",
        views_criterion.evidence_file,
        name="evidence_file",
    ),
]
