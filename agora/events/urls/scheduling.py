from django.urls import URLPattern, path

from agora.events.views import agenda, schedule_updates, scheduling

# Its own name: the members URLs register "pk", and registering a name twice is deprecated.

urlpatterns: list[URLPattern] = [
    path("<slug:slug>/manage/schedule/", scheduling.schedule_detail, name="schedule-detail"),
    path("<slug:slug>/manage/schedule/run/", scheduling.schedule_run, name="schedule-run"),
    path(
        "<slug:slug>/manage/schedule/runs/<pk:pk>/publish/",
        scheduling.schedule_publish,
        name="schedule-publish",
    ),
    path("<slug:slug>/manage/schedule/import/", scheduling.schedule_import, name="schedule-import"),
    path(
        "<slug:slug>/manage/schedule/instance.json",
        scheduling.schedule_instance,
        name="schedule-instance",
    ),
    path(
        "<slug:slug>/manage/schedule/solution.json",
        scheduling.schedule_solution,
        name="schedule-solution",
    ),
    path(
        "<slug:slug>/manage/schedule/updates/",
        schedule_updates.schedule_updates,
        name="schedule-updates",
    ),
    path(
        "<slug:slug>/manage/schedule/updates/automatic/",
        schedule_updates.automatic_updates_set,
        name="schedule-updates-automatic",
    ),
    path("<slug:slug>/agenda/", agenda.agenda, name="agenda"),
    path("<slug:slug>/agenda.pdf", agenda.agenda_pdf, name="agenda-pdf"),
    path("<slug:slug>/agenda.ics", agenda.agenda_ics, name="agenda-ics"),
    path(
        "<slug:slug>/agenda/meetings/<pk:pk>/feedback/",
        agenda.meeting_feedback,
        name="meeting-feedback",
    ),
    path("feed/<str:token>.ics", agenda.agenda_feed, name="agenda-feed"),
]
