"""The jury's pages: consolidated scores of a call, exports of its evaluations, the decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from agora.core.forms import form_status, submit_form
from agora.projects import exports_evaluation
from agora.projects.forms_evaluation import DecisionForm
from agora.projects.models import Decision, Project
from agora.projects.selectors import evaluation as selectors
from agora.projects.selectors.projects import (
    access_jury_project,
    can_see_project,
    list_recused_projects,
)
from agora.projects.services.workflow import decide_project

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def call_results(request: HttpRequest, slug: str) -> HttpResponse:
    """Each evaluated project's weighted mean, spread and per-criterion scores, best first."""
    call = selectors.access_results_call(request.user, slug)
    criteria = list(call.criteria.all())
    context = {
        "call": call,
        "criteria": criteria,
        "results": selectors.get_results(call, request.user),
        "recused": list_recused_projects(request.user, call).count(),
    }
    return render(request, "projects/evaluation/call_results.html", context)


@login_required
@require_GET
def evaluations_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every submitted evaluation of the call as CSV."""
    call = selectors.access_results_call(request.user, slug)
    text = exports_evaluation.evaluations_csv(
        selectors.list_submitted_evaluations(call, request.user), list(call.criteria.all())
    )
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{call.slug}-evaluations.csv"'
    return response


@login_required
@require_GET
def evaluations_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    """Every submitted evaluation of the call as an XLSX workbook."""
    call = selectors.access_results_call(request.user, slug)
    content = exports_evaluation.evaluations_xlsx(
        selectors.list_submitted_evaluations(call, request.user), list(call.criteria.all())
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{call.slug}-evaluations.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def project_decision(request: HttpRequest, pk: int) -> HttpResponse:
    """The jury's file on a project (scores, evaluations), its decision and reasoned letter."""
    project = access_jury_project(request.user, pk)
    form = DecisionForm(data=request.POST if request.method == "POST" else None)
    decision = submit_form(
        form,
        lambda: decide_project(
            actor=request.user,
            project=project,
            outcome=form.cleaned_data["outcome"],
            letter=form.cleaned_data["letter"],
        ),
    )
    if decision is not None:
        messages.success(
            request,
            _("%(project)s: %(outcome)s.")
            % {"project": project, "outcome": decision.get_outcome_display()},
        )
        return redirect("projects:project-detail", pk=pk)
    context = {
        "project": project,
        "form": form,
        "is_pending": project.state == Project.State.JURY,
        "decision": Decision.objects.filter(project=project).first(),
        "file": selectors.get_jury_file(project),
        "sees_project": can_see_project(request.user, project),
    }
    return render(
        request, "projects/evaluation/decision_form.html", context, status=form_status(form)
    )
