"""A project ready to submit, shared by the workflow tests."""

from agora.members.models import Affiliation
from agora.members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)
from agora.projects.models import Project
from agora.projects.tests.factories import AttachmentFactory, ProjectFactory, make_consortium


def ready_project(cast) -> Project:
    """A complete draft of helix (coordinator) and Third Lab, whose representative has an e-mail."""
    project = ProjectFactory(acronym="HELIX-AB")
    third = OrganisationFactory(legal_name="Third Lab SA")
    MembershipFactory(organisation=third)
    AffiliationFactory(
        person=PersonFactory(email="third@example.org"),
        organisation=third,
        role=Affiliation.Role.REPRESENTATIVE,
    )
    make_consortium(project, cast.organisation, third)
    AttachmentFactory(project=project)
    return project


def set_state(project: Project, state: str) -> None:
    project.state = state
    project.save(update_fields=["state"])
