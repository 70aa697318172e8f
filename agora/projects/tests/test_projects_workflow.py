"""Every transition of the workflow: who may, the state, the audit, the e-mail, the refusals."""

import re
from datetime import UTC, date, datetime

import pytest
from django.db import transaction
from django.urls import reverse

from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.core.models import AuditEntry
from agora.projects.models import Assignment, Decision, InformationRequest, Milestone, Project
from agora.projects.services.projects import lock_project
from agora.projects.services.workflow import apply_transition, decide_project
from agora.projects.tests.factories import AssignmentFactory
from agora.projects.tests.workflow_world import ready_project, set_state

State = Project.State
CONSORTIUM = ["representative@example.org", "third@example.org"]
STAFF = ["staff@agora.localhost"]
SIGNED_AT = datetime(2030, 1, 10, tzinfo=UTC)


@pytest.fixture(autouse=True)
def staff_emails(settings):
    settings.AGORA_STAFF_EMAILS = STAFF


@pytest.fixture
def project(cast):
    return ready_project(cast)


def prepare(project, action):
    """What each action needs before it may run."""
    if action == "resubmit":
        InformationRequest.objects.create(project=project, question="Which patients?")
    if action == "send_to_jury":
        AssignmentFactory(
            project=project, state=Assignment.State.SUBMITTED, declaration_signed_at=SIGNED_AT
        )
    if action in ("start_follow_up", "close"):
        Milestone.objects.create(
            project=project,
            title="Final report",
            due_on=date(2032, 1, 1),
            is_final=True,
            reached_on=date(2031, 12, 1) if action == "close" else None,
        )


# action, source, target, audit verb, text, who may, recipients
CASES = [
    ("submit", State.DRAFT, State.SUBMITTED, "submitted", "", "representative", CONSORTIUM + STAFF),
    (
        "request_information",
        State.SUBMITTED,
        State.INFORMATION_REQUESTED,
        "information_requested",
        "Which patients?",
        "staff",
        CONSORTIUM,
    ),
    (
        "request_information",
        State.ELIGIBLE,
        State.INFORMATION_REQUESTED,
        "information_requested",
        "Which patients?",
        "staff",
        CONSORTIUM,
    ),
    (
        "resubmit",
        State.INFORMATION_REQUESTED,
        State.SUBMITTED,
        "resubmitted",
        "Adults with the disease.",
        "representative",
        CONSORTIUM + STAFF,
    ),
    ("mark_eligible", State.SUBMITTED, State.ELIGIBLE, "found_eligible", "", "staff", CONSORTIUM),
    (
        "mark_ineligible",
        State.SUBMITTED,
        State.INELIGIBLE,
        "found_ineligible",
        "Outside the domains.",
        "staff",
        CONSORTIUM,
    ),
    (
        "start_evaluation",
        State.ELIGIBLE,
        State.UNDER_EVALUATION,
        "evaluation_started",
        "",
        "staff",
        CONSORTIUM,
    ),
    ("send_to_jury", State.UNDER_EVALUATION, State.JURY, "sent_to_jury", "", "staff", CONSORTIUM),
    ("fund", State.LABELLED, State.FUNDED, "funded", "", "staff", CONSORTIUM),
    (
        "not_fund",
        State.LABELLED,
        State.NOT_FUNDED,
        "not_funded",
        "No budget left.",
        "staff",
        CONSORTIUM,
    ),
    (
        "start_follow_up",
        State.FUNDED,
        State.FOLLOW_UP,
        "follow_up_started",
        "",
        "staff",
        CONSORTIUM,
    ),
    ("close", State.FOLLOW_UP, State.CLOSED, "closed", "", "staff", CONSORTIUM),
]
ROLES = ["representative", "member", "outsider", "expert", "staff"]


@pytest.mark.parametrize(
    ("action", "source", "target", "verb", "text", "allowed", "recipients"), CASES
)
def test_allowed_role_moves_the_project_with_audit_and_e_mail(
    cast,
    project,
    mailoutbox,
    django_capture_on_commit_callbacks,
    action,
    source,
    target,
    verb,
    text,
    allowed,
    recipients,
):
    set_state(project, source)
    prepare(project, action)
    actor = getattr(cast, allowed)
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(actor=actor, project=project, action=action, text=text)
    project.refresh_from_db()
    assert project.state == target
    entry = AuditEntry.objects.get(action=f"projects.project.{verb}")
    assert entry.actor == actor
    assert entry.data["from"] == source
    assert entry.data["to"] == target
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == recipients
    assert mailoutbox[0].body.count(f"/projects/{project.pk}/") == 1
    if text:
        assert text in mailoutbox[0].body


@pytest.mark.parametrize(
    ("action", "source", "target", "verb", "text", "allowed", "recipients"), CASES
)
def test_other_roles_are_refused_and_nothing_changes(
    cast,
    project,
    mailoutbox,
    django_capture_on_commit_callbacks,
    action,
    source,
    target,
    verb,
    text,
    allowed,
    recipients,
):
    set_state(project, source)
    prepare(project, action)
    entries = AuditEntry.objects.count()
    for role in ROLES:
        if role == allowed:
            continue
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(
                PermissionDeniedError, match=re.escape("You may not do this on this project.")
            ),
        ):
            apply_transition(actor=getattr(cast, role), project=project, action=action, text=text)
    project.refresh_from_db()
    assert project.state == source
    assert AuditEntry.objects.count() == entries
    assert mailoutbox == []


