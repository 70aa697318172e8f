"""Pages of the evaluation: the expert's journey, blind mode, the staff's board, the jury."""

import pytest
from django.core import mail
from django.urls import reverse

from agora.core.models import AuditEntry
from agora.members.tests.factories import UserFactory
from agora.projects.models import Assignment, Decision, DeclaredConflict, Project, Score
from agora.projects.tests.evaluation_world import (
    SIGNED_AT,
    eligible_project,
    make_expert,
    member_organisation,
    submitted_evaluation,
)
from agora.projects.tests.factories import AssignmentFactory, CallFactory, ExpertFactory

SECRETS = ["Helix Therapeutics SA", "Dubois", "Lambert", "Partner Lab SA"]


@pytest.fixture
def project(cast):
    call = CallFactory(slug="call-2030", is_blind=True)
    return eligible_project(
        call, "HELIX", cast.organisation, member_organisation("Partner Lab SA"), title="Antibodies"
    )


@pytest.fixture
def expert(cast):
    return ExpertFactory(person=cast.expert.person)


@pytest.fixture
def invited(project, expert):
    return AssignmentFactory(project=project, expert=expert, state=Assignment.State.INVITED)


def declaration_url(assignment):
    return reverse("projects:assignment-declaration", args=[assignment.pk])


def evaluate_url(assignment):
    return reverse("projects:evaluation-edit", args=[assignment.pk])


def test_before_signing_the_expert_sees_only_acronym_and_title(client, cast, invited):
    client.force_login(cast.expert)
    html = client.get(declaration_url(invited)).content.decode()
    assert "HELIX" in html
    assert "Antibodies" in html
    assert "An antibody against a rare disease" not in html


