"""The events app's URLs, one module per part of the app."""

from agora.events.urls import b2b, dashboard, registration, scheduling

app_name = "events"
# The dashboard's fixed path "manage/" must come before the event page's "<slug>/".
urlpatterns = [
    *dashboard.urlpatterns,
    *registration.urlpatterns,
    *b2b.urlpatterns,
    *scheduling.urlpatterns,
]
