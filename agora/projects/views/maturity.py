"""Maturity diagnosis pages: history and profile, a new revision, the questionnaire, the PDF."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails
from weasyprint import HTML

from agora.core.forms import form_status, submit_form
from agora.projects import maturity, maturity_chart
from agora.projects.forms_maturity import (
    ActionPointForm,
    DiagnosisStartForm,
    DimensionAnswersForm,
    TargetForm,
)
from agora.projects.maturity_scale import BY_CODE, DIMENSIONS
from agora.projects.models import CriterionAnswer, Diagnosis, Project
from agora.projects.selectors import maturity as selectors
from agora.projects.services import maturity as services


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def language() -> str:
    return get_language() or "en"


def radar(summary: selectors.Summary) -> SafeString:
    """The summary's radar chart (our own matplotlib output, safe to embed)."""
    svg = maturity_chart.radar_svg(
        [(dimension.code, dimension.name(language())) for dimension in DIMENSIONS],
        summary.profile,
        previous=summary.previous.profile if summary.previous else None,
        targets=summary.targets,
        legend={
            "current": _("This diagnosis"),
            "previous": _("Previous diagnosis"),
            "target": _("Target"),
        },
    )
    return mark_safe(svg)


def overview_page(
    request: HttpRequest,
    project: Project,
    *,
    target_form: forms.Form | None = None,
    action_form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    """The history page, with a refused form bound to its input."""
    page = selectors.get_maturity_page(project)
    can_edit = selectors.can_edit_maturity(request.user, project)
    context = {
        "project": project,
        "page": page,
        "is_submitted": page.current is not None and selectors.is_submitted(page.current.diagnosis),
        "radar": radar(page.current) if page.current else None,
        "can_edit": can_edit,
        "target_form": target_form or TargetForm(language=language()),
        "action_form": action_form or ActionPointForm(language=language()),
    }
    return render(request, "projects/maturity/diagnosis_list.html", context, status=status)


@login_required
@require_GET
def diagnosis_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A project's dated diagnoses, its current profile against the previous one and targets."""
    return overview_page(request, selectors.access_maturity(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def diagnosis_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a new revision from the previous one's answers."""
    project = selectors.access_maturity_for_edit(request.user, pk)
    form = DiagnosisStartForm(data=request.POST if request.method == "POST" else None)
    diagnosis = submit_form(
        form,
        lambda: services.start_diagnosis(
            actor=request.user,
            project=project,
            diagnosed_on=form.cleaned_data["diagnosed_on"],
            notes=form.cleaned_data["notes"],
        ),
    )
    if diagnosis is not None:
        messages.success(request, _("The new diagnosis starts from the previous answers."))
        return redirect("projects:diagnosis-detail", pk=diagnosis.pk)
    context = {"project": project, "form": form}
    return render(
        request, "projects/maturity/diagnosis_form.html", context, status=form_status(form)
    )


def dimension_section(
    diagnosis: Diagnosis,
    form: DimensionAnswersForm,
    answers: dict[str, CriterionAnswer],
    *,
    can_edit: bool,
    saved: bool = False,
) -> dict[str, Any]:
    """What a dimension's part of the questionnaire shows: its level, and each level's criteria."""
    met = {code for code, answer in answers.items() if answer.is_met}
    levels = [
        {
            "number": level.number,
            "name": level.name(language()),
            "is_complete": all(criterion.code in met for criterion in level.criteria),
            "items": [
                {
                    "code": criterion.code,
                    "text": criterion.text(language()),
                    "answer": answers.get(criterion.code),
                    "met_field": form[f"met_{criterion.code}"],
                    "evidence_field": form[f"evidence_{criterion.code}"],
                }
                for criterion in level.criteria
            ],
        }
        for level in form.dimension.levels
    ]
    return {
        "diagnosis": diagnosis,
        "form": form,
        "code": form.dimension.code,
        "name": form.dimension.name(language()),
        "level": maturity.level(form.dimension.code, met),
        "missing": [
            criterion.code for criterion in maturity.missing_for_next(form.dimension.code, met)
        ],
        "levels": levels,
        "can_edit": can_edit,
        "saved": saved,
    }


def questionnaire_sections(
    diagnosis: Diagnosis, *, can_edit: bool, bound: DimensionAnswersForm | None = None
) -> list[dict[str, Any]]:
    """Every dimension's section, the refused one (`bound`) with its input and errors."""
    answers = selectors.get_answers(diagnosis)
    sections = []
    for dimension in DIMENSIONS:
        form = bound if bound is not None and bound.dimension is dimension else None
        form = form or DimensionAnswersForm(
            dimension=dimension, language=language(), answers=answers
        )
        sections.append(dimension_section(diagnosis, form, answers, can_edit=can_edit))
    return sections


@login_required
@require_http_methods(["GET", "POST"])
def diagnosis_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The questionnaire by dimension; each dimension's answers are saved on their own."""
    if request.method == "POST":
        return save_dimension(request, selectors.access_diagnosis(request.user, pk, for_edit=True))
    diagnosis = selectors.access_diagnosis(request.user, pk)
    is_submitted = selectors.is_submitted(diagnosis)
    can_edit = (
        selectors.can_edit_maturity(request.user, diagnosis.project)
        and selectors.is_latest(diagnosis)
        and not is_submitted
    )
    context = {
        "diagnosis": diagnosis,
        "project": diagnosis.project,
        "can_edit": can_edit,
        "is_submitted": is_submitted,
        "sections": questionnaire_sections(diagnosis, can_edit=can_edit),
    }
    return render(request, "projects/maturity/diagnosis_detail.html", context)


def save_dimension(request: HtmxHttpRequest, diagnosis: Diagnosis) -> HttpResponse:
    """Save one dimension's answers; HTMX gets that dimension's section back."""
    dimension = BY_CODE.get(request.POST.get("dimension", ""))
    if dimension is None:
        return HttpResponse(_("Unknown dimension."), status=400)
    form = DimensionAnswersForm(
        data=request.POST,
        dimension=dimension,
        language=language(),
        answers=selectors.get_answers(diagnosis),
    )
    level = submit_form(
        form,
        lambda: services.save_answers(
            actor=request.user,
            diagnosis=diagnosis,
            dimension=dimension.code,
            answers=form.answers(),
        ),
    )
    status = form_status(form)
    if request.htmx:
        answers = selectors.get_answers(diagnosis)
        if level is not None:
            form = DimensionAnswersForm(dimension=dimension, language=language(), answers=answers)
        section = dimension_section(
            diagnosis, form, answers, can_edit=True, saved=level is not None
        )
        return render(request, "projects/maturity/_dimension.html", section, status=status)
    if level is not None:
        messages.success(request, _("The answers are saved."))
        url = reverse("projects:diagnosis-detail", kwargs={"pk": diagnosis.pk})
        return redirect(f"{url}#dimension-{dimension.code}")
    context = {
        "diagnosis": diagnosis,
        "project": diagnosis.project,
        "can_edit": True,
        "sections": questionnaire_sections(diagnosis, can_edit=True, bound=form),
    }
    return render(request, "projects/maturity/diagnosis_detail.html", context, status=status)


@login_required
@require_POST
def target_set(request: HttpRequest, pk: int) -> HttpResponse:
    """Set a dimension's target level and due date on the latest diagnosis."""
    diagnosis = selectors.access_diagnosis(request.user, pk, for_edit=True)
    form = TargetForm(data=request.POST, language=language())
    target = submit_form(
        form,
        lambda: services.set_target(
            actor=request.user,
            diagnosis=diagnosis,
            dimension=form.cleaned_data["dimension"],
            level=form.cleaned_data["level"],
            due_on=form.cleaned_data["due_on"],
        ),
    )
    if target is None:
        return overview_page(request, diagnosis.project, target_form=form, status=form_status(form))
    messages.success(request, _("The target is set."))
    return redirect("projects:diagnosis-list", pk=diagnosis.project.pk)


@login_required
@require_POST
def action_point_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an action point to the latest diagnosis."""
    diagnosis = selectors.access_diagnosis(request.user, pk, for_edit=True)
    form = ActionPointForm(data=request.POST, language=language())
    action = submit_form(
        form,
        lambda: services.add_action_point(
            actor=request.user,
            diagnosis=diagnosis,
            dimension=form.cleaned_data["dimension"],
            text=form.cleaned_data["text"],
            due_on=form.cleaned_data["due_on"],
        ),
    )
    if action is None:
        return overview_page(request, diagnosis.project, action_form=form, status=form_status(form))
    messages.success(request, _("The action point is added."))
    return redirect("projects:diagnosis-list", pk=diagnosis.project.pk)


@login_required
@require_POST
def action_point_complete(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an action point as done today."""
    action = selectors.access_action_point(request.user, pk)
    form = forms.Form(data=request.POST)
    done = submit_form(
        form, lambda: services.complete_action_point(actor=request.user, action=action)
    )
    if done is None:
        messages.error(request, " ".join(str(error) for error in form.non_field_errors()))
        return overview_page(request, action.diagnosis.project, status=form_status(form))
    messages.success(request, _("The action point is done."))
    return redirect("projects:diagnosis-list", pk=action.diagnosis.project.pk)


@login_required
@require_GET
def diagnosis_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A diagnosis as a PDF: profile, radar chart, targets, action points and evidence."""
    diagnosis = selectors.access_diagnosis(request.user, pk)
    summary = selectors.get_diagnosis_summary(diagnosis)
    context = {
        "project": diagnosis.project,
        "diagnosis": diagnosis,
        "summary": summary,
        "radar": radar(summary),
        "evidence": selectors.list_evidence(diagnosis),
        "cluster_name": settings.AGORA_CLUSTER_NAME,
    }
    html = render_to_string("projects/maturity/diagnosis_pdf.html", context, request=request)
    content = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"maturity-{diagnosis.project.acronym}-{diagnosis.diagnosed_on.isoformat()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
