"""The jury of a call: it reads the scores and evaluations of its projects and decides on them."""

import re

import pytest
from django.urls import reverse

from agora.core.errors import PermissionDeniedError
from agora.core.models import AuditEntry
from agora.members.tests.factories import UserFactory
from agora.projects.models import Decision, Project
from agora.projects.services.workflow import apply_transition, decide_project
from agora.projects.tests.evaluation_world import (
    eligible_project,
    make_expert,
    member_organisation,
    submitted_evaluation,
)
from agora.projects.tests.factories import AttachmentFactory, CallFactory

State = Project.State


@pytest.fixture
def juror(db):
    return UserFactory(email="juror@example.org", preferred_language="fr")


@pytest.fixture
def project(cast, juror):
    """HELIX waits for the jury of its call, with two submitted evaluations."""
    call = CallFactory(slug="call-2030")
    call.jury.add(juror)
    project = eligible_project(call, "HELIX", cast.organisation)
    project.state = State.JURY
    project.save(update_fields=["state"])
    submitted_evaluation(project, make_expert("Alpha"), [8, 6, 5], "Convincing pilot data.")
    submitted_evaluation(project, make_expert("Beta"), [6, 9, 7], "The market is small.")
    return project


@pytest.fixture
def other_juror(db):
    """A juror of another call."""
    other = UserFactory(email="other-juror@example.org")
    CallFactory(slug="call-2031").jury.add(other)
    return other


