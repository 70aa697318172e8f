from django.urls import URLPattern, path

from agora.events.views import dashboard

urlpatterns: list[URLPattern] = [
    path("manage/", dashboard.event_manage_list, name="event-manage-list"),
    path("<slug:slug>/manage/", dashboard.event_dashboard, name="event-dashboard"),
]
