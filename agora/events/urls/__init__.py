"""The events app's URLs, one module per part of the app."""

from agora.events.urls import b2b, dashboard, registration, scheduling

app_name = "events"
urlpatterns = [
    *registration.urlpatterns,
    *b2b.urlpatterns,
    *scheduling.urlpatterns,
    *dashboard.urlpatterns,
]