def test_the_jury_reads_the_scores_and_every_evaluation(client, juror, project):
    client.force_login(juror)
    response = client.get(reverse("projects:project-decision", args=[project.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Convincing pilot data." in html
    assert "The market is small." in html
    assert "Dr Alpha" in html
    assert "<strong>Scientific excellence: 8/10</strong> · 8 points" in html
    # The weighted means of the two evaluations are 6.5 and 7.35 (weights 0.5, 0.3, 0.2).
    assert "6.93" in html
    assert 'name="letter"' in html


def test_a_jury_member_records_the_decision_with_audit_and_letter(
    client, cast, juror, project, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(juror)
    url = reverse("projects:project-decision", args=[project.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"outcome": "labelled", "letter": "A strong consortium."})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.state == State.LABELLED
    decision = Decision.objects.get()
    assert (decision.outcome, decision.letter, decision.decided_by) == (
        "labelled",
        "A strong consortium.",
        juror,
    )
    entry = AuditEntry.objects.get(action="projects.project.labelled")
    assert (entry.actor, entry.data) == (
        juror,
        {"from": "jury", "to": "labelled", "outcome": "labelled"},
    )
    assert [message.to for message in mailoutbox] == [["representative@example.org"]]
    assert "A strong consortium." in mailoutbox[0].body


def test_after_the_decision_the_jury_is_sent_to_the_results_not_the_project(client, juror, project):
    decide_project(actor=juror, project=project, outcome="not_labelled", letter="Too early.")
    client.force_login(juror)
    response = client.get(reverse("projects:project-decision", args=[project.pk]))
    html = response.content.decode()
    assert "Too early." in html
    assert reverse("projects:call-results", args=["call-2030"]) in html
    assert f'href="{reverse("projects:project-detail", args=[project.pk])}"' not in html


def test_a_jury_member_of_another_call_gets_404_and_changes_nothing(client, other_juror, project):
    client.force_login(other_juror)
    url = reverse("projects:project-decision", args=[project.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"outcome": "labelled", "letter": "Yes."}).status_code == 404
    for name in ["call-results", "evaluations-csv", "evaluations-xlsx"]:
        assert client.get(reverse(f"projects:{name}", args=["call-2030"])).status_code == 404
    project.refresh_from_db()
    assert project.state == State.JURY
    assert not Decision.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="projects.project.").exists()


def test_the_service_refuses_a_jury_member_of_another_call(other_juror, project):
    with pytest.raises(
        PermissionDeniedError, match=re.escape("You may not do this on this project.")
    ):
        decide_project(actor=other_juror, project=project, outcome="labelled", letter="Yes.")
    project.refresh_from_db()
    assert project.state == State.JURY
    assert not Decision.objects.exists()


def test_the_jury_does_not_open_the_project_page_nor_its_attachments(client, juror, project):
    attachment = AttachmentFactory(project=project)
    client.force_login(juror)
    for url in [
        reverse("projects:project-detail", args=[project.pk]),
        reverse("projects:attachment-download", args=[project.pk, attachment.pk]),
        reverse("projects:diagnosis-list", args=[project.pk]),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.ELIGIBLE])
def test_the_jury_sees_nothing_before_the_evaluation(client, juror, project, state):
    project.state = state
    project.save(update_fields=["state"])
    client.force_login(juror)
    assert client.get(reverse("projects:project-decision", args=[project.pk])).status_code == 404


def test_the_jury_may_take_no_other_action(juror, project):
    project.state = State.UNDER_EVALUATION
    project.save(update_fields=["state"])
    with pytest.raises(PermissionDeniedError):
        apply_transition(actor=juror, project=project, action="send_to_jury")
    project.refresh_from_db()
    assert project.state == State.UNDER_EVALUATION


def test_sending_to_the_jury_e_mails_the_jury_its_decision_page_in_its_language(
    cast, juror, project, mailoutbox, django_capture_on_commit_callbacks
):
    project.state = State.UNDER_EVALUATION
    project.save(update_fields=["state"])
    with django_capture_on_commit_callbacks(execute=True):
        apply_transition(actor=cast.staff, project=project, action="send_to_jury")
    assert [message.to for message in mailoutbox] == [
        ["representative@example.org"],
        ["juror@example.org"],
    ]
    consortium, jury = mailoutbox
    assert consortium.subject == "HELIX goes to the jury"
    assert f"/projects/{project.pk}/\n" in consortium.body
    assert jury.subject == "Le projet HELIX est transmis au jury"
    assert f"/projects/{project.pk}/decision/" in jury.body


def test_my_evaluations_page_lists_the_calls_i_judge(client, juror, project):
    client.force_login(juror)
    response = client.get(reverse("projects:assignment-list"))
    assert reverse("projects:call-results", args=["call-2030"]) in response.content.decode()


def test_staff_see_the_decision_button_on_a_project_waiting_for_the_jury(
    client, project, staff_with_totp
):
    client.force_login(staff_with_totp)
    html = client.get(reverse("projects:project-detail", args=[project.pk])).content.decode()
    assert reverse("projects:project-decision", args=[project.pk]) in html


def test_a_juror_of_the_consortium_does_not_decide_on_its_project(client, cast, project):
    project.call.jury.add(cast.representative)
    client.force_login(cast.representative)
    url = reverse("projects:project-decision", args=[project.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"outcome": "labelled", "letter": "Ours."}).status_code == 404
    with pytest.raises(PermissionDeniedError):
        decide_project(actor=cast.representative, project=project, outcome="labelled", letter="x")
    project.refresh_from_db()
    assert project.state == State.JURY
    assert not Decision.objects.exists()


def test_a_juror_of_the_consortium_reads_neither_its_scores_nor_its_evaluations(
    client, cast, project
):
    # cast.representative represents HELIX's organisation; AURORA is another member's.
    other = eligible_project(project.call, "AURORA", member_organisation("Aurora SA"))
    submitted_evaluation(other, make_expert("Gamma"), [7, 7, 7], "Clear plan.")
    project.call.jury.add(cast.representative)
    client.force_login(cast.representative)
    results = client.get(reverse("projects:call-results", args=["call-2030"])).content.decode()
    assert "AURORA" in results
    assert "HELIX" not in results
    assert "One project of this call has your organisation in its consortium" in results
    csv_text = client.get(reverse("projects:evaluations-csv", args=["call-2030"])).content
    rows = csv_text.decode().splitlines()
    assert [row.split(",")[0] for row in rows[1:]] == ["AURORA"]
    assert "Dr Alpha" not in csv_text.decode()


def test_another_juror_and_the_staff_read_every_project(client, juror, staff_with_totp, project):
    other = eligible_project(project.call, "AURORA", member_organisation("Aurora SA"))
    submitted_evaluation(other, make_expert("Gamma"), [7, 7, 7], "Clear plan.")
    for user in (juror, staff_with_totp):
        client.force_login(user)
        html = client.get(reverse("projects:call-results", args=["call-2030"])).content.decode()
        assert ("HELIX" in html, "AURORA" in html) == (True, True)
        assert "your organisation in its consortium" not in html