def test_signing_opens_the_project_and_the_form(client, cast, invited, project):
    client.force_login(cast.expert)
    response = client.post(declaration_url(invited), {"action": "accept", "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == evaluate_url(invited)
    assert client.get(evaluate_url(invited)).status_code == 200
    detail = reverse("projects:project-detail", args=[project.pk])
    assert client.get(detail).status_code == 200


def test_signing_without_ticking_is_refused(client, cast, invited):
    client.force_login(cast.expert)
    response = client.post(declaration_url(invited), {"action": "accept"})
    assert response.status_code == 400
    invited.refresh_from_db()
    assert invited.state == Assignment.State.INVITED


def test_declining_needs_a_reason(client, cast, invited):
    client.force_login(cast.expert)
    response = client.post(declaration_url(invited), {"action": "decline", "reason": ""})
    assert response.status_code == 400
    assert Assignment.objects.get(pk=invited.pk).state == Assignment.State.INVITED
    response = client.post(
        declaration_url(invited),
        {"action": "decline", "reason": "I advise them", "is_conflict": "on"},
    )
    assert response.status_code == 302
    assert Assignment.objects.get(pk=invited.pk).state == Assignment.State.DECLINED
    assert DeclaredConflict.objects.get().reason == "I advise them"


def test_blind_call_pages_never_name_the_applicants(client, cast, invited):
    client.force_login(cast.expert)
    pages = [reverse("projects:assignment-list"), declaration_url(invited)]
    client.post(declaration_url(invited), {"action": "accept", "confirm": "on"})
    pages += [evaluate_url(invited), reverse("projects:project-detail", args=[invited.project_id])]
    for page in pages:
        html = client.get(page).content.decode()
        assert [secret for secret in SECRETS if secret in html] == [], page


def form_data(project, values, action):
    data = {"action": action, "comments": "Convincing team"}
    for criterion, value in zip(project.call.criteria.all(), values, strict=True):
        data[f"score_{criterion.pk}"] = value
        data[f"comment_{criterion.pk}"] = f"About {criterion.name}"
    return data


@pytest.fixture
def accepted(invited):
    invited.state = Assignment.State.ACCEPTED
    invited.declaration_signed_at = SIGNED_AT
    invited.save(update_fields=["state", "declaration_signed_at"])
    return invited


def test_the_form_saves_a_draft_then_submits(client, cast, accepted, project):
    client.force_login(cast.expert)
    draft = client.post(evaluate_url(accepted), form_data(project, [7, "", ""], "save"))
    assert draft.status_code == 302
    assert list(Score.objects.values_list("value", flat=True)) == [7]
    html = client.get(evaluate_url(accepted)).content.decode()
    assert 'value="7"' in html
    submitted = client.post(evaluate_url(accepted), form_data(project, [7, 8, 9], "submit"))
    assert submitted.status_code == 302
    assert Assignment.objects.get(pk=accepted.pk).state == Assignment.State.SUBMITTED
    assert sorted(Score.objects.values_list("value", flat=True)) == [7, 8, 9]
    again = client.post(evaluate_url(accepted), form_data(project, [1, 1, 1], "submit"))
    assert again.status_code == 409
    assert "it can no longer be changed" in again.content.decode()
    assert sorted(Score.objects.values_list("value", flat=True)) == [7, 8, 9]


def test_a_score_out_of_range_is_a_400(client, cast, accepted, project):
    client.force_login(cast.expert)
    response = client.post(evaluate_url(accepted), form_data(project, [11, 5, 5], "submit"))
    assert response.status_code == 400
    assert "less than or equal to 10" in response.content.decode()
    assert Score.objects.count() == 0


def test_submitting_with_a_missing_score_is_a_400(client, cast, accepted, project):
    client.force_login(cast.expert)
    response = client.post(evaluate_url(accepted), form_data(project, [5, 5, ""], "submit"))
    assert response.status_code == 400
    assert "Score every criterion before submitting." in response.content.decode()
    assert Score.objects.count() == 0


@pytest.fixture
def board(cast):
    call = CallFactory(slug="board", experts_per_project=2)
    helix = eligible_project(call, "HELIX", cast.organisation, keywords="antibody")
    other = eligible_project(call, "OTHER", member_organisation("Far SA"), keywords="antibody")
    experts = [make_expert("Own", cast.organisation), make_expert("Free"), make_expert("Two")]
    return {"call": call, "helix": helix, "other": other, "experts": experts}


def test_staff_run_the_assignment_and_see_the_misses(client, staff_with_totp, board):
    client.force_login(staff_with_totp)
    url = reverse("projects:call-assignment", args=["board"])
    response = client.post(reverse("projects:assignment-run", args=["board"]))
    assert response.status_code == 302
    assert Assignment.objects.filter(project=board["helix"]).count() == 2
    assert Assignment.objects.filter(project=board["other"]).count() == 2
    assert not Assignment.objects.filter(
        project=board["helix"], expert=board["experts"][0]
    ).exists()
    html = client.get(url).content.decode()
    assert "Every project has its experts." in html
    assert "Dr Free" in html


def test_a_call_with_no_project_to_assign_offers_no_run(client, staff_with_totp, board):
    """Before eligibility or after the jury, the board says why it is empty and hides the
    run and invite buttons."""
    run = reverse("projects:assignment-run", args=["board"])
    client.force_login(staff_with_totp)
    assert f'action="{run}"' in client.get(reverse("projects:call-assignment", args=["board"])).text
    Project.objects.filter(call=board["call"]).update(state=Project.State.LABELLED)
    html = client.get(reverse("projects:call-assignment", args=["board"])).text
    assert "No project of this call is eligible or under evaluation" in html
    assert f'action="{run}"' not in html
    assert reverse("projects:assignment-invite", args=["board"]) not in html


def test_the_board_lists_the_projects_short_of_experts(client, staff_with_totp, board):
    board["call"].experts_per_project = 3
    board["call"].save(update_fields=["experts_per_project"])
    client.force_login(staff_with_totp)
    client.post(reverse("projects:assignment-run", args=["board"]))
    html = client.get(reverse("projects:call-assignment", args=["board"])).content.decode()
    assert (
        "<strong>HELIX</strong>: 2 of 3 experts assigned: only 2 experts free of conflicts of "
        "interest" in html
    )


def test_a_refused_swap_shows_its_message(client, cast, staff_with_totp, board):
    assignment = AssignmentFactory(project=board["helix"], expert=board["experts"][1])
    client.force_login(staff_with_totp)
    url = reverse("projects:assignment-swap", args=["board", assignment.pk])
    response = client.post(url, {"expert": board["experts"][0].pk})
    assert response.status_code == 400
    assert (
        "Dr Own cannot evaluate HELIX: works for Helix Therapeutics SA, a partner of the "
        "consortium." in response.content.decode()
    )
    assert Assignment.objects.get(pk=assignment.pk).expert == board["experts"][1]


def test_invite_sends_the_emails(
    client, staff_with_totp, board, django_capture_on_commit_callbacks
):
    AssignmentFactory(project=board["helix"], expert=board["experts"][1])
    client.force_login(staff_with_totp)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:assignment-invite", args=["board"]))
    assert response.status_code == 302
    assert [message.subject for message in mail.outbox] == ["Invitation to evaluate HELIX"]
    assert Assignment.objects.get().state == Assignment.State.INVITED


def test_board_queries_do_not_grow_with_projects(
    client, staff_with_totp, board, django_assert_max_num_queries
):
    client.force_login(staff_with_totp)
    for project in (board["helix"], board["other"]):
        for expert in board["experts"][1:]:
            AssignmentFactory(project=project, expert=expert)
    with django_assert_max_num_queries(12):
        client.get(reverse("projects:call-assignment", args=["board"]))


def test_jury_member_reads_the_results(client, cast, django_assert_max_num_queries):
    call = CallFactory(slug="results")
    project = eligible_project(call, "HELIX", cast.organisation)
    submitted_evaluation(project, make_expert("Alpha"), [8, 6, 5])
    submitted_evaluation(project, make_expert("Beta"), [6, 9, 7])
    juror = UserFactory(email="juror@example.org")
    call.jury.add(juror)
    client.force_login(juror)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("projects:call-results", args=["results"]))
    html = response.content.decode()
    assert '6.93 <span class="text-body-secondary small">± 0.38</span>' in html
    assert '<td class="text-end">2</td>' in html
    csv_response = client.get(reverse("projects:evaluations-csv", args=["results"]))
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response.content.decode().count("\n") == 3
    xlsx = client.get(reverse("projects:evaluations-xlsx", args=["results"]))
    assert xlsx["Content-Disposition"] == 'attachment; filename="results-evaluations.xlsx"'


def test_the_decision_is_recorded_and_the_letter_emailed(
    client, cast, staff_with_totp, django_capture_on_commit_callbacks
):
    project = eligible_project(CallFactory(), "HELIX", cast.organisation)
    project.state = Project.State.JURY
    project.save(update_fields=["state"])
    client.force_login(staff_with_totp)
    url = reverse("projects:project-decision", args=[project.pk])
    empty = client.post(url, {"outcome": "labelled", "letter": "  "})
    assert empty.status_code == 400
    assert Decision.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"outcome": "labelled", "letter": "A strong consortium."})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.state == Project.State.LABELLED
    assert Decision.objects.get().letter == "A strong consortium."
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["representative@example.org"]
    assert "A strong consortium." in mail.outbox[0].body
    again = client.post(url, {"outcome": "not_labelled", "letter": "No"})
    assert again.status_code == 409
    assert Decision.objects.get().outcome == "labelled"


