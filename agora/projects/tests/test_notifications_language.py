"""Workflow and invitation e-mails reach each recipient in their own language."""

from datetime import date

import pytest
from django.utils import translation

from agora.members.tests.factories import UserFactory
from agora.projects.models import Project
from agora.projects.services.evaluation import invite_experts
from agora.projects.services.workflow import add_milestone, apply_transition, reach_milestone
from agora.projects.tests.factories import AssignmentFactory, ExpertFactory
from agora.projects.tests.workflow_world import ready_project, set_state
from agora.projects.workflow import TRANSITIONS


@pytest.fixture
def project(cast, settings):
    settings.AGORA_STAFF_EMAILS = ["staff@agora.localhost"]
    UserFactory(email="staff@agora.localhost", preferred_language="en")
    cast.representative.preferred_language = "fr"
    cast.representative.save(update_fields=["preferred_language"])
    return ready_project(cast)


def test_each_language_gets_its_own_e_mail(
    cast, project, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(actor=cast.representative, project=project, action="submit")
    by_subject = {message.subject: message for message in mailoutbox}
    assert sorted(by_subject) == ["HELIX-AB was submitted", "Le projet HELIX-AB a été soumis"]
    french = by_subject["Le projet HELIX-AB a été soumis"]
    assert french.to == ["representative@example.org"]
    assert "est à présent à l'état : Soumis." in french.body
    english = by_subject["HELIX-AB was submitted"]
    assert english.to == ["third@example.org", "staff@agora.localhost"]
    assert "is now: Submitted." in english.body


def test_a_question_reaches_the_applicants_in_their_language(
    cast, project, mailoutbox, django_capture_on_commit_callbacks
):
    set_state(project, Project.State.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(
            actor=cast.staff, project=project, action="request_information", text="Quels patients ?"
        )
    french = next(message for message in mailoutbox if message.to == ["representative@example.org"])
    assert "La question de l'équipe" in french.body
    assert "Quels patients ?" in french.body


def test_the_invitation_is_in_the_expert_s_language(
    cast, project, mailoutbox, django_capture_on_commit_callbacks
):
    set_state(project, Project.State.UNDER_EVALUATION)
    cast.expert.preferred_language = "fr"
    cast.expert.save(update_fields=["preferred_language"])
    AssignmentFactory(project=project, expert=ExpertFactory(person=cast.expert.person))
    with django_capture_on_commit_callbacks(execute=True):
        invite_experts(actor=cast.staff, call=project.call)
    assert [message.subject for message in mailoutbox] == ["Invitation à évaluer HELIX-AB"]


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda transition: transition.action)
def test_every_transition_speaks_french(transition):
    with translation.override("fr"):
        subject = str(transition.subject) % {"project": "HELIX"}
        label = str(transition.label)
    with translation.override("en"):
        english = (str(transition.subject) % {"project": "HELIX"}, str(transition.label))
    assert subject != english[0]
    assert label != english[1]


def test_the_follow_up_s_milestones_are_e_mailed_to_the_consortium(
    cast, project, mailoutbox, django_capture_on_commit_callbacks
):
    set_state(project, Project.State.FUNDED)
    with django_capture_on_commit_callbacks(execute=True):
        milestone = add_milestone(
            actor=cast.staff,
            project=project,
            title="Final report",
            due_on=date(2032, 1, 1),
            is_final=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        reach_milestone(
            actor=cast.staff, milestone=milestone, reached_on=date(2031, 12, 20), report="Done."
        )
    sent = [(message.to, message.subject) for message in mailoutbox]
    assert sent == [
        (["representative@example.org"], "HELIX-AB : le jalon « Final report » est planifié"),
        (["third@example.org"], "HELIX-AB: the milestone “Final report” is planned"),
        (["representative@example.org"], "HELIX-AB : le jalon « Final report » est atteint"),
        (["third@example.org"], "HELIX-AB: the milestone “Final report” is reached"),
    ]
    assert "The milestone “Final report” is due on 1 January 2032." in mailoutbox[1].body
    assert "This milestone is the project's final report." in mailoutbox[1].body
    assert "Done." in mailoutbox[3].body
