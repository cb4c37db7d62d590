from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from stocktake.accounts.views_signin import SignInView
from stocktake.core.views import healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="plans:plan_list", permanent=False), name="home"),
    path("healthz", healthz, name="healthz"),
    path("sign-in/", SignInView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("stocktake.api.urls")),
    path("", include("stocktake.exchange.urls")),
    path("", include("stocktake.plans.urls")),
    path("", include("stocktake.complaints.urls")),
    path("", include("stocktake.consultations.urls")),
    path("", include("stocktake.serviceplans.urls")),
    path("", include("stocktake.movein.urls")),
    path("", include("stocktake.frameworks.urls")),
    path("", include("stocktake.customers.urls")),
    path("", include("stocktake.cycles.urls")),
    path("", include("stocktake.reports.urls")),
    path("", include("stocktake.indicators.urls")),
    path("", include("stocktake.risks.urls")),
    path("", include("stocktake.accounts.urls")),
    path("", include("stocktake.priorities.urls")),
    path("", include("stocktake.imports.urls")),
]
