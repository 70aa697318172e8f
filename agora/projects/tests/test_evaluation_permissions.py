"""Who opens which expert, assignment, evaluation and jury page: every URL, every role."""

import pytest
from django.urls import reverse

from agora.members.tests.factories import UserFactory
from agora.projects.models import Assignment, Decision, Project
from agora.projects.tests.evaluation_world import (
    SIGNED_AT,
    eligible_project,
    make_expert,
    member_organisation,
)
from agora.projects.tests.factories import AssignmentFactory, CallFactory, ExpertFactory

ROLES = ("anonymous", "member", "representative", "outsider", "expert", "staff")
STAFF_PAGE = (302, 404, 404, 404, 404, 200)
STAFF_ACTION = (302, 404, 404, 404, 404, 302)


@pytest.fixture
def world(cast, staff_with_totp):
    call = CallFactory(slug="call-2030")
    project = eligible_project(call, "HELIX", cast.organisation)
    other = eligible_project(call, "OTHER", member_organisation("Other Lab SA"))
    expert = ExpertFactory(person=cast.expert.person)
    invited = AssignmentFactory(project=project, expert=expert, state=Assignment.State.INVITED)
    proposed = AssignmentFactory(project=other, expert=make_expert("Free"))
    return {"call": call, "project": project, "invited": invited, "proposed": proposed}


def user_of(cast, role):
    return None if role == "anonymous" else getattr(cast, role)


def statuses(client, cast, url, method="get", data=None):
    found = []
    for role in ROLES:
        client.logout()
        user = user_of(cast, role)
        if user is not None:
            client.force_login(user)
        response = getattr(client, method)(url, data or {})
        found.append(response.status_code)
    return tuple(found)


def snapshot():
    return sorted(
        Assignment.objects.values_list("pk", "project_id", "expert_id", "state", "is_locked")
    )


def test_staff_pages(client, cast, world):
    slug = world["call"].slug
    for url in [
        reverse("projects:expert-list"),
        reverse("projects:call-assignment", args=[slug]),
    ]:
        assert statuses(client, cast, url) == STAFF_PAGE, url


def test_results_and_exports_are_for_the_staff_and_the_jury(client, cast, world):
    juror = UserFactory(email="juror@example.org")
    world["call"].jury.add(juror)
    slug = world["call"].slug
    for name in ["call-results", "evaluations-csv", "evaluations-xlsx"]:
        url = reverse(f"projects:{name}", args=[slug])
        assert statuses(client, cast, url) == STAFF_PAGE, url
        client.force_login(juror)
        assert client.get(url).status_code == 200


def test_decision_page_is_for_the_staff(client, cast, world):
    project = world["project"]
    project.state = Project.State.JURY
    project.save(update_fields=["state"])
    url = reverse("projects:project-decision", args=[project.pk])
    assert statuses(client, cast, url) == STAFF_PAGE
    found = statuses(client, cast, url, "post", {"outcome": "labelled", "letter": "Well done"})
    assert found == STAFF_ACTION
    decision = Decision.objects.get()
    assert (decision.project, decision.decided_by) == (project, cast.staff)


def test_my_evaluations_need_an_account(client, cast, world):
    url = reverse("projects:assignment-list")
    assert statuses(client, cast, url) == (302, 200, 200, 200, 200, 200)


def test_my_expert_profile_is_for_experts(client, cast, world):
    url = reverse("projects:expert-me")
    assert statuses(client, cast, url) == (302, 404, 404, 404, 200, 404)


def test_the_declaration_is_for_the_invited_expert_only(client, cast, world):
    url = reverse("projects:assignment-declaration", args=[world["invited"].pk])
    assert statuses(client, cast, url) == (302, 404, 404, 404, 200, 404)
    proposal = reverse("projects:assignment-declaration", args=[world["proposed"].pk])
    assert statuses(client, cast, proposal) == (302, 404, 404, 404, 404, 404)


def test_an_assigned_expert_sees_the_project_only_after_the_declaration(client, cast, world):
    project_url = reverse("projects:project-detail", args=[world["project"].pk])
    form_url = reverse("projects:evaluation-edit", args=[world["invited"].pk])
    client.force_login(cast.expert)
    assert [client.get(project_url).status_code, client.get(form_url).status_code] == [404, 404]
    invited = world["invited"]
    invited.state = Assignment.State.ACCEPTED
    invited.declaration_signed_at = SIGNED_AT
    invited.save(update_fields=["state", "declaration_signed_at"])
    assert [client.get(project_url).status_code, client.get(form_url).status_code] == [200, 200]
    assert statuses(client, cast, form_url) == (302, 404, 404, 404, 200, 404)


def test_an_expert_gets_404_on_a_project_not_assigned_to_them(client, cast, world):
    invited = world["invited"]
    invited.state = Assignment.State.ACCEPTED
    invited.declaration_signed_at = SIGNED_AT
    invited.save(update_fields=["state", "declaration_signed_at"])
    other = world["proposed"]
    client.force_login(cast.expert)
    assert (
        client.get(reverse("projects:project-detail", args=[other.project_id])).status_code == 404
    )
    for name in ["assignment-declaration", "evaluation-edit"]:
        assert client.get(reverse(f"projects:{name}", args=[other.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("assignment-run", {}),
        ("assignment-invite", {}),
    ],
)
def test_call_actions_are_for_the_staff(client, cast, world, name, data):
    url = reverse(f"projects:{name}", args=[world["call"].slug])
    before = snapshot()
    found = []
    for role in ROLES[:5]:
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(cast, role))
        found.append(client.post(url, data).status_code)
        assert snapshot() == before
    client.force_login(cast.staff)
    found.append(client.post(url, data).status_code)
    assert tuple(found) == STAFF_ACTION


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("assignment-lock", {"is_locked": "1"}),
        ("assignment-remove", {}),
        ("assignment-swap", {"expert": "EXPERT"}),
    ],
)
def test_assignment_actions_are_for_the_staff(client, cast, world, name, data):
    proposed = world["proposed"]
    if data.get("expert") == "EXPERT":
        data = {"expert": make_expert("Swapped").pk}
    url = reverse(f"projects:{name}", args=[world["call"].slug, proposed.pk])
    before = snapshot()
    found = []
    for role in ROLES[:5]:
        client.logout()
        if role != "anonymous":
            client.force_login(getattr(cast, role))
        found.append(client.post(url, data).status_code)
        assert snapshot() == before
    client.force_login(cast.staff)
    found.append(client.post(url, data).status_code)
    assert tuple(found) == STAFF_ACTION
    assert snapshot() != before


def test_assignment_urls_of_another_call_are_404(client, cast, world):
    elsewhere = CallFactory(slug="elsewhere")
    client.force_login(cast.staff)
    url = reverse("projects:assignment-lock", args=[elsewhere.slug, world["proposed"].pk])
    assert client.post(url, {"is_locked": "1"}).status_code == 404
    assert not Assignment.objects.filter(is_locked=True).exists()
