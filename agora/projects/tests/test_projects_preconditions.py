"""Refusals of the workflow: missing texts, wrong states, and each pre-condition's message."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.core.models import AuditEntry
from agora.projects.models import Assignment, Milestone, Project
from agora.projects.services.workflow import apply_transition
from agora.projects.tests.factories import AssignmentFactory
from agora.projects.tests.workflow_world import ready_project, set_state

State = Project.State
SIGNED_AT = datetime(2030, 1, 10, tzinfo=UTC)


@pytest.fixture
def project(cast):
    return ready_project(cast)


@pytest.mark.parametrize(
    ("action", "source", "message"),
    [
        ("request_information", State.SUBMITTED, "Write the question for the applicants."),
        ("resubmit", State.INFORMATION_REQUESTED, "Write your answer to the question."),
        ("mark_ineligible", State.SUBMITTED, "Give the reason."),
        ("not_fund", State.LABELLED, "Give the reason."),
    ],
)
def test_actions_that_need_a_text_refuse_a_blank_one(cast, project, action, source, message):
    set_state(project, source)
    actor = cast.representative if action == "resubmit" else cast.staff
    with pytest.raises(DomainError, match=message):
        apply_transition(actor=actor, project=project, action=action, text="   ")
    project.refresh_from_db()
    assert project.state == source


def test_submitting_twice_is_a_conflict(cast, project):
    apply_transition(actor=cast.representative, project=project, action="submit")
    with pytest.raises(
        ConflictError, match=re.escape("This cannot be done while the project is “Submitted”.")
    ):
        apply_transition(actor=cast.representative, project=project, action="submit")
    assert AuditEntry.objects.filter(action="projects.project.submitted").count() == 1


def refuse_submission(cast, project, message):
    with pytest.raises(DomainError) as error:
        apply_transition(actor=cast.representative, project=project, action="submit")
    assert error.value.message == message
    project.refresh_from_db()
    assert project.state == State.DRAFT


def test_submission_needs_a_call(cast, project):
    project.call = None
    project.save(update_fields=["call"])
    refuse_submission(cast, project, "Choose a call before submitting the project.")


def test_submission_needs_an_open_call(cast, project):
    project.call.closes_at = datetime(2021, 1, 1, tzinfo=UTC)
    project.call.save(update_fields=["closes_at"])
    refuse_submission(cast, project, f"The call “{project.call.title}” is not open.")


def test_submission_needs_a_summary(cast, project):
    project.summary = " "
    project.save(update_fields=["summary"])
    refuse_submission(cast, project, "Write the project's summary before submitting it.")


def test_submission_needs_a_duration(cast, project):
    project.duration_months = None
    project.save(update_fields=["duration_months"])
    refuse_submission(cast, project, "Give the project's duration before submitting it.")


def test_submission_needs_a_duration_within_the_call(cast, project):
    project.duration_months = 37
    project.save(update_fields=["duration_months"])
    refuse_submission(cast, project, "The project lasts 37 months; the call allows at most 36.")


def test_submission_needs_the_minimum_partners(cast, project):
    project.call.min_partners = 3
    project.call.save(update_fields=["min_partners"])
    refuse_submission(cast, project, "The consortium needs at least 3 partners; it has 2.")


def test_without_coordinator_nobody_may_submit(cast, project):
    project.partners.update(is_coordinator=False)
    with pytest.raises(PermissionDeniedError):
        apply_transition(actor=cast.representative, project=project, action="submit")
    project.refresh_from_db()
    assert project.state == State.DRAFT


def test_submission_needs_a_budget_within_the_call(cast, project):
    project.partners.update(budget=Decimal("600000.00"))
    refuse_submission(
        cast,
        project,
        "The total budget (1,200,000\u00a0€) exceeds the call's maximum (1,000,000\u00a0€).",
    )


def test_submission_needs_an_attachment(cast, project):
    project.attachments.all().delete()
    refuse_submission(cast, project, "Attach the full proposal as a PDF before submitting.")


def test_jury_needs_a_submitted_evaluation(cast, project):
    set_state(project, State.UNDER_EVALUATION)
    AssignmentFactory(
        project=project, state=Assignment.State.ACCEPTED, declaration_signed_at=SIGNED_AT
    )
    with pytest.raises(DomainError, match=re.escape("No expert has submitted an evaluation")):
        apply_transition(actor=cast.staff, project=project, action="send_to_jury")


def test_follow_up_needs_a_final_report_milestone(cast, project):
    set_state(project, State.FUNDED)
    Milestone.objects.create(project=project, title="Prototype", due_on=date(2031, 1, 1))
    with pytest.raises(
        DomainError, match=re.escape("Plan the milestones, with the final report, first.")
    ):
        apply_transition(actor=cast.staff, project=project, action="start_follow_up")


def test_closing_needs_the_final_report(cast, project):
    set_state(project, State.FOLLOW_UP)
    Milestone.objects.create(
        project=project, title="Final report", due_on=date(2031, 1, 1), is_final=True
    )
    with pytest.raises(DomainError, match=re.escape("The final report is not in yet.")):
        apply_transition(actor=cast.staff, project=project, action="close")
