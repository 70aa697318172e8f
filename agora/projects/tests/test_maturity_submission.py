"""A maturity diagnosis on its own before any call, then attached to the project's submission."""

import re
from datetime import date

import pytest
from django.urls import reverse

from agora.core.errors import ConflictError
from agora.core.models import AuditEntry
from agora.projects.models import CriterionAnswer, InformationRequest, Project, Target
from agora.projects.services.maturity import save_answers, set_target, start_diagnosis
from agora.projects.services.workflow import apply_transition
from agora.projects.tests.maturity_world import clear_expert, client_for, make_diagnosis
from agora.projects.tests.workflow_world import ready_project, set_state

FROZEN = "This diagnosis was submitted with the project and stays as it was"


@pytest.fixture
def project(cast):
    return ready_project(cast)


def test_a_draft_outside_any_call_is_diagnosed_and_shows_it(client, cast):
    project = ready_project(cast)
    project.call = None
    project.save(update_fields=["call"])
    diagnosis = start_diagnosis(actor=cast.member, project=project, diagnosed_on=date(2026, 1, 5))
    save_answers(
        actor=cast.member,
        diagnosis=diagnosis,
        dimension="TECH",
        answers={"TECH-1-1": (True, "Lab notebook 12."), "TECH-1-2": (True, "Concept note.")},
    )
    client.force_login(cast.member)
    html = client.get(reverse("projects:project-detail", args=[project.pk])).content.decode()
    assert "Latest diagnosis: 5 January 2026" in html
    assert reverse("projects:diagnosis-list", args=[project.pk]) in html
    assert "Submitted with the project" not in html


def test_submission_attaches_the_latest_diagnosis(cast, project):
    make_diagnosis(project, date(2026, 1, 5), {"TECH": 2})
    latest = make_diagnosis(project, date(2026, 3, 5), {"TECH": 3})
    apply_transition(actor=cast.representative, project=project, action="submit")
    project.refresh_from_db()
    assert project.submitted_diagnosis == latest
    entry = AuditEntry.objects.get(action="projects.project.submitted")
    assert entry.data == {"from": "draft", "to": "submitted", "diagnosis": latest.pk}


def test_a_project_without_diagnosis_is_submitted_without_one(cast, project):
    apply_transition(actor=cast.representative, project=project, action="submit")
    project.refresh_from_db()
    assert (project.state, project.submitted_diagnosis) == (Project.State.SUBMITTED, None)


def test_the_submitted_diagnosis_stays_as_submitted(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 5), {"TECH": 2})
    apply_transition(actor=cast.representative, project=project, action="submit")
    with pytest.raises(ConflictError, match=re.escape(FROZEN)):
        save_answers(
            actor=cast.member,
            diagnosis=diagnosis,
            dimension="TECH",
            answers={"TECH-1-1": (False, "")},
        )
    with pytest.raises(ConflictError, match=re.escape(FROZEN)):
        set_target(
            actor=cast.member,
            diagnosis=diagnosis,
            dimension="TECH",
            level=5,
            due_on=date(2027, 1, 1),
        )
    assert CriterionAnswer.objects.get(diagnosis=diagnosis, criterion="TECH-1-1").is_met
    assert not Target.objects.exists()


def test_a_new_revision_changes_and_goes_with_the_resubmission(cast, project):
    submitted = make_diagnosis(project, date(2026, 1, 5), {"TECH": 2})
    apply_transition(actor=cast.representative, project=project, action="submit")
    set_state(project, Project.State.INFORMATION_REQUESTED)
    InformationRequest.objects.create(project=project, question="Which patients?")
    revision = start_diagnosis(actor=cast.member, project=project, diagnosed_on=date(2026, 2, 1))
    level = save_answers(
        actor=cast.member,
        diagnosis=revision,
        dimension="TECH",
        answers={"TECH-3-1": (True, "Report."), "TECH-3-2": (True, "Criterion met.")},
    )
    assert level == 3
    apply_transition(actor=cast.representative, project=project, action="resubmit", text="Adults.")
    project.refresh_from_db()
    assert project.submitted_diagnosis == revision
    assert CriterionAnswer.objects.filter(diagnosis=submitted, is_met=True).count() == 5


def test_the_pages_say_which_diagnosis_went_with_the_submission(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 5), {"TECH": 2})
    apply_transition(actor=cast.representative, project=project, action="submit")
    client = client_for(cast.member)
    html = client.get(reverse("projects:project-detail", args=[project.pk])).content.decode()
    detail = reverse("projects:diagnosis-detail", args=[diagnosis.pk])
    link = f'<a href="{detail}">the diagnosis of 5 January 2026</a>'
    assert f"Submitted with the project: {link}." in html
    response = client.get(detail)
    assert response.context["can_edit"] is False
    assert "it stays as the experts read it" in response.content.decode()
    overview = client.get(reverse("projects:diagnosis-list", args=[project.pk]))
    assert reverse("projects:target-set", args=[diagnosis.pk]) not in overview.content.decode()


def test_a_cleared_expert_reads_the_submitted_diagnosis_during_evaluation(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 5), {"TECH": 2})
    apply_transition(actor=cast.representative, project=project, action="submit")
    set_state(project, Project.State.UNDER_EVALUATION)
    clear_expert(cast, project)
    client = client_for(cast.expert)
    html = client.get(reverse("projects:project-detail", args=[project.pk])).content.decode()
    assert reverse("projects:diagnosis-detail", args=[diagnosis.pk]) in html
    assert client.get(reverse("projects:diagnosis-detail", args=[diagnosis.pk])).status_code == 200
