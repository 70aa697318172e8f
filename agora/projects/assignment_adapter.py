"""A call's expert assignment as a matchmaker problem, and a matchmaker solution back as rows.

Ids in the exchange format are built from primary keys ("e12" an expert, "p7" a project, "o3"
an organisation). Organisations go on both sides, so the engine itself excludes any expert who
shares an organisation with a consortium; declared conflicts and declines are passed as
conflicts. Kept pairs (locked, or already past the proposal) are locked pairs of the instance;
those of experts made inactive since take their seat outside it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from agora.members.models import Affiliation
from agora.members.selectors import current_affiliations
from agora.projects.models import Assignment, Call, DeclaredConflict, Expert, Partner, Project
from matchmaker import assignment as engine

ASSIGNABLE_STATES = (Project.State.ELIGIBLE, Project.State.UNDER_EVALUATION)
# Assignments staff or experts have acted on: a new run never replaces them.
ACTIVE_STATES = (
    Assignment.State.INVITED,
    Assignment.State.ACCEPTED,
    Assignment.State.SUBMITTED,
)


def expert_id(pk: int) -> str:
    return f"e{pk}"


def project_id(pk: int) -> str:
    return f"p{pk}"


def organisation_id(pk: int) -> str:
    return f"o{pk}"


def row_pk(exchange_id: str) -> int:
    """The primary key inside an exchange id ("p12" → 12)."""
    return int(exchange_id[1:])


@dataclass(frozen=True)
class Problem:
    """The instance of a call, with the rows its ids stand for."""

    instance: engine.Instance
    experts: dict[int, Expert]
    projects: dict[int, Project]


def list_assignable_projects(call: Call) -> QuerySet[Project]:
    """The call's projects that experts evaluate: eligible or under evaluation."""
    return call.projects.filter(state__in=ASSIGNABLE_STATES).order_by("pk")


def list_consortia(projects: list[Project]) -> dict[int, set[int]]:
    """The member organisations of each project's consortium."""
    consortia: dict[int, set[int]] = defaultdict(set)
    partners = Partner.objects.filter(project__in=projects, organisation__isnull=False)
    for project_pk, organisation_pk in partners.values_list("project_id", "organisation_id"):
        consortia[project_pk].add(organisation_pk)
    return consortia


def list_expert_organisations(experts: list[Expert]) -> dict[int, set[int]]:
    """The organisations each expert's person is currently affiliated with."""
    organisations: dict[int, set[int]] = defaultdict(set)
    persons = {expert.person_id: expert.pk for expert in experts}
    affiliations = Affiliation.objects.filter(current_affiliations(), person_id__in=persons)
    for person_pk, organisation_pk in affiliations.values_list("person_id", "organisation_id"):
        organisations[persons[person_pk]].add(organisation_pk)
    return organisations


def count_other_load(call: Call, experts: list[Expert], year: int) -> dict[int, int]:
    """This year's assignments of each expert on other calls (declines left out)."""
    rows = (
        Assignment.objects.filter(expert__in=experts, created_at__year=year)
        .exclude(project__call=call)
        .exclude(state=Assignment.State.DECLINED)
        .values("expert_id")
        .annotate(count=Count("pk"))
    )
    return {row["expert_id"]: row["count"] for row in rows}


def list_conflicts(experts: list[Expert], consortia: dict[int, set[int]]) -> set[tuple[int, int]]:
    """(expert, project) pairs declared in conflict, through the project or an organisation."""
    pairs: set[tuple[int, int]] = set()
    declared = DeclaredConflict.objects.filter(expert__in=experts)
    for expert_pk, project_pk, organisation_pk in declared.values_list(
        "expert_id", "project_id", "organisation_id"
    ):
        if project_pk in consortia:
            pairs.add((expert_pk, project_pk))
        pairs |= {
            (expert_pk, pk) for pk, members in consortia.items() if organisation_pk in members
        }
    return pairs


