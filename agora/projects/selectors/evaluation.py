"""Reads of expert assignments, evaluations and the jury's results; `access_*` raise Http404."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.accounts.models import AnyUser
from agora.core.models import AuditEntry
from agora.members.models import Affiliation, Organisation
from agora.members.selectors import current_affiliations
from agora.projects.assignment_adapter import list_assignable_projects
from agora.projects.consolidation import CriterionSummary, ProjectSummary, summarise
from agora.projects.models import (
    Assignment,
    Call,
    Criterion,
    DeclaredConflict,
    Evaluation,
    Expert,
    Project,
    Score,
)
from agora.projects.selectors.projects import (
    list_consortium_organisation_ids,
    list_recused_projects,
)

RUN_ACTION = "projects.call.experts_assigned"
SIGNED_STATES = (Assignment.State.ACCEPTED, Assignment.State.SUBMITTED)


def my_assignments(user: AnyUser) -> QuerySet[Assignment]:
    """The user's assignments the staff invited them to (proposals stay with the staff)."""
    if not user.is_authenticated:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(expert__person__user=user)
        .exclude(state=Assignment.State.PROPOSED)
        .select_related("project__call", "expert__person")
    )


def list_my_assignments(user: AnyUser) -> QuerySet[Assignment]:
    """My assignments, the newest first."""
    return my_assignments(user).order_by("-created_at", "-pk")


def access_my_assignment(user: AnyUser, pk: int) -> Assignment:
    """One of my assignments (the declaration page), or Http404."""
    assignment = my_assignments(user).filter(pk=pk).first()
    if assignment is None:
        raise Http404
    return assignment


