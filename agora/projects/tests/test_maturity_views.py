"""Maturity pages: who may read and change them, levels through the pages, arrows, queries."""

from datetime import date

import pytest
from django.urls import reverse

from agora.projects.models import (
    ActionPoint,
    Assignment,
    CriterionAnswer,
    Diagnosis,
    Project,
    Target,
)
from agora.projects.tests.maturity_world import (
    clear_expert,
    client_for,
    make_diagnosis,
    make_project,
)

READ_PAGES = ["diagnosis-list", "diagnosis-detail", "diagnosis-pdf"]


@pytest.fixture
def project(cast):
    return make_project(cast)


@pytest.fixture
def diagnosis(project):
    make_diagnosis(project, date(2026, 1, 10), {"TECH": 2, "MARKET": 1})
    latest = make_diagnosis(project, date(2026, 3, 10), {"TECH": 3, "IP": 2})
    ActionPoint.objects.create(diagnosis=latest, dimension="IP", text="File the priority patent")
    return latest


def page_url(name: str, diagnosis: Diagnosis) -> str:
    if name in ("diagnosis-list", "diagnosis-create"):
        return reverse(f"projects:{name}", args=[diagnosis.project_id])
    return reverse(f"projects:{name}", args=[diagnosis.pk])


def user_of(cast, role: str):
    return None if role == "anonymous" else getattr(cast, role)


def snapshot() -> tuple:
    return (
        Diagnosis.objects.count(),
        list(CriterionAnswer.objects.order_by("pk").values_list("criterion", "is_met", "evidence")),
        Target.objects.count(),
        list(ActionPoint.objects.order_by("pk").values_list("text", "done_on")),
    )


def post_everything(client, diagnosis: Diagnosis) -> list[int]:
    """Try every write, a new revision last (the older one is then history); the statuses."""
    action = ActionPoint.objects.get(diagnosis=diagnosis)
    requests = [
        (page_url("diagnosis-detail", diagnosis), {"dimension": "TECH", "met_TECH-1-1": "on"}),
        (
            reverse("projects:target-set", args=[diagnosis.pk]),
            {"dimension": "TECH", "level": "5", "due_on": "2027-01-01"},
        ),
        (
            reverse("projects:action-point-add", args=[diagnosis.pk]),
            {"dimension": "TEAM", "text": "Hire a regulatory lead"},
        ),
        (reverse("projects:action-point-complete", args=[action.pk]), {}),
        (page_url("diagnosis-create", diagnosis), {"diagnosed_on": "2026-04-01"}),
    ]
    return [client.post(url, data).status_code for url, data in requests]


@pytest.mark.parametrize("name", [*READ_PAGES, "diagnosis-create"])
def test_anonymous_visitors_are_sent_to_log_in(cast, diagnosis, client, name):
    response = client.get(page_url(name, diagnosis))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["anonymous", "outsider", "expert"])
def test_denied_writes_change_nothing(cast, diagnosis, role):
    before = snapshot()

    statuses = post_everything(client_for(user_of(cast, role)), diagnosis)

    assert statuses == ([302] * 5 if role == "anonymous" else [404] * 5)
    assert snapshot() == before


@pytest.mark.parametrize("role", ["outsider", "expert"])
@pytest.mark.parametrize("name", [*READ_PAGES, "diagnosis-create"])
def test_others_get_404(cast, diagnosis, role, name):
    response = client_for(user_of(cast, role)).get(page_url(name, diagnosis))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["representative", "member", "staff"])
@pytest.mark.parametrize("name", [*READ_PAGES, "diagnosis-create"])
def test_consortium_and_staff_open_every_page(cast, staff_with_totp, diagnosis, role, name):
    response = client_for(user_of(cast, role)).get(page_url(name, diagnosis))

    assert response.status_code == 200


@pytest.mark.parametrize("role", ["representative", "member", "staff"])
def test_consortium_and_staff_make_every_change(cast, staff_with_totp, diagnosis, role):
    statuses = post_everything(client_for(user_of(cast, role)), diagnosis)

    assert statuses == [400, 302, 302, 302, 302]  # the answer lacks its evidence: refused
    assert Diagnosis.objects.count() == 3
    assert Target.objects.filter(diagnosis=diagnosis).count() == 1


def test_an_assigned_expert_reads_but_does_not_change_during_evaluation(cast, project, diagnosis):
    Project.objects.filter(pk=project.pk).update(state=Project.State.UNDER_EVALUATION)
    clear_expert(cast, project)
    client = client_for(cast.expert)
    before = snapshot()

    assert [client.get(page_url(name, diagnosis)).status_code for name in READ_PAGES] == [200] * 3
    assert client.get(page_url("diagnosis-create", diagnosis)).status_code == 404
    assert post_everything(client, diagnosis) == [404] * 5
    assert snapshot() == before
    detail = client.get(page_url("diagnosis-detail", diagnosis)).content.decode()
    assert 'name="met_TECH-1-1"' not in detail
    assert "Preuve TECH-1-1" in detail


@pytest.mark.parametrize(
    ("state", "signed"),
    [
        (Project.State.UNDER_EVALUATION, False),
        (Project.State.JURY, True),
        (Project.State.DRAFT, True),
    ],
)
def test_an_expert_outside_evaluation_or_before_the_declaration_gets_404(
    cast, project, diagnosis, state, signed
):
    Project.objects.filter(pk=project.pk).update(state=state)
    assignment = clear_expert(cast, project)
    if not signed:
        Assignment.objects.filter(pk=assignment.pk).update(
            state=Assignment.State.INVITED, declaration_signed_at=None
        )
    client = client_for(cast.expert)

    assert [client.get(page_url(name, diagnosis)).status_code for name in READ_PAGES] == [404] * 3


def test_an_expert_assigned_to_another_project_gets_404(cast, project, diagnosis):
    Project.objects.filter(pk=project.pk).update(state=Project.State.UNDER_EVALUATION)
    other = make_project(cast, acronym="OTHER")
    Project.objects.filter(pk=other.pk).update(state=Project.State.UNDER_EVALUATION)
    clear_expert(cast, other)
    client = client_for(cast.expert)

    assert [client.get(page_url(name, diagnosis)).status_code for name in READ_PAGES] == [404] * 3


def test_unknown_diagnosis_and_action_are_404(cast):
    client = client_for(cast.member)

    assert client.get(reverse("projects:diagnosis-detail", args=[999])).status_code == 404
    assert client.post(reverse("projects:action-point-complete", args=[999])).status_code == 404
