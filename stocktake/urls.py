from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from stocktake.core.views import healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="plans:plan_list", permanent=False), name="home"),
    path("healthz", healthz, name="healthz"),
    # The login view names the current site itself; ours is the service name from settings.
    path(
        "sign-in/",
        auth_views.LoginView.as_view(extra_context={"site_name": settings.SITE_NAME}),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("admin/", admin.site.urls),
    path("", include("stocktake.plans.urls")),
    path("", include("stocktake.cycles.urls")),
    path("", include("stocktake.reports.urls")),
    path("", include("stocktake.indicators.urls")),
    path("", include("stocktake.risks.urls")),
    path("", include("stocktake.accounts.urls")),
    path("", include("stocktake.priorities.urls")),
    path("", include("stocktake.imports.urls")),
]
