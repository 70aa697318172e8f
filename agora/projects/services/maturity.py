"""Every write of maturity diagnoses: revisions, answers with evidence, targets, action points.

The views let only the project's consortium and the staff reach these services
(selectors.maturity.access_maturity_for_edit); the services keep older revisions as they were.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.projects import maturity
from agora.projects.maturity_scale import BY_CODE, CRITERIA, LEVELS
from agora.projects.models import ActionPoint, CriterionAnswer, Diagnosis, Project, Target
from agora.projects.selectors.maturity import is_latest


def lock_diagnosis(diagnosis: Diagnosis) -> Diagnosis:
    """The diagnosis's row, locked until the transaction ends."""
    return Diagnosis.objects.select_for_update().select_related("project").get(pk=diagnosis.pk)


def check_latest(diagnosis: Diagnosis) -> None:
    """Raise unless the diagnosis is its project's latest revision (older ones are history)."""
    if not is_latest(diagnosis):
        raise ConflictError(
            _("Only the latest diagnosis can change; start a new one to update it.")
        )


def check_not_submitted(diagnosis: Diagnosis) -> None:
    """Raise when the diagnosis went with a submission: it stays as the experts read it."""
    if Project.objects.filter(submitted_diagnosis=diagnosis).exists():
        raise ConflictError(
            _(
                "This diagnosis was submitted with the project and stays as it was; start a new "
                "revision to update it."
            )
        )


def check_dimension(dimension: str) -> None:
    """Raise unless the dimension is one of the scale's."""
    if dimension not in BY_CODE:
        raise DomainError(_("Unknown dimension “%(code)s”.") % {"code": dimension})


@transaction.atomic
def start_diagnosis(
    *, actor: Any, project: Project, diagnosed_on: date | None = None, notes: str = ""
) -> Diagnosis:
    """Open a new dated revision that starts from the previous one (answers, targets, actions)."""
    # Locking the project serialises two revisions started at once: each sees the other.
    Project.objects.select_for_update().filter(pk=project.pk).first()
    diagnosed_on = diagnosed_on or timezone.localdate()
    previous = project.diagnoses.order_by("-diagnosed_on", "-pk").first()
    if previous is not None and diagnosed_on < previous.diagnosed_on:
        raise DomainError(
            _("A new diagnosis cannot be dated before the previous one (%(date)s).")
            % {"date": previous.diagnosed_on.isoformat()},
            field="diagnosed_on",
        )
    diagnosis = Diagnosis.objects.create(
        project=project, diagnosed_on=diagnosed_on, notes=notes, created_by=actor
    )
    if previous is not None:
        copy_revision(previous, diagnosis)
    log_action(
        "projects.diagnosis.started",
        target=diagnosis,
        actor=actor,
        data={"project": project.pk, "previous": previous.pk if previous else None},
    )
    return diagnosis


def copy_revision(previous: Diagnosis, diagnosis: Diagnosis) -> None:
    """Copy answers, targets and unfinished action points into the new revision."""
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(
            diagnosis=diagnosis,
            criterion=answer.criterion,
            is_met=answer.is_met,
            evidence=answer.evidence,
        )
        for answer in previous.answers.filter(criterion__in=list(CRITERIA))
    )
    Target.objects.bulk_create(
        Target(
            diagnosis=diagnosis,
            dimension=target.dimension,
            level=target.level,
            due_on=target.due_on,
        )
        for target in previous.targets.all()
    )
    ActionPoint.objects.bulk_create(
        ActionPoint(
            diagnosis=diagnosis, dimension=action.dimension, text=action.text, due_on=action.due_on
        )
        for action in previous.actions.filter(done_on__isnull=True)
    )


def list_met_codes(diagnosis: Diagnosis) -> list[str]:
    """The codes of the criteria the diagnosis marks as met."""
    return list(diagnosis.answers.filter(is_met=True).values_list("criterion", flat=True))


