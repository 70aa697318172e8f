"""Workflow pages: actions on a project, the staff's queue, and the follow-up's milestones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.forms import form_status, submit_form
from agora.core.permissions import staff_required
from agora.projects.forms_projects import (
    MilestoneForm,
    MilestoneReachedForm,
    ProjectFilterForm,
    TransitionForm,
)
from agora.projects.models import Milestone, Project
from agora.projects.selectors import projects as selectors
from agora.projects.services import workflow as services
from agora.projects.views.projects import project_page
from agora.projects.workflow import BY_ACTION, list_staff_transitions


@login_required
@require_POST
def project_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one workflow action; a refusal shows on the project page with its status."""
    project = selectors.access_project(request.user, pk)
    transition = BY_ACTION.get(action)
    if transition is None or transition.is_decision:
        raise Http404
    form = TransitionForm(data=request.POST)
    done = submit_form(
        form,
        lambda: services.apply_transition(
            actor=request.user, project=project, action=action, text=form.cleaned_data["text"]
        ),
    )
    if done is None:
        return project_page(request, project, form=form)
    messages.success(
        request,
        _("%(project)s: %(state)s.") % {"project": done, "state": done.get_state_display()},
    )
    if request.POST.get("back") == "queue":
        return redirect("projects:project-queue")
    return redirect("projects:project-detail", pk=pk)


@staff_required
@require_GET
def project_queue(request: HttpRequest) -> HttpResponse:
    """Submitted projects by state, with the actions the staff may take on each."""
    form = ProjectFilterForm(data=request.GET)
    queue = selectors.list_staff_queue(call=form.filters()["call"])
    labels = dict(Project.State.choices)
    groups = [
        {
            "state": state,
            "label": labels[state],
            "rows": [(project, list_staff_transitions(project.state)) for project in projects],
        }
        for state, projects in queue.items()
    ]
    context = {"form": form, "groups": groups}
    return render(request, "projects/projects/project_queue.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Plan a milestone of a funded project's follow-up."""
    project = selectors.access_project(request.user, pk)
    form = MilestoneForm(data=request.POST if request.method == "POST" else None)
    milestone = submit_form(
        form,
        lambda: services.add_milestone(
            actor=request.user,
            project=project,
            title=form.cleaned_data["title"],
            due_on=form.cleaned_data["due_on"],
            is_final=form.cleaned_data["is_final"],
        ),
    )
    if milestone is not None:
        messages.success(
            request, _("The milestone “%(title)s” was planned.") % {"title": milestone}
        )
        return redirect("projects:project-detail", pk=pk)
    context = {"form": form, "project": project, "title": _("Plan a milestone")}
    return render(
        request, "projects/projects/milestone_form.html", context, status=form_status(form)
    )


@staff_required
@require_http_methods(["GET", "POST"])
def milestone_reach(request: HttpRequest, pk: int, milestone: int) -> HttpResponse:
    """Record that a milestone was reached, with its report."""
    project = selectors.access_project(request.user, pk)
    found = Milestone.objects.filter(project=project, pk=milestone).select_related("project")
    instance = found.first()
    if instance is None:
        raise Http404
    form = MilestoneReachedForm(data=request.POST if request.method == "POST" else None)
    reached = submit_form(
        form,
        lambda: services.reach_milestone(
            actor=request.user,
            milestone=instance,
            reached_on=form.cleaned_data["reached_on"],
            report=form.cleaned_data["report"],
        ),
    )
    if reached is not None:
        messages.success(request, _("The milestone “%(title)s” is reached.") % {"title": reached})
        return redirect("projects:project-detail", pk=pk)
    context = {"form": form, "project": project, "title": instance.title}
    return render(
        request, "projects/projects/milestone_form.html", context, status=form_status(form)
    )