def test_submission_records_its_time(cast, project):
    apply_transition(actor=cast.representative, project=project, action="submit")
    project.refresh_from_db()
    assert project.submitted_at is not None


def test_request_information_records_the_question_and_the_answer(cast, project):
    set_state(project, State.SUBMITTED)
    apply_transition(
        actor=cast.staff, project=project, action="request_information", text=" Which patients? "
    )
    request = InformationRequest.objects.get(project=project)
    assert (request.question, request.asked_by, request.answered_at) == (
        "Which patients?",
        cast.staff,
        None,
    )
    apply_transition(actor=cast.representative, project=project, action="resubmit", text="Adults.")
    request.refresh_from_db()
    assert request.answer == "Adults."
    assert request.answered_at is not None


def test_resubmission_is_allowed_after_the_call_closed(cast, project):
    set_state(project, State.INFORMATION_REQUESTED)
    project.call.closes_at = datetime(2021, 1, 1, tzinfo=UTC)
    project.call.save(update_fields=["closes_at"])
    apply_transition(actor=cast.representative, project=project, action="resubmit", text="Yes.")
    project.refresh_from_db()
    assert project.state == State.SUBMITTED


@pytest.mark.parametrize(
    ("outcome", "target"),
    [
        (Decision.Outcome.LABELLED, State.LABELLED),
        (Decision.Outcome.NOT_LABELLED, State.NOT_LABELLED),
    ],
)
def test_jury_decision_creates_the_decision_and_sends_the_letter(
    cast, project, mailoutbox, django_capture_on_commit_callbacks, outcome, target
):
    set_state(project, State.JURY)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decide_project(
            actor=cast.staff, project=project, outcome=outcome, letter="Strong consortium."
        )
    project.refresh_from_db()
    assert project.state == target
    assert project.decided_at is not None
    assert (decision.outcome, decision.letter, decision.decided_by) == (
        outcome,
        "Strong consortium.",
        cast.staff,
    )
    entry = AuditEntry.objects.get(action=f"projects.project.{target}")
    assert entry.data == {"from": "jury", "to": target, "outcome": outcome}
    assert mailoutbox[0].to == CONSORTIUM
    assert "Strong consortium." in mailoutbox[0].body


def test_jury_decision_needs_a_letter_and_an_outcome(cast, project):
    set_state(project, State.JURY)
    with pytest.raises(
        DomainError, match=re.escape("Write the reasoned letter to the applicants.")
    ):
        decide_project(actor=cast.staff, project=project, outcome="labelled", letter="")
    with pytest.raises(DomainError, match=re.escape("Choose the jury's decision.")):
        decide_project(actor=cast.staff, project=project, outcome="maybe", letter="Hm.")
    assert not Decision.objects.exists()


def test_jury_decision_only_from_the_jury_state(cast, project):
    set_state(project, State.UNDER_EVALUATION)
    with pytest.raises(ConflictError):
        decide_project(actor=cast.staff, project=project, outcome="labelled", letter="Good.")
    assert not Decision.objects.exists()


def test_submit_through_the_page(
    client, cast, project, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(cast.representative)
    url = reverse("projects:project-transition", args=[project.pk, "submit"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:project-detail", args=[project.pk])
    project.refresh_from_db()
    assert project.state == State.SUBMITTED
    assert mailoutbox[0].subject == "HELIX-AB was submitted"


def test_refused_submission_shows_its_message_on_the_page(client, cast, project):
    project.attachments.all().delete()
    client.force_login(cast.representative)
    response = client.post(reverse("projects:project-transition", args=[project.pk, "submit"]))
    assert response.status_code == 400
    assert "Attach the full proposal as a PDF before submitting." in response.content.decode()


def test_staff_action_from_the_queue_returns_to_the_queue(client, project, staff_with_totp):
    set_state(project, State.SUBMITTED)
    client.force_login(staff_with_totp)
    url = reverse("projects:project-transition", args=[project.pk, "mark_eligible"])
    response = client.post(url, {"back": "queue"})
    assert response["Location"] == reverse("projects:project-queue")
    project.refresh_from_db()
    assert project.state == State.ELIGIBLE


@pytest.mark.parametrize("action", ["label", "not_label", "fly"])
def test_jury_and_unknown_actions_have_no_generic_url(client, project, staff_with_totp, action):
    set_state(project, State.JURY)
    client.force_login(staff_with_totp)
    url = reverse("projects:project-transition", args=[project.pk, action])
    assert client.post(url, {"text": "Letter"}).status_code == 404
    project.refresh_from_db()
    assert project.state == State.JURY


def test_transition_url_refuses_get(client, cast, project):
    client.force_login(cast.representative)
    url = reverse("projects:project-transition", args=[project.pk, "submit"])
    assert client.get(url).status_code == 405


def test_lock_project_of_a_call_locks_the_project_row_only(cast):
    """PostgreSQL refuses FOR UPDATE on the nullable side of the join to the call (a 500)."""
    project = ready_project(cast)
    with transaction.atomic():
        assert lock_project(project).call == project.call