def test_an_expert_edits_the_profile_and_conflicts(client, cast, expert):
    client.force_login(cast.expert)
    url = reverse("projects:expert-me")
    response = client.post(
        url, {"keywords": "genomics", "expertise": "Sequencing", "max_evaluations": 3}
    )
    assert response.status_code == 302
    expert.refresh_from_db()
    assert (expert.keywords, expert.max_evaluations) == ("genomics", 3)
    add = reverse("projects:expert-conflict-add")
    assert client.post(add, {"organisation": cast.organisation.pk, "reason": ""}).status_code == 400
    assert (
        client.post(add, {"organisation": cast.organisation.pk, "reason": "Ex"}).status_code == 302
    )
    again = client.post(add, {"organisation": cast.organisation.pk, "reason": "Ex"})
    assert again.status_code == 409
    conflict = DeclaredConflict.objects.get()
    remove = reverse("projects:expert-conflict-remove", args=[conflict.pk])
    assert client.post(remove).status_code == 302
    assert DeclaredConflict.objects.count() == 0
    assert AuditEntry.objects.filter(action__startswith="projects.expert.").count() == 3


def test_staff_filter_the_expert_pool(client, staff_with_totp, django_assert_max_num_queries):
    make_expert("Active")
    make_expert("Asleep", is_active=False)
    client.force_login(staff_with_totp)
    with django_assert_max_num_queries(10):
        html = client.get(reverse("projects:expert-list"), {"active": "no"}).content.decode()
    assert "Dr Asleep" in html
    assert "Dr Active" not in html
