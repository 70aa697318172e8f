"""Every state change of a project, through the table in agora.projects.workflow, and milestones."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.projects import tasks_projects
from agora.projects.models import Decision, InformationRequest, Milestone, Project
from agora.projects.services.projects import lock_project
from agora.projects.workflow import (
    FOLLOW_UP_STATES,
    Transition,
    check_preconditions,
    check_state,
    get_transition,
    may_apply,
)


def check_text(transition: Transition, text: str) -> None:
    """Raise DomainError when the action needs a text (question, reason, letter) and has none."""
    if transition.text_field and not text.strip():
        messages = {
            "question": _("Write the question for the applicants."),
            "answer": _("Write your answer to the question."),
            "reason": _("Give the reason."),
            "letter": _("Write the reasoned letter to the applicants."),
        }
        raise DomainError(messages[transition.text_field])


def record_information_request(*, actor: Any, project: Project, text: str) -> dict[str, Any]:
    InformationRequest.objects.create(project=project, question=text, asked_by=actor)
    return {"question": text}


def attach_diagnosis(project: Project) -> dict[str, Any]:
    """Attach the project's latest maturity diagnosis (if any) to the submission."""
    project.submitted_diagnosis = project.diagnoses.order_by("-diagnosed_on", "-pk").first()
    project.save(update_fields=["submitted_diagnosis"])
    return {"diagnosis": project.submitted_diagnosis_id}


def record_answer(*, actor: Any, project: Project, text: str) -> dict[str, Any]:
    request = project.information_requests.filter(answered_at__isnull=True).last()
    if request is not None:
        request.answer = text
        request.answered_at = timezone.now()
        request.save(update_fields=["answer", "answered_at"])
    return {"answer": text, **attach_diagnosis(project)}


def record_decision(*, actor: Any, project: Project, text: str) -> dict[str, Any]:
    if Decision.objects.filter(project=project).exists():
        raise ConflictError(_("The jury has already decided on this project."))
    outcome = project.state
    Decision.objects.create(project=project, outcome=outcome, letter=text, decided_by=actor)
    project.decided_at = timezone.now()
    project.save(update_fields=["decided_at"])
    return {"outcome": outcome}


def record_submission(*, actor: Any, project: Project, text: str) -> dict[str, Any]:
    project.submitted_at = timezone.now()
    project.save(update_fields=["submitted_at"])
    return attach_diagnosis(project)


def record_reason(*, actor: Any, project: Project, text: str) -> dict[str, Any]:
    return {"reason": text}


# What each action records beyond the state, after the state has changed.
HANDLERS = {
    "submit": record_submission,
    "request_information": record_information_request,
    "resubmit": record_answer,
    "mark_ineligible": record_reason,
    "label": record_decision,
    "not_label": record_decision,
    "not_fund": record_reason,
}


@transaction.atomic
def apply_transition(*, actor: Any, project: Project, action: str, text: str = "") -> Project:
    """Move the project along the workflow: permission, state, pre-conditions, audit, e-mail.

    Raises PermissionDeniedError when the actor may not take the action, ConflictError when
    the project is not in a state it starts from, DomainError when a pre-condition fails.
    """
    transition = get_transition(action)
    project = lock_project(project)
    if not may_apply(actor, project, transition):
        raise PermissionDeniedError(_("You may not do this on this project."))
    check_state(project, transition)
    check_text(transition, text)
    check_preconditions(project, transition)
    source = project.state
    project.state = transition.target
    project.save(update_fields=["state"])
    handler = HANDLERS.get(action)
    data = handler(actor=actor, project=project, text=text.strip()) if handler else {}
    entry = log_action(
        f"projects.project.{transition.verb}",
        target=project,
        actor=actor,
        data={"from": source, "to": project.state, **data},
    )
    transaction.on_commit(lambda: tasks_projects.project_transition.delay(entry.pk))
    return project


@transaction.atomic
def decide_project(*, actor: Any, project: Project, outcome: str, letter: str) -> Decision:
    """The jury's decision (labelled or not labelled) with the reasoned letter to the applicants."""
    actions: dict[str, str] = {
        Decision.Outcome.LABELLED: "label",
        Decision.Outcome.NOT_LABELLED: "not_label",
    }
    if outcome not in actions:
        raise DomainError(_("Choose the jury's decision."), field="outcome")
    project = apply_transition(actor=actor, project=project, action=actions[outcome], text=letter)
    return project.decision


def check_milestones_editable(actor: Any, project: Project) -> None:
    """Raise unless the staff plan milestones of a funded project or one in follow-up."""
    if not getattr(actor, "is_staff", False):
        raise PermissionDeniedError(_("Only the staff manage milestones."))
    if project.state not in FOLLOW_UP_STATES:
        raise ConflictError(_("Milestones are planned once the project is funded."))


@transaction.atomic
def add_milestone(
    *, actor: Any, project: Project, title: str, due_on: date, is_final: bool = False
) -> Milestone:
    """Plan a milestone of the follow-up (at most one final report)."""
    project = lock_project(project)
    check_milestones_editable(actor, project)
    if is_final and project.milestones.filter(is_final=True).exists():
        raise ConflictError(_("The project already has a final report milestone."))
    milestone = Milestone.objects.create(
        project=project, title=title, due_on=due_on, is_final=is_final
    )
    entry = log_action(
        "projects.project.milestone_added",
        target=project,
        actor=actor,
        data={"milestone": milestone.pk, "title": title, "due_on": due_on.isoformat()},
    )
    transaction.on_commit(lambda: tasks_projects.project_milestone.delay(entry.pk))
    return milestone


@transaction.atomic
def reach_milestone(
    *, actor: Any, milestone: Milestone, reached_on: date, report: str
) -> Milestone:
    """Record that a milestone was reached, with its report."""
    check_milestones_editable(actor, lock_project(milestone.project))
    if milestone.reached_on is not None:
        raise ConflictError(_("This milestone is already reached."))
    milestone.reached_on = reached_on
    milestone.report = report
    milestone.save(update_fields=["reached_on", "report"])
    entry = log_action(
        "projects.project.milestone_reached",
        target=milestone.project,
        actor=actor,
        data={"milestone": milestone.pk, "reached_on": reached_on.isoformat()},
    )
    transaction.on_commit(lambda: tasks_projects.project_milestone.delay(entry.pk))
    return milestone
