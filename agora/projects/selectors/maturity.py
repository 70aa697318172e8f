"""Reads of maturity diagnoses; `access_*` functions 404 for anyone who may not see them.

The consortium and the staff read and write a project's diagnoses; an expert assigned to the
project, with the declaration signed, reads them while the project is under evaluation.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import get_language

from agora.accounts.models import AnyUser
from agora.projects import maturity
from agora.projects.maturity_scale import DIMENSIONS
from agora.projects.models import ActionPoint, CriterionAnswer, Diagnosis, Project, Target
from agora.projects.selectors.projects import access_project, is_consortium_member


def can_edit_maturity(user: AnyUser, project: Project) -> bool:
    """Whether the user may diagnose the project: its consortium and the staff."""
    return user.is_staff or is_consortium_member(user, project)


def can_read_maturity(user: AnyUser, project: Project) -> bool:
    """Whether a user who sees the project reads its diagnoses (experts: during evaluation)."""
    return project.state == Project.State.UNDER_EVALUATION or can_edit_maturity(user, project)


def access_maturity(user: AnyUser, pk: int) -> Project:
    """The project whose diagnoses the user may read, or Http404."""
    project = access_project(user, pk)
    if not can_read_maturity(user, project):
        raise Http404
    return project


def access_maturity_for_edit(user: AnyUser, pk: int) -> Project:
    """The project whose diagnoses the user may change, or Http404."""
    project = access_project(user, pk)
    if not can_edit_maturity(user, project):
        raise Http404
    return project


def access_diagnosis(user: AnyUser, pk: int, *, for_edit: bool = False) -> Diagnosis:
    """A diagnosis the user may read (or, for_edit, change), with its project, or Http404."""
    diagnosis = Diagnosis.objects.filter(pk=pk).first()
    if diagnosis is None:
        raise Http404
    access = access_maturity_for_edit if for_edit else access_maturity
    diagnosis.project = access(user, diagnosis.project_id)
    return diagnosis


def access_action_point(user: AnyUser, pk: int) -> ActionPoint:
    """An action point of a project the user may diagnose, or Http404."""
    action = ActionPoint.objects.select_related("diagnosis").filter(pk=pk).first()
    if action is None:
        raise Http404
    action.diagnosis.project = access_maturity_for_edit(user, action.diagnosis.project_id)
    return action


@dataclass(frozen=True)
class Revision:
    diagnosis: Diagnosis
    profile: maturity.Profile


@dataclass(frozen=True)
class DimensionRow:
    """One dimension of the current diagnosis, beside the previous one and its target."""

    code: str
    name: str
    level: int
    previous: int | None
    delta: int | None
    target: Target | None
    gap: int | None


def list_revisions(project: Project, *, limit: int | None = None) -> list[Revision]:
    """The diagnoses of the project, newest first, with their profiles."""
    met = CriterionAnswer.objects.filter(is_met=True).only("diagnosis_id", "criterion")
    diagnoses = project.diagnoses.select_related("created_by").prefetch_related(
        Prefetch("answers", met, to_attr="met_answers")
    )
    diagnoses = diagnoses.order_by("-diagnosed_on", "-pk")
    if limit is not None:
        diagnoses = diagnoses[:limit]
    return [Revision(diagnosis, profile_of(diagnosis)) for diagnosis in diagnoses]


def profile_of(diagnosis: Diagnosis) -> maturity.Profile:
    """The profile of a diagnosis fetched with its met answers (list_revisions)."""
    # The stubs cannot know the attribute that Prefetch(..., to_attr="met_answers") sets.
    answers: list[CriterionAnswer] = diagnosis.met_answers  # type: ignore[attr-defined]
    return maturity.profile(answer.criterion for answer in answers)


@dataclass(frozen=True)
class ActionRow:
    action: ActionPoint
    dimension_name: str


@dataclass(frozen=True)
class Summary:
    """One revision's profile beside the revision before it, its targets and action points."""

    diagnosis: Diagnosis
    profile: maturity.Profile
    previous: Revision | None
    rows: list[DimensionRow]
    actions: list[ActionRow]

    @property
    def targets(self) -> dict[str, int]:
        return {row.code: row.target.level for row in self.rows if row.target is not None}


