"""The expert's pages: my assignments, the declaration, and the evaluation form.

Before the declaration an expert sees only the project's acronym and title; the evaluation pages
never show the consortium (in a blind call they would reveal the applicants).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from agora.core.forms import form_status, submit_form
from agora.projects.forms_evaluation import DeclarationForm, DeclineForm, EvaluationForm
from agora.projects.models import Assignment, Criterion, Evaluation
from agora.projects.selectors import evaluation as selectors
from agora.projects.services import evaluation as services


@login_required
@require_GET
def assignment_list(request: HttpRequest) -> HttpResponse:
    """The projects I am invited to evaluate, and the calls whose jury I sit on."""
    context = {
        "assignments": list(selectors.list_my_assignments(request.user)),
        "jury_calls": list(selectors.list_jury_calls(request.user)),
    }
    return render(request, "projects/evaluation/assignment_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assignment_declaration(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign the confidentiality and no-conflict declaration, or decline with a reason."""
    assignment = selectors.access_my_assignment(request.user, pk)
    is_post = request.method == "POST"
    declines = is_post and request.POST.get("action") == "decline"
    declaration = DeclarationForm(data=request.POST if is_post and not declines else None)
    decline = DeclineForm(data=request.POST if declines else None)
    if declines:
        done = submit_form(
            decline,
            lambda: services.decline_assignment(
                actor=request.user,
                assignment=assignment,
                reason=decline.cleaned_data["reason"],
                is_conflict=decline.cleaned_data["is_conflict"],
            ),
        )
        if done is not None:
            messages.success(
                request,
                _("You declined to evaluate %(project)s.")
                % {"project": assignment.project.acronym},
            )
            return redirect("projects:assignment-list")
    elif is_post:
        done = submit_form(
            declaration,
            lambda: services.sign_declaration(actor=request.user, assignment=assignment),
        )
        if done is not None:
            messages.success(request, _("Thank you: you may now evaluate the project."))
            return redirect("projects:evaluation-edit", pk=assignment.pk)
    context = {
        "assignment": assignment,
        "is_open": assignment.state == Assignment.State.INVITED,
        "declaration": declaration,
        "decline": decline,
    }
    status = form_status(decline if declines else declaration)
    return render(request, "projects/evaluation/declaration.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Score each criterion of the call and comment; save a draft or submit."""
    assignment = selectors.access_signed_assignment(request.user, pk)
    evaluation = Evaluation.objects.filter(assignment=assignment).first()
    criteria = list(Criterion.objects.filter(call__projects=assignment.project))
    form = EvaluationForm(
        data=request.POST if request.method == "POST" else None,
        criteria=criteria,
        evaluation=evaluation,
    )
    submits = request.POST.get("action") == "submit"
    saved = submit_form(
        form,
        lambda: services.save_evaluation(
            actor=request.user,
            assignment=assignment,
            scores=form.scores(),
            comments=form.cleaned_data["comments"],
            submit=submits,
        ),
    )
    if saved is not None:
        if submits:
            messages.success(request, _("Your evaluation was submitted. Thank you."))
            return redirect("projects:assignment-list")
        messages.success(request, _("Your draft was saved."))
        return redirect("projects:evaluation-edit", pk=assignment.pk)
    context = {
        "assignment": assignment,
        "project": assignment.project,
        "form": form,
        "is_submitted": assignment.state == Assignment.State.SUBMITTED,
        "scores": list(evaluation.scores.select_related("criterion")) if evaluation else [],
        "evaluation": evaluation,
    }
    return render(
        request, "projects/evaluation/evaluation_form.html", context, status=form_status(form)
    )
