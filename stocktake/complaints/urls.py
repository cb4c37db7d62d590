from django.urls import path

from . import views, views_steps

app_name = "complaints"
ORG = "organisations/<str:organisation_uuid>/complaints/"
urlpatterns = [
    path("complaints/", views.index, name="index"),
    path(ORG, views.register, name="register"),
    path(f"{ORG}due/", views.due, name="due"),
    path(f"{ORG}new/", views.receive, name="receive"),
    path(f"{ORG}report/", views.report, name="report"),
    path(f"{ORG}report.pdf", views.report_pdf, name="report_pdf"),
    path(f"{ORG}report.docx", views.report_docx, name="report_docx"),
    path("complaints/<str:complaint_uuid>/", views.detail, name="detail"),
    path("complaints/<str:complaint_uuid>/<str:step>/", views_steps.step, name="step"),
]
