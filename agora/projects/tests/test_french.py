"""The French pages agree in gender and number: a project is « soumis », an expert « actif »."""

import pytest
from django.urls import reverse
from django.utils import translation

from agora.projects.models import Assignment, Project
from agora.projects.tests.evaluation_world import make_expert
from agora.projects.tests.factories import ProjectFactory


@pytest.fixture
def french_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    client.cookies["django_language"] = "fr"
    return client


def test_state_words_agree_with_their_noun():
    with translation.override("fr"):
        assert Project.State.SUBMITTED.label == "Soumis"
        assert Project.State.CLOSED.label == "Clôturé"
        assert Assignment.State.PROPOSED.label == "Proposée"
        assert Assignment.State.SUBMITTED.label == "Évaluation soumise"


def test_the_project_list_says_soumis(french_client):
    ProjectFactory(acronym="HELIX", state=Project.State.SUBMITTED)
    html = french_client.get(reverse("projects:project-list")).content.decode()
    assert '<span class="badge text-bg-secondary">Soumis</span>' in html
    assert "Soumise" not in html


def test_the_expert_pool_says_actif(french_client):
    make_expert("Active")
    html = french_client.get(reverse("projects:expert-list")).content.decode()
    assert "<th>Actif</th>" in html
    assert ">Active<" not in html
