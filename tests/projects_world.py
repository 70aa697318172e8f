"""The projects objects the URL permission matrix points at, and what denied writes must keep.

One open call, "call-2030", with three weighted criteria and a jury of one (a juror outside the
cast, so the results stay the staff's among the roles). Two projects of the call, both
coordinated by helix with Third Lab SA as partner, so both are confidential to everyone but the
consortium (the member and the representative), the staff and cleared experts:

- the draft, complete enough to submit, with one PDF attachment; no expert is assigned to it;
- the project under evaluation: cast.expert accepted its assignment and signed the declaration
  (so reads it), a reviewer submitted an evaluation, another expert is only proposed, a spare
  expert is free to take their place; a diagnosis with one answer, a target and an action point;
  a planned milestone.

cast.expert declared a conflict with other-bio.
"""

from datetime import date
from decimal import Decimal

from agora.members.models import Organisation
from agora.members.tests.factories import UserFactory
from agora.projects.models import (
    ActionPoint,
    Assignment,
    Attachment,
    CriterionAnswer,
    Decision,
    DeclaredConflict,
    Diagnosis,
    Evaluation,
    Expert,
    InformationRequest,
    Milestone,
    Partner,
    Project,
    Score,
    Target,
)
from agora.projects.tests.evaluation_world import (
    SIGNED_AT,
    make_expert,
    member_organisation,
    submitted_evaluation,
)
from agora.projects.tests.factories import (
    AssignmentFactory,
    AttachmentFactory,
    CallFactory,
    ExpertFactory,
    ProjectFactory,
)


def consortium(project: Project, coordinator: Organisation, third: Organisation) -> Partner:
    """The coordinator and a partner organisation; the partner is returned."""
    Partner.objects.create(
        project=project, organisation=coordinator, is_coordinator=True, budget=Decimal("200000")
    )
    return Partner.objects.create(project=project, organisation=third, budget=Decimal("100000"))


def add_diagnosis(project: Project) -> tuple[Diagnosis, ActionPoint]:
    """A diagnosis meeting the first technology criterion, with a target and an action point."""
    diagnosis = Diagnosis.objects.create(project=project, diagnosed_on=date(2030, 1, 5))
    CriterionAnswer.objects.create(
        diagnosis=diagnosis, criterion="TECH-1-1", is_met=True, evidence="Lab notebook."
    )
    Target.objects.create(diagnosis=diagnosis, dimension="TECH", level=3, due_on=date(2030, 12, 31))
    action = ActionPoint.objects.create(
        diagnosis=diagnosis, dimension="TECH", text="Write the principle down."
    )
    return diagnosis, action


def make_projects_world(cast) -> dict[str, object]:
    """The objects of the projects rows, by the names their paths and data use."""
    call = CallFactory(slug="call-2030", title="R&D 2030")
    call.jury.add(UserFactory(email="juror@example.org"))
    third = member_organisation("Third Lab SA")
    draft = ProjectFactory(call=call, acronym="HELIX-DRAFT")
    evaluated = ProjectFactory(
        call=call, acronym="HELIX-EVAL", state=Project.State.UNDER_EVALUATION
    )
    expert = ExpertFactory(person=cast.expert.person)
    diagnosis, action = add_diagnosis(evaluated)
    consortium(evaluated, cast.organisation, third)
    submitted_evaluation(evaluated, make_expert("Reviewer"), [7, 8, 6])
    return {
        "call": call,
        "third": third,
        "draft": draft,
        "draft_partner": consortium(draft, cast.organisation, third),
        "attachment": AttachmentFactory(project=draft),
        "evaluated": evaluated,
        "signed": AssignmentFactory(
            project=evaluated,
            expert=expert,
            state=Assignment.State.ACCEPTED,
            declaration_signed_at=SIGNED_AT,
        ),
        "proposed": AssignmentFactory(project=evaluated, expert=make_expert("Proposed")),
        "spare": make_expert("Spare"),
        "diagnosis": diagnosis,
        "action": action,
        "milestone": Milestone.objects.create(
            project=evaluated, title="Prototype", due_on=date(2031, 6, 30)
        ),
        "conflict": DeclaredConflict.objects.create(
            expert=expert, organisation=cast.other_organisation, reason="Former employer."
        ),
    }


def rows_of(model, *fields: str) -> list[tuple]:
    return list(model.objects.values_list("pk", *fields).order_by("pk"))


def projects_snapshot() -> tuple:
    """The projects rows a denied write must leave as they were."""
    return (
        rows_of(Project, "state", "acronym", "title", "call", "submitted_at"),
        rows_of(Partner, "project", "organisation", "is_coordinator", "budget", "role"),
        rows_of(Attachment, "title"),
        rows_of(Assignment, "expert", "state", "is_locked", "declaration_signed_at"),
        rows_of(Evaluation, "submitted_at", "comments"),
        rows_of(Score, "value"),
        rows_of(Decision, "outcome"),
        rows_of(InformationRequest, "answered_at"),
        rows_of(Diagnosis, "diagnosed_on", "notes"),
        rows_of(CriterionAnswer, "is_met", "evidence"),
        rows_of(Target, "dimension", "level", "due_on"),
        rows_of(ActionPoint, "text", "done_on"),
        rows_of(Expert, "keywords", "expertise", "max_evaluations", "is_active"),
        rows_of(DeclaredConflict, "organisation", "project"),
        rows_of(Milestone, "title", "reached_on", "report"),
    )