def access_signed_assignment(user: AnyUser, pk: int) -> Assignment:
    """One of my assignments whose declaration I signed (the evaluation form), or Http404."""
    assignment = (
        my_assignments(user)
        .filter(pk=pk, state__in=SIGNED_STATES, declaration_signed_at__isnull=False)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def access_staff_assignment(call: Call, pk: int) -> Assignment:
    """An assignment on one of the call's projects, or Http404."""
    assignment = (
        Assignment.objects.filter(pk=pk, project__call=call)
        .select_related("project", "expert__person")
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def count_load(expert: Expert, year: int) -> int:
    """The expert's assignments this year, declines left out."""
    return (
        Assignment.objects.filter(expert=expert, created_at__year=year)
        .exclude(state=Assignment.State.DECLINED)
        .count()
    )


def list_conflict_reasons(expert: Expert, project: Project) -> list[str]:
    """Why the expert may not evaluate the project; empty when they may."""
    consortium = list_consortium_organisation_ids(project)
    shared = Organisation.objects.filter(
        pk__in=Affiliation.objects.filter(
            current_affiliations(), person_id=expert.person_id, organisation_id__in=consortium
        ).values("organisation_id")
    )
    reasons = [
        _("works for %(organisation)s, a partner of the consortium") % {"organisation": name}
        for name in shared.values_list("legal_name", flat=True)
    ]
    declared = DeclaredConflict.objects.filter(
        Q(project=project) | Q(organisation_id__in=consortium), expert=expert
    ).select_related("organisation")
    reasons += [
        _("declared a conflict with %(name)s") % {"name": conflict.organisation or project}
        for conflict in declared
    ]
    declined = Assignment.State.DECLINED
    if Assignment.objects.filter(expert=expert, project=project, state=declined).exists():
        reasons.append(_("declined this project"))
    return reasons


@dataclass(frozen=True)
class ExpertLoad:
    expert: Expert
    load: int
    capacity: int


@dataclass(frozen=True)
class AssignmentBoard:
    rows: list[tuple[Project, list[Assignment]]]
    loads: list[ExpertLoad]
    experts: Sequence[Expert]
    last_run: AuditEntry | None


def get_assignment_board(call: Call) -> AssignmentBoard:
    """The call's projects with their experts, the experts' loads and the last run's misses."""
    projects = list(list_assignable_projects(call))
    assignments: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in Assignment.objects.filter(project__in=projects).select_related(
        "expert__person"
    ):
        assignments[assignment.project_id].append(assignment)
    year = timezone.localdate().year
    experts = list(
        Expert.objects.filter(is_active=True)
        .select_related("person")
        .annotate(
            load=Count(
                "assignments",
                filter=Q(assignments__created_at__year=year)
                & ~Q(assignments__state=Assignment.State.DECLINED),
            )
        )
    )
    last_run = (
        AuditEntry.objects.filter(action=RUN_ACTION, object_id=str(call.pk))
        .order_by("-created_at", "-pk")
        .first()
    )
    return AssignmentBoard(
        rows=[(project, assignments[project.pk]) for project in projects],
        loads=[ExpertLoad(expert, expert.load, expert.max_evaluations) for expert in experts],
        experts=experts,
        last_run=last_run,
    )


def access_results_call(user: AnyUser, slug: str) -> Call:
    """A call whose results the user may read (staff and the call's jury), or Http404."""
    call = Call.objects.filter(slug=slug).prefetch_related("criteria").first()
    if call is None or not user.is_authenticated:
        raise Http404
    if not (user.is_staff or call.jury.filter(pk=user.pk).exists()):
        raise Http404
    return call


def list_submitted_evaluations(call: Call, viewer: AnyUser | None = None) -> QuerySet[Evaluation]:
    """The call's submitted evaluations with their scores, by project and expert; for a
    `viewer` of the jury, without the projects of their organisation's consortium."""
    evaluations = Evaluation.objects.filter(
        assignment__project__call=call, assignment__state=Assignment.State.SUBMITTED
    )
    if viewer is not None:
        recused = list_recused_projects(viewer, call).values("pk")
        evaluations = evaluations.exclude(assignment__project__in=recused)
    return (
        evaluations.select_related("assignment__project", "assignment__expert__person")
        .prefetch_related("scores")
        .order_by("assignment__project__acronym", "assignment__expert__person__last_name", "pk")
    )


@dataclass(frozen=True)
class ProjectResult:
    project: Project
    summary: ProjectSummary


def get_results(call: Call, viewer: AnyUser | None = None) -> list[ProjectResult]:
    """Each evaluated project's consolidated scores, the best weighted mean first (without
    the projects the `viewer` does not judge)."""
    weights: dict[int, Decimal] = {
        criterion.pk: criterion.weight for criterion in call.criteria.all()
    }
    by_project: dict[int, list[dict[int, int]]] = defaultdict(list)
    projects: dict[int, Project] = {}
    for evaluation in list_submitted_evaluations(call, viewer):
        project = evaluation.assignment.project
        projects[project.pk] = project
        by_project[project.pk].append(
            {score.criterion_id: score.value for score in evaluation.scores.all()}
        )
    results = [
        ProjectResult(projects[pk], summarise(evaluations, weights))
        for pk, evaluations in by_project.items()
    ]
    return sorted(
        results,
        key=lambda result: (-(result.summary.weighted_mean or 0.0), result.project.acronym),
    )


@dataclass(frozen=True)
class JuryEvaluation:
    evaluation: Evaluation
    scores: list[tuple[Criterion, Score | None]]  # in the call's order


@dataclass(frozen=True)
class JuryFile:
    summary: ProjectSummary
    criteria: list[tuple[Criterion, CriterionSummary]]
    evaluations: list[JuryEvaluation]


def get_jury_file(project: Project) -> JuryFile:
    """What the jury weighs: the project's consolidated scores and its submitted evaluations."""
    criteria = list(Criterion.objects.filter(call__projects=project))
    evaluations = list(
        Evaluation.objects.filter(
            assignment__project=project, assignment__state=Assignment.State.SUBMITTED
        )
        .select_related("assignment__expert__person")
        .prefetch_related("scores")
        .order_by("assignment__expert__person__last_name", "pk")
    )
    scores = [{score.criterion_id: score for score in item.scores.all()} for item in evaluations]
    summary = summarise(
        [{pk: score.value for pk, score in by_criterion.items()} for by_criterion in scores],
        {criterion.pk: criterion.weight for criterion in criteria},
    )
    return JuryFile(
        summary=summary,
        criteria=list(zip(criteria, summary.criteria, strict=True)),
        evaluations=[
            JuryEvaluation(item, [(criterion, found.get(criterion.pk)) for criterion in criteria])
            for item, found in zip(evaluations, scores, strict=True)
        ],
    )


def list_jury_calls(user: AnyUser) -> QuerySet[Call]:
    """The calls whose jury the user sits on, the newest first."""
    if not user.is_authenticated:
        return Call.objects.none()
    return Call.objects.filter(jury=user).order_by("-opens_at")


def list_experts(*, domain: str = "", active: str = "") -> QuerySet[Expert]:
    """The expert pool, for the staff, narrowed to a domain (its code) and to active or not."""
    experts = Expert.objects.select_related("person").prefetch_related("domains")
    if domain:
        experts = experts.filter(domains__code=domain)
    if active in ("yes", "no"):
        experts = experts.filter(is_active=active == "yes")
    return experts.order_by("person__last_name", "person__first_name", "pk")


def access_my_expert(user: AnyUser) -> Expert:
    """The user's own expert profile, or Http404 when they are not in the pool."""
    if not user.is_authenticated:
        raise Http404
    expert = Expert.objects.filter(person__user=user).select_related("person").first()
    if expert is None:
        raise Http404
    return expert