def check_answers(dimension: str, answers: Mapping[str, tuple[bool, str]]) -> None:
    """Raise unless every answer is a criterion of the dimension and every met one has evidence."""
    unknown = sorted(
        code
        for code in answers
        if CRITERIA.get(code) is None or CRITERIA[code].dimension != dimension
    )
    if unknown:
        raise DomainError(_("Unknown criteria: %(codes)s.") % {"codes": ", ".join(unknown)})
    missing = [
        code for code, (is_met, evidence) in answers.items() if is_met and not evidence.strip()
    ]
    if missing:
        language = get_language() or "en"
        named = "; ".join(f"{code} “{CRITERIA[code].text(language)}”" for code in missing)
        raise DomainError(
            _("Give the evidence for every criterion marked as met: %(criteria)s")
            % {"criteria": named}
        )


@transaction.atomic
def save_answers(
    *,
    actor: Any,
    diagnosis: Diagnosis,
    dimension: str,
    answers: Mapping[str, tuple[bool, str]],
) -> int:
    """Record which criteria of one dimension are met, with evidence; returns its new level."""
    diagnosis = lock_diagnosis(diagnosis)
    check_latest(diagnosis)
    check_not_submitted(diagnosis)
    check_dimension(dimension)
    check_answers(dimension, answers)
    before = maturity.level(dimension, list_met_codes(diagnosis))
    existing = {
        answer.criterion: answer for answer in diagnosis.answers.filter(criterion__in=answers)
    }
    changed = []
    for code, (is_met, evidence) in answers.items():
        answer = existing.get(code) or CriterionAnswer(diagnosis=diagnosis, criterion=code)
        answer.is_met, answer.evidence = is_met, evidence.strip()
        changed.append(answer)
    CriterionAnswer.objects.bulk_create([answer for answer in changed if answer.pk is None])
    CriterionAnswer.objects.bulk_update(
        [answer for answer in changed if answer.pk is not None], ["is_met", "evidence"]
    )
    after = maturity.level(dimension, list_met_codes(diagnosis))
    log_action(
        "projects.diagnosis.answered",
        target=diagnosis,
        actor=actor,
        data={"dimension": dimension, "level_before": before, "level_after": after},
    )
    return after


@transaction.atomic
def set_target(
    *, actor: Any, diagnosis: Diagnosis, dimension: str, level: int, due_on: date
) -> Target:
    """Set the level a dimension aims at (1 to 9) and by when, replacing any earlier target."""
    diagnosis = lock_diagnosis(diagnosis)
    check_latest(diagnosis)
    check_not_submitted(diagnosis)
    check_dimension(dimension)
    if not 1 <= level <= LEVELS:
        raise DomainError(_("A target level is between 1 and 9."), field="level")
    if due_on < diagnosis.diagnosed_on:
        raise DomainError(_("The due date cannot be before the diagnosis."), field="due_on")
    target, _created = Target.objects.update_or_create(
        diagnosis=diagnosis, dimension=dimension, defaults={"level": level, "due_on": due_on}
    )
    log_action(
        "projects.diagnosis.target_set",
        target=diagnosis,
        actor=actor,
        data={"dimension": dimension, "level": level, "due_on": due_on.isoformat()},
    )
    return target


@transaction.atomic
def add_action_point(
    *, actor: Any, diagnosis: Diagnosis, dimension: str, text: str, due_on: date | None = None
) -> ActionPoint:
    """Add something to do to climb a dimension."""
    diagnosis = lock_diagnosis(diagnosis)
    check_latest(diagnosis)
    check_dimension(dimension)
    if not text.strip():
        raise DomainError(_("Say what is to be done."), field="text")
    action = ActionPoint.objects.create(
        diagnosis=diagnosis, dimension=dimension, text=text.strip(), due_on=due_on
    )
    log_action(
        "projects.diagnosis.action_added",
        target=diagnosis,
        actor=actor,
        data={"action": action.pk, "dimension": dimension},
    )
    return action


@transaction.atomic
def complete_action_point(
    *, actor: Any, action: ActionPoint, done_on: date | None = None
) -> ActionPoint:
    """Mark an action point of the latest diagnosis as done."""
    action = ActionPoint.objects.select_for_update().get(pk=action.pk)
    check_latest(action.diagnosis)
    if action.done_on is not None:
        raise ConflictError(_("This action point is already done."))
    action.done_on = done_on or timezone.localdate()
    action.save(update_fields=["done_on"])
    log_action(
        "projects.diagnosis.action_completed",
        target=action.diagnosis,
        actor=actor,
        data={"action": action.pk, "done_on": action.done_on.isoformat()},
    )
    return action
