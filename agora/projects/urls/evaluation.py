from django.urls import URLPattern, path

# The members URLs register the "pk" converter (see urls/projects.py).
import agora.members.urls  # noqa: F401
from agora.projects.views import assignment, evaluation, experts, jury

urlpatterns: list[URLPattern] = [
    path("experts/", experts.expert_list, name="expert-list"),
    path("experts/me/", experts.expert_me, name="expert-me"),
    path("experts/me/conflicts/", experts.expert_conflict_add, name="expert-conflict-add"),
    path(
        "experts/me/conflicts/<pk:pk>/remove/",
        experts.expert_conflict_remove,
        name="expert-conflict-remove",
    ),
    path("calls/<slug:slug>/assignment/", assignment.call_assignment, name="call-assignment"),
    path("calls/<slug:slug>/assignment/run/", assignment.assignment_run, name="assignment-run"),
    path(
        "calls/<slug:slug>/assignment/invite/",
        assignment.assignment_invite,
        name="assignment-invite",
    ),
    path(
        "calls/<slug:slug>/assignment/<pk:pk>/swap/",
        assignment.assignment_swap,
        name="assignment-swap",
    ),
    path(
        "calls/<slug:slug>/assignment/<pk:pk>/lock/",
        assignment.assignment_lock,
        name="assignment-lock",
    ),
    path(
        "calls/<slug:slug>/assignment/<pk:pk>/remove/",
        assignment.assignment_remove,
        name="assignment-remove",
    ),
    path("calls/<slug:slug>/results/", jury.call_results, name="call-results"),
    path("calls/<slug:slug>/evaluations.csv", jury.evaluations_csv, name="evaluations-csv"),
    path("calls/<slug:slug>/evaluations.xlsx", jury.evaluations_xlsx, name="evaluations-xlsx"),
    path("<pk:pk>/decision/", jury.project_decision, name="project-decision"),
    path("evaluations/", evaluation.assignment_list, name="assignment-list"),
    path(
        "evaluations/<pk:pk>/declaration/",
        evaluation.assignment_declaration,
        name="assignment-declaration",
    ),
    path("evaluations/<pk:pk>/evaluate/", evaluation.evaluation_edit, name="evaluation-edit"),
]
