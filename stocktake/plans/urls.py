from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/<str:plan_uuid>/", views.plan_detail, name="plan_detail"),
    path("actions/<str:action_uuid>/", views.action_detail, name="action_detail"),
    path("actions/<str:action_uuid>/update/", views.action_update_add, name="action_update"),
    path("actions/<str:action_uuid>/edit/", views.action_edit, name="action_edit"),
    path("my/actions/", views.my_actions, name="my_actions"),
]
