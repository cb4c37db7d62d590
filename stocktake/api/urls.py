"""Mounted at /api/: the API itself (schema at /api/schema/, docs at /api/docs/) and the
page where people make and revoke their tokens."""

from django.urls import path

from . import views
from .registry import api

urlpatterns = [
    path("tokens/", views.token_list, name="api_token_list"),
    path("tokens/<str:token_uuid>/revoke/", views.token_revoke, name="api_token_revoke"),
    path("", api.urls),
]
