from django.urls import URLPattern, path

# The members URLs register the "pk" converter (agora.core.converters.PkConverter); loading them
# first lets every projects URL use it without registering the name twice (deprecated in Django).
import agora.members.urls  # noqa: F401
from agora.projects.views import projects, workflow

urlpatterns: list[URLPattern] = [
    path("calls/", projects.call_list, name="call-list"),
    path("calls/<slug:slug>/", projects.call_detail, name="call-detail"),
    path("", projects.project_list, name="project-list"),
    path("new/", projects.project_create, name="project-create"),
    path("staff/", workflow.project_queue, name="project-queue"),
    path("<pk:pk>/", projects.project_detail, name="project-detail"),
    path("<pk:pk>/edit/", projects.project_edit, name="project-edit"),
    path("<pk:pk>/consortium/", projects.partner_list, name="partner-list"),
    path("<pk:pk>/consortium/<pk:partner>/edit/", projects.partner_edit, name="partner-edit"),
    path("<pk:pk>/consortium/<pk:partner>/remove/", projects.partner_remove, name="partner-remove"),
    path(
        "<pk:pk>/consortium/<pk:partner>/coordinator/",
        projects.partner_coordinator,
        name="partner-coordinator",
    ),
    path("<pk:pk>/attachments/add/", projects.attachment_add, name="attachment-add"),
    path(
        "<pk:pk>/attachments/<pk:attachment>/",
        projects.attachment_download,
        name="attachment-download",
    ),
    path(
        "<pk:pk>/attachments/<pk:attachment>/delete/",
        projects.attachment_delete,
        name="attachment-delete",
    ),
    path("<pk:pk>/actions/<slug:action>/", workflow.project_transition, name="project-transition"),
    path("<pk:pk>/milestones/add/", workflow.milestone_add, name="milestone-add"),
    path(
        "<pk:pk>/milestones/<pk:milestone>/reached/",
        workflow.milestone_reach,
        name="milestone-reach",
    ),
]
