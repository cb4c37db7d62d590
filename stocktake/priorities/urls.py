from django.urls import path

from . import views

app_name = "priorities"
urlpatterns = [path("priorities/", views.priority_list, name="priority_list")]
