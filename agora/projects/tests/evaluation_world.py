"""Builders of the expert-evaluation tests: eligible projects, experts with organisations."""

from datetime import UTC, datetime

from agora.members.models import Organisation
from agora.members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)
from agora.projects.models import Assignment, Call, Evaluation, Expert, Project, Score
from agora.projects.tests.factories import (
    AssignmentFactory,
    ExpertFactory,
    ProjectFactory,
    make_consortium,
)

SIGNED_AT = datetime(2030, 1, 10, tzinfo=UTC)


def member_organisation(name: str) -> Organisation:
    organisation = OrganisationFactory(legal_name=name)
    MembershipFactory(organisation=organisation)
    return organisation


def eligible_project(
    call: Call, acronym: str, coordinator: Organisation, *others: Organisation, **fields
) -> Project:
    """A project of the call whose eligibility is checked, with its consortium."""
    project = ProjectFactory(call=call, acronym=acronym, state=Project.State.ELIGIBLE, **fields)
    make_consortium(project, coordinator, *others)
    return project


def make_expert(last_name: str, *organisations: Organisation, **fields) -> Expert:
    """An expert currently affiliated with these organisations."""
    person = PersonFactory(first_name="Dr", last_name=last_name)
    for organisation in organisations:
        AffiliationFactory(person=person, organisation=organisation)
    return ExpertFactory(person=person, **fields)


def submitted_evaluation(
    project: Project, expert: Expert, values: list[int], comments: str = ""
) -> Evaluation:
    """A submitted evaluation with these scores, in the order of the call's criteria."""
    assignment = AssignmentFactory(
        project=project,
        expert=expert,
        state=Assignment.State.SUBMITTED,
        declaration_signed_at=SIGNED_AT,
    )
    evaluation = Evaluation.objects.create(
        assignment=assignment, comments=comments, submitted_at=SIGNED_AT
    )
    for criterion, value in zip(project.call.criteria.all(), values, strict=True):
        Score.objects.create(
            evaluation=evaluation, criterion=criterion, value=value, comment=f"{value} points"
        )
    return evaluation