def summarise(revisions: list[Revision], index: int, language: str) -> Summary:
    """The summary of revisions[index] (newest first), compared with the one before it."""
    revision = revisions[index]
    previous = revisions[index + 1] if index + 1 < len(revisions) else None
    targets = {target.dimension: target for target in revision.diagnosis.targets.all()}
    rows = [
        dimension_row(
            dimension.code,
            dimension.name(language),
            revision.profile,
            previous.profile if previous else None,
            targets,
        )
        for dimension in DIMENSIONS
    ]
    names = {dimension.code: dimension.name(language) for dimension in DIMENSIONS}
    actions = [
        ActionRow(action, names.get(action.dimension, action.dimension))
        for action in revision.diagnosis.actions.all()
    ]
    return Summary(revision.diagnosis, revision.profile, previous, rows, actions)


@dataclass(frozen=True)
class MaturityPage:
    revisions: list[Revision]  # newest first
    current: Summary | None


def get_maturity_page(project: Project, language: str | None = None) -> MaturityPage:
    """The history of revisions, and the latest one against the previous one and its targets."""
    revisions = list_revisions(project)
    if not revisions:
        return MaturityPage(revisions=[], current=None)
    return MaturityPage(revisions, summarise(revisions, 0, language or get_language() or "en"))


def get_diagnosis_summary(diagnosis: Diagnosis, language: str | None = None) -> Summary:
    """A diagnosis against the revision before it, with its targets and action points."""
    revisions = list_revisions(diagnosis.project)
    index = next(i for i, revision in enumerate(revisions) if revision.diagnosis.pk == diagnosis.pk)
    return summarise(revisions, index, language or get_language() or "en")


def is_latest(diagnosis: Diagnosis) -> bool:
    """Whether the diagnosis is its project's latest revision, the only one that may change."""
    latest = Diagnosis.objects.filter(project_id=diagnosis.project_id).order_by(
        "-diagnosed_on", "-pk"
    )
    return latest.values_list("pk", flat=True).first() == diagnosis.pk


def is_submitted(diagnosis: Diagnosis) -> bool:
    """Whether the diagnosis went with a submission of its project (it no longer changes)."""
    return Project.objects.filter(submitted_diagnosis=diagnosis).exists()


def dimension_row(
    code: str,
    name: str,
    current: maturity.Profile,
    previous: maturity.Profile | None,
    targets: dict[str, Target],
) -> DimensionRow:
    """A dimension's row: its level, change since the previous revision, target and gap."""
    target = targets.get(code)
    return DimensionRow(
        code=code,
        name=name,
        level=current[code],
        previous=previous[code] if previous is not None else None,
        delta=current[code] - previous[code] if previous is not None else None,
        target=target,
        gap=max(target.level - current[code], 0) if target is not None else None,
    )


def get_latest_profile(project: Project, language: str | None = None) -> Summary | None:
    """The project's latest diagnosis against the one before it, or None without any."""
    revisions = list_revisions(project, limit=2)
    if not revisions:
        return None
    return summarise(revisions, 0, language or get_language() or "en")


def get_answers(diagnosis: Diagnosis) -> dict[str, CriterionAnswer]:
    """The diagnosis's answers by criterion code."""
    return {answer.criterion: answer for answer in diagnosis.answers.all()}


@dataclass(frozen=True)
class Evidence:
    code: str
    text: str
    evidence: str


def list_evidence(
    diagnosis: Diagnosis, language: str | None = None
) -> list[tuple[str, list[Evidence]]]:
    """Per dimension (by name), the criteria marked as met with their evidence, in scale order."""
    language = language or get_language() or "en"
    answers = get_answers(diagnosis)
    sections = []
    for dimension in DIMENSIONS:
        met = [
            Evidence(criterion.code, criterion.text(language), answers[criterion.code].evidence)
            for criterion in dimension.criteria
            if criterion.code in answers and answers[criterion.code].is_met
        ]
        sections.append((dimension.name(language), met))
    return sections
