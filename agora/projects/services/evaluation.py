"""Expert assignment (run, swap, lock, remove, invite), the declaration, and evaluations."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.projects import assignment_adapter as adapter
from agora.projects import tasks_evaluation
from agora.projects.models import (
    Assignment,
    Call,
    Criterion,
    DeclaredConflict,
    Evaluation,
    Expert,
    Score,
)
from agora.projects.selectors.evaluation import RUN_ACTION, count_load, list_conflict_reasons
from matchmaker import assignment as engine


@dataclass(frozen=True)
class RunResult:
    assigned: int
    unfilled: list[dict[str, Any]]


@transaction.atomic
def run_assignment(*, actor: Any, call: Call) -> RunResult:
    """Replace the call's unlocked proposals by the solver's; keep locked and invited pairs.

    Raises DomainError when a kept pair cannot stand (it became a conflict of interest).
    """
    Call.objects.select_for_update().filter(pk=call.pk).first()
    problem = adapter.fetch_problem(call)
    try:
        solution = engine.assign(problem.instance)
    except engine.InstanceError as error:
        raise DomainError(_("The assignment cannot run: %(error)s") % {"error": error}) from error
    Assignment.objects.filter(
        project__in=problem.projects.values(), state=Assignment.State.PROPOSED, is_locked=False
    ).delete()
    existing = set(
        Assignment.objects.filter(project__in=problem.projects.values()).values_list(
            "expert_id", "project_id"
        )
    )
    created = [
        Assignment(
            expert=problem.experts[adapter.row_pk(pair.expert)],
            project=problem.projects[adapter.row_pk(pair.project)],
            score=pair.score,
        )
        for pair in solution.assignments
        if (adapter.row_pk(pair.expert), adapter.row_pk(pair.project)) not in existing
    ]
    Assignment.objects.bulk_create(created)
    unfilled = [
        {
            "project": adapter.row_pk(item.project),
            "acronym": problem.projects[adapter.row_pk(item.project)].acronym,
            "missing": item.missing,
            "reason": item.reason,
        }
        for item in solution.unfilled
    ]
    log_action(
        RUN_ACTION,
        target=call,
        actor=actor,
        data={"assigned": len(solution.assignments), "created": len(created), "unfilled": unfilled},
    )
    return RunResult(assigned=len(solution.assignments), unfilled=unfilled)


def check_assignable(expert: Expert, assignment: Assignment) -> None:
    """Raise DomainError when the expert has a conflict with the project or is at capacity."""
    if not expert.is_active:
        raise DomainError(_("%(expert)s is not an active expert.") % {"expert": expert})
    if Assignment.objects.filter(expert=expert, project=assignment.project).exists():
        raise ConflictError(
            _("%(expert)s is already assigned to %(project)s.")
            % {"expert": expert, "project": assignment.project}
        )
    reasons = list_conflict_reasons(expert, assignment.project)
    if reasons:
        raise DomainError(
            _("%(expert)s cannot evaluate %(project)s: %(reasons)s.")
            % {"expert": expert, "project": assignment.project, "reasons": "; ".join(reasons)}
        )
    load = count_load(expert, timezone.localdate().year)
    if load >= expert.max_evaluations:
        raise DomainError(
            _("%(expert)s is at capacity: %(load)d of %(capacity)d evaluations this year.")
            % {"expert": expert, "load": load, "capacity": expert.max_evaluations}
        )


def lock_assignment(assignment: Assignment) -> Assignment:
    return Assignment.objects.select_for_update().select_related("project").get(pk=assignment.pk)


def check_proposed(assignment: Assignment) -> None:
    if assignment.state != Assignment.State.PROPOSED:
        raise ConflictError(
            _("The expert was already invited; only a proposed assignment can be changed.")
        )


@transaction.atomic
def swap_expert(*, actor: Any, assignment: Assignment, expert: Expert) -> Assignment:
    """Replace the proposed expert by another one; the pair is locked so a re-run keeps it."""
    assignment = lock_assignment(assignment)
    check_proposed(assignment)
    check_assignable(expert, assignment)
    previous = assignment.expert_id
    expert_profiles, project_profiles = adapter.profiles([expert], [assignment.project])
    scores = engine.compute_affinities(expert_profiles, project_profiles)
    assignment.expert = expert
    assignment.score = scores[0].score if scores else 0.0
    assignment.is_locked = True
    assignment.save(update_fields=["expert", "score", "is_locked"])
    log_action(
        "projects.assignment.swapped",
        target=assignment.project,
        actor=actor,
        data={"assignment": assignment.pk, "from": previous, "to": expert.pk},
    )
    return assignment


@transaction.atomic
def set_assignment_lock(*, actor: Any, assignment: Assignment, is_locked: bool) -> Assignment:
    """Lock a pair so that a re-run keeps it, or unlock it."""
    assignment = lock_assignment(assignment)
    assignment.is_locked = is_locked
    assignment.save(update_fields=["is_locked"])
    log_action(
        "projects.assignment.locked" if is_locked else "projects.assignment.unlocked",
        target=assignment.project,
        actor=actor,
        data={"assignment": assignment.pk, "expert": assignment.expert_id},
    )
    return assignment


@transaction.atomic
def remove_assignment(*, actor: Any, assignment: Assignment) -> None:
    """Take a proposed expert off a project."""
    assignment = lock_assignment(assignment)
    check_proposed(assignment)
    log_action(
        "projects.assignment.removed",
        target=assignment.project,
        actor=actor,
        data={"expert": assignment.expert_id},
    )
    assignment.delete()


@transaction.atomic
def invite_experts(*, actor: Any, call: Call) -> int:
    """Invite every proposed expert of the call's projects by e-mail; the number invited."""
    proposed = list(
        Assignment.objects.select_for_update().filter(
            project__in=adapter.list_assignable_projects(call), state=Assignment.State.PROPOSED
        )
    )
    pks = [assignment.pk for assignment in proposed]
    Assignment.objects.filter(pk__in=pks).update(state=Assignment.State.INVITED)
    log_action("projects.call.experts_invited", target=call, actor=actor, data={"assignments": pks})
    if pks:
        transaction.on_commit(lambda: tasks_evaluation.send_invitations.delay(pks))
    return len(pks)


