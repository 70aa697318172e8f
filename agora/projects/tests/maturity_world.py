"""A standalone project of cast.organisation with maturity diagnoses, for the maturity tests."""

from datetime import UTC, date, datetime

from django.test import Client

from agora.projects.maturity_scale import get_dimension
from agora.projects.models import Assignment, CriterionAnswer, Diagnosis, Project
from agora.projects.tests.factories import (
    AssignmentFactory,
    ExpertFactory,
    ProjectFactory,
    make_consortium,
)


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def codes_up_to(dimension: str, last_level: int) -> list[str]:
    """Every criterion code of the dimension's levels 1..last_level."""
    return [
        criterion.code
        for criterion in get_dimension(dimension).criteria
        if criterion.level <= last_level
    ]


def make_project(cast, acronym: str = "HELIX-AB") -> Project:
    """A draft outside any call, coordinated by cast.organisation (Helix)."""
    project = ProjectFactory(call=None, acronym=acronym, title="Anticorps à élaborer")
    make_consortium(project, cast.organisation)
    return project


def make_diagnosis(project: Project, on: date, levels: dict[str, int]) -> Diagnosis:
    """A diagnosis meeting every criterion up to the given level of each dimension."""
    diagnosis = Diagnosis.objects.create(project=project, diagnosed_on=on)
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(diagnosis=diagnosis, criterion=code, is_met=True, evidence=f"Preuve {code}")
        for dimension, level in levels.items()
        for code in codes_up_to(dimension, level)
    )
    return diagnosis


def clear_expert(cast, project: Project) -> Assignment:
    """Assign cast.expert to the project, declaration signed."""
    return AssignmentFactory(
        project=project,
        expert=ExpertFactory(person=cast.expert.person),
        state=Assignment.State.ACCEPTED,
        declaration_signed_at=datetime(2026, 1, 5, 9, tzinfo=UTC),
    )