def profiles(
    experts: list[Expert], projects: list[Project]
) -> tuple[list[engine.ExpertProfile], list[engine.ProjectProfile]]:
    """The texts and domains the match score compares."""
    expert_profiles = [
        engine.ExpertProfile(
            id=expert_id(expert.pk),
            keywords=tuple(word.strip() for word in expert.keywords.split(",") if word.strip()),
            domains=tuple(domain.code for domain in expert.domains.all()),
            expertise=expert.expertise,
        )
        for expert in experts
    ]
    project_profiles = [
        engine.ProjectProfile(
            id=project_id(project.pk),
            keywords=tuple(project.keyword_list),
            domains=tuple(domain.code for domain in project.domains.all()),
            title=project.title,
            summary=project.summary,
        )
        for project in projects
    ]
    return expert_profiles, project_profiles


def fetch_problem(call: Call) -> Problem:
    """The assignment problem of a call: its assignable projects and the active experts."""
    projects = list(list_assignable_projects(call).prefetch_related("domains"))
    experts = list(Expert.objects.filter(is_active=True).prefetch_related("domains"))
    consortia = list_consortia(projects)
    kept = Assignment.objects.filter(project__in=projects).filter(
        Q(is_locked=True) | Q(state__in=ACTIVE_STATES)
    )
    active = {expert.pk for expert in experts}
    every_kept = list(kept.values_list("expert_id", "project_id"))
    kept_pairs = [pair for pair in every_kept if pair[0] in active]
    # An expert made inactive keeps what they were invited to (they may still evaluate it): the
    # seat stays taken, outside the solver, which proposes only active experts.
    seats_taken = Counter(
        project_pk for expert_pk, project_pk in every_kept if expert_pk not in active
    )
    declined = Assignment.objects.filter(project__in=projects, state=Assignment.State.DECLINED)
    conflicts = [
        engine.Conflict(expert_id(expert_pk), project_id(project_pk), "declared")
        for expert_pk, project_pk in sorted(list_conflicts(experts, consortia))
    ] + [
        engine.Conflict(expert_id(expert_pk), project_id(project_pk), "declined")
        for expert_pk, project_pk in declined.values_list("expert_id", "project_id")
    ]
    instance = engine.Instance(
        experts=build_experts(call, experts, kept_pairs),
        projects=build_projects(call, projects, consortia, kept_pairs, seats_taken),
        affinities=engine.compute_affinities(*profiles(experts, projects)),
        conflicts=tuple(conflicts),
        locked=tuple(
            engine.LockedPair(expert_id(expert_pk), project_id(project_pk))
            for expert_pk, project_pk in kept_pairs
        ),
    )
    return Problem(
        instance,
        {expert.pk: expert for expert in experts},
        {project.pk: project for project in projects},
    )


def build_experts(
    call: Call, experts: list[Expert], kept_pairs: list[tuple[int, int]]
) -> tuple[engine.Expert, ...]:
    """Experts with their organisations and what is left of this year's capacity.

    A kept pair always fits: staff who locked more than the capacity decided so.
    """
    organisations = list_expert_organisations(experts)
    other_load = count_other_load(call, experts, timezone.localdate().year)
    kept: dict[int, int] = defaultdict(int)
    for expert_pk, _project_pk in kept_pairs:
        kept[expert_pk] += 1
    return tuple(
        engine.Expert(
            id=expert_id(expert.pk),
            organisations=tuple(organisation_id(pk) for pk in sorted(organisations[expert.pk])),
            capacity=max(expert.max_evaluations - other_load.get(expert.pk, 0), kept[expert.pk]),
        )
        for expert in experts
    )


def build_projects(
    call: Call,
    projects: list[Project],
    consortia: dict[int, set[int]],
    kept_pairs: list[tuple[int, int]],
    seats_taken: Counter[int],
) -> tuple[engine.Project, ...]:
    """Projects with their consortium and the number of experts the solver gives them: what
    the call asks for, less the seats of inactive experts, and at least the kept pairs."""
    kept = Counter(project_pk for _expert_pk, project_pk in kept_pairs)
    return tuple(
        engine.Project(
            id=project_id(project.pk),
            organisations=tuple(organisation_id(pk) for pk in sorted(consortia[project.pk])),
            experts_needed=max(
                call.experts_per_project - seats_taken[project.pk], kept[project.pk]
            ),
        )
        for project in projects
    )