def check_own(actor: Any, assignment: Assignment) -> None:
    if assignment.expert.person.user_id != getattr(actor, "pk", None):
        raise PermissionDeniedError(_("This assignment is not yours."))


def lock_own_assignment(actor: Any, assignment: Assignment) -> Assignment:
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("project", "expert__person")
        .get(pk=assignment.pk)
    )
    check_own(actor, assignment)
    return assignment


@transaction.atomic
def sign_declaration(*, actor: Any, assignment: Assignment) -> Assignment:
    """The expert signs the confidentiality and no-conflict declaration and sees the project."""
    assignment = lock_own_assignment(actor, assignment)
    if assignment.state != Assignment.State.INVITED:
        raise ConflictError(_("This invitation is no longer open."))
    assignment.state = Assignment.State.ACCEPTED
    assignment.declaration_signed_at = timezone.now()
    assignment.save(update_fields=["state", "declaration_signed_at"])
    log_action(
        "projects.assignment.accepted",
        target=assignment.project,
        actor=actor,
        data={"assignment": assignment.pk},
    )
    return assignment


@transaction.atomic
def decline_assignment(
    *, actor: Any, assignment: Assignment, reason: str, is_conflict: bool
) -> Assignment:
    """The expert declines; a conflict of interest is recorded so no run assigns them again."""
    assignment = lock_own_assignment(actor, assignment)
    if assignment.state != Assignment.State.INVITED:
        raise ConflictError(_("This invitation is no longer open."))
    if not reason.strip():
        raise DomainError(_("Give the reason."), field="reason")
    assignment.state = Assignment.State.DECLINED
    assignment.save(update_fields=["state"])
    if is_conflict:
        DeclaredConflict.objects.create(
            expert=assignment.expert, project=assignment.project, reason=reason.strip()[:300]
        )
    log_action(
        "projects.assignment.declined",
        target=assignment.project,
        actor=actor,
        data={"assignment": assignment.pk, "reason": reason.strip(), "is_conflict": is_conflict},
    )
    return assignment


@transaction.atomic
def save_evaluation(
    *,
    actor: Any,
    assignment: Assignment,
    scores: dict[int, tuple[int | None, str]],
    comments: str,
    submit: bool,
) -> Evaluation:
    """Save the expert's scores (criterion → score, comment) as a draft, or submit them.

    Raises ConflictError once submitted, DomainError when submitting without every score.
    """
    assignment = lock_own_assignment(actor, assignment)
    if assignment.state == Assignment.State.SUBMITTED:
        raise ConflictError(_("This evaluation was submitted; it can no longer be changed."))
    if assignment.state != Assignment.State.ACCEPTED:
        raise ConflictError(_("Sign the declaration before evaluating."))
    criteria = set(
        Criterion.objects.filter(call__projects=assignment.project).values_list("pk", flat=True)
    )
    if any(value is not None and not 0 <= value <= 10 for value, _comment in scores.values()):
        raise DomainError(_("Scores go from 0 to 10."))
    if submit and any(scores.get(pk, (None, ""))[0] is None for pk in criteria):
        raise DomainError(_("Score every criterion before submitting."))
    evaluation, _created = Evaluation.objects.get_or_create(assignment=assignment)
    evaluation.comments = comments
    evaluation.save(update_fields=["comments"])
    for criterion, (value, comment) in scores.items():
        if criterion not in criteria:
            continue
        if value is None:
            Score.objects.filter(evaluation=evaluation, criterion_id=criterion).delete()
        else:
            Score.objects.update_or_create(
                evaluation=evaluation,
                criterion_id=criterion,
                defaults={"value": value, "comment": comment},
            )
    if submit:
        evaluation.submitted_at = timezone.now()
        evaluation.save(update_fields=["submitted_at"])
        assignment.state = Assignment.State.SUBMITTED
        assignment.save(update_fields=["state"])
        log_action(
            "projects.assignment.evaluation_submitted",
            target=assignment.project,
            actor=actor,
            data={"assignment": assignment.pk},
        )
    return evaluation
