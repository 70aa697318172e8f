"""The projects back office: staff with TOTP open every list; what the site writes is read-only."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from agora.core.models import AuditEntry
from agora.members.tests.factories import domain
from agora.projects.models import (
    ActionPoint,
    Call,
    CriterionAnswer,
    Decision,
    DeclaredConflict,
    Diagnosis,
    Evaluation,
    InformationRequest,
    Milestone,
    Project,
    Score,
    Target,
)
from agora.projects.tests.factories import (
    AssignmentFactory,
    AttachmentFactory,
    CallFactory,
    ExpertFactory,
    ProjectFactory,
    make_consortium,
)

EDITABLE = ["call", "criterion", "partner", "milestone", "expert", "declaredconflict"]
READ_ONLY = [
    "project",
    "attachment",
    "informationrequest",
    "assignment",
    "evaluation",
    "score",
    "decision",
    "diagnosis",
    "criterionanswer",
    "target",
    "actionpoint",
]
CALL_FORM = {
    "title": "Call for projects 2031",
    "slug": "call-2031",
    "description": "Digital health and medical devices.",
    "is_published": "on",
    "opens_at_0": "2031-01-15",
    "opens_at_1": "09:00",
    "closes_at_0": "2031-04-30",
    "closes_at_1": "17:00",
    "max_budget": "1500000",
    "min_partners": "2",
    "max_duration_months": "36",
    "experts_per_project": "3",
    "is_blind": "on",
    "criteria-INITIAL_FORMS": "0",
    "criteria-TOTAL_FORMS": "2",
    "criteria-0-position": "0",
    "criteria-0-name": "Scientific excellence",
    "criteria-0-weight": "60",
    "criteria-1-position": "1",
    "criteria-1-name": "Economic impact in Wallonia",
    "criteria-1-weight": "40",
}


@pytest.fixture
def back_office(cast, staff_with_totp) -> Client:
    """A staff member with TOTP and the projects permissions, signed in."""
    staff_with_totp.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["projects", "members", "accounts"])
    )
    client = Client()
    client.force_login(staff_with_totp)
    return client


@pytest.fixture
def project_with_rows(cast) -> Project:
    """A decided project with a row of every projects model behind it."""
    project = ProjectFactory(acronym="HELIXCAR", state=Project.State.LABELLED)
    make_consortium(project, cast.organisation, cast.other_organisation)
    AttachmentFactory(project=project)
    InformationRequest.objects.create(project=project, question="Which hospital?")
    Milestone.objects.create(project=project, title="First patient", due_on=date(2031, 6, 1))
    expert = ExpertFactory()
    DeclaredConflict.objects.create(expert=expert, project=project, reason="Former employer")
    assignment = AssignmentFactory(project=project, state="submitted")
    evaluation = Evaluation.objects.create(
        assignment=assignment, comments="Solid.", submitted_at=datetime(2031, 2, 1, tzinfo=UTC)
    )
    Score.objects.create(evaluation=evaluation, criterion=project.call.criteria.first(), value=8)
    Decision.objects.create(project=project, outcome="labelled", letter="Congratulations.")
    diagnosis = Diagnosis.objects.create(project=project, diagnosed_on=date(2031, 1, 5))
    CriterionAnswer.objects.create(diagnosis=diagnosis, criterion="TECH-1-1", is_met=True)
    Target.objects.create(diagnosis=diagnosis, dimension="technology", level=5, due_on=date.max)
    ActionPoint.objects.create(diagnosis=diagnosis, dimension="technology", text="Run a pilot")
    return project


@pytest.mark.parametrize("model", EDITABLE + READ_ONLY)
def test_staff_opens_every_projects_list(back_office, project_with_rows, model):
    assert back_office.get(f"/admin/projects/{model}/").status_code == 200


@pytest.mark.parametrize("model", EDITABLE)
def test_staff_opens_every_editable_add_page(back_office, model):
    assert back_office.get(f"/admin/projects/{model}/add/").status_code == 200


@pytest.mark.parametrize("model", READ_ONLY)
def test_rows_written_by_the_site_cannot_be_added_by_hand(back_office, model):
    assert back_office.get(f"/admin/projects/{model}/add/").status_code == 403


def test_staff_opens_a_project_with_its_inlines(back_office, project_with_rows):
    response = back_office.get(f"/admin/projects/project/{project_with_rows.pk}/change/")

    assert response.status_code == 200
    assert b"partners-TOTAL_FORMS" in response.content
    assert b"milestones-TOTAL_FORMS" in response.content
    assert b"Which hospital?" in response.content
    attachment = project_with_rows.attachments.get()
    download = f"/projects/{project_with_rows.pk}/attachments/{attachment.pk}/"
    assert f'href="{download}"'.encode() in response.content
    assert "state" not in response.context["adminform"].form.fields


def project_form(project: Project, *, coordinators: int) -> dict[str, str]:
    """The admin's project form as posted, with its partners and `coordinators` ticked."""
    data = {
        "acronym": project.acronym,
        "title": "CAR-T cells against a rare lymphoma",
        "summary": project.summary,
        "keywords": project.keywords,
        "duration_months": "24",
        "partners-INITIAL_FORMS": "2",
        "partners-TOTAL_FORMS": "2",
        "milestones-INITIAL_FORMS": "1",
        "milestones-TOTAL_FORMS": "1",
        "milestones-0-id": str(project.milestones.get().pk),
        "milestones-0-project": str(project.pk),
        "milestones-0-title": "First patient",
        "milestones-0-due_on": "2031-06-01",
    }
    # The read-only inlines post their management forms too.
    for prefix, rows in [
        ("attachments", project.attachments.all()),
        ("information_requests", project.information_requests.all()),
    ]:
        data |= {f"{prefix}-INITIAL_FORMS": "1", f"{prefix}-TOTAL_FORMS": "1"}
        data |= {f"{prefix}-0-id": str(rows.get().pk), f"{prefix}-0-project": str(project.pk)}
    for n, partner in enumerate(project.partners.order_by("pk")):
        data |= {
            f"partners-{n}-id": str(partner.pk),
            f"partners-{n}-project": str(project.pk),
            f"partners-{n}-organisation": str(partner.organisation_id),
            f"partners-{n}-budget": "100000",
        }
        if n < coordinators:
            data[f"partners-{n}-is_coordinator"] = "on"
    return data


def test_staff_corrects_a_project_and_leaves_an_audit_entry(back_office, project_with_rows):
    data = project_form(project_with_rows, coordinators=1)

    response = back_office.post(f"/admin/projects/project/{project_with_rows.pk}/change/", data)

    assert response.status_code == 302
    project_with_rows.refresh_from_db()
    assert project_with_rows.title == "CAR-T cells against a rare lymphoma"
    assert project_with_rows.state == Project.State.LABELLED
    assert AuditEntry.objects.filter(
        action="projects.project.edited", object_id=str(project_with_rows.pk)
    ).exists()


def test_a_consortium_keeps_exactly_one_coordinator(back_office, project_with_rows):
    data = project_form(project_with_rows, coordinators=2)

    response = back_office.post(f"/admin/projects/project/{project_with_rows.pk}/change/", data)

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors() == [
        "The consortium needs exactly one coordinator; 2 are ticked."
    ]
    assert project_with_rows.partners.filter(is_coordinator=True).count() == 1


def test_staff_reads_an_attachment_through_its_download_link(back_office, project_with_rows):
    attachment = project_with_rows.attachments.get()

    download = f"/projects/{project_with_rows.pk}/attachments/{attachment.pk}/"

    response = back_office.get(f"/admin/projects/attachment/{attachment.pk}/change/")

    assert response.status_code == 200
    assert f'href="{download}">proposal' in response.content.decode()


def test_staff_reads_an_evaluation_and_a_diagnosis(back_office, project_with_rows):
    evaluation = Evaluation.objects.get()
    diagnosis = Diagnosis.objects.get()

    evaluation_page = back_office.get(f"/admin/projects/evaluation/{evaluation.pk}/change/")
    diagnosis_page = back_office.get(f"/admin/projects/diagnosis/{diagnosis.pk}/change/")

    assert evaluation_page.status_code == 200
    assert b"Solid." in evaluation_page.content
    assert diagnosis_page.status_code == 200
    assert b"Run a pilot" in diagnosis_page.content


def test_staff_cannot_change_an_evaluation(back_office, project_with_rows):
    evaluation = Evaluation.objects.get()

    response = back_office.post(
        f"/admin/projects/evaluation/{evaluation.pk}/change/", {"comments": "Rewritten"}
    )

    assert response.status_code == 403
    evaluation.refresh_from_db()
    assert evaluation.comments == "Solid."


def test_staff_creates_a_call_with_its_criteria_and_an_audit_entry(back_office, cast):
    medtech = domain("medtech-ivd")
    data = CALL_FORM | {"domains": [str(medtech.pk)], "jury": [str(cast.staff.pk)]}

    response = back_office.post("/admin/projects/call/add/", data)

    assert response.status_code == 302
    call = Call.objects.get(slug="call-2031")
    assert call.closes_at == datetime(2031, 4, 30, 15, 0, tzinfo=UTC)
    assert call.is_blind is True
    assert call.experts_per_project == 3
    assert [(c.name, int(c.weight)) for c in call.criteria.all()] == [
        ("Scientific excellence", 60),
        ("Economic impact in Wallonia", 40),
    ]
    assert list(call.domains.all()) == [medtech]
    assert list(call.jury.all()) == [cast.staff]
    assert AuditEntry.objects.filter(action="projects.call.added", object_id=str(call.pk)).exists()


def test_a_call_closing_before_it_opens_is_refused(back_office):
    data = CALL_FORM | {"closes_at_0": "2030-12-31"}

    response = back_office.post("/admin/projects/call/add/", data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "closes_at": ["A call closes after it opens."]
    }
    assert Call.objects.count() == 0


def test_a_call_needs_at_least_one_criterion(back_office):
    data = CALL_FORM | {"criteria-TOTAL_FORMS": "0"}

    response = back_office.post("/admin/projects/call/add/", data)

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors() == [
        "A call needs at least one evaluation criterion."
    ]
    assert Call.objects.count() == 0


def test_call_list_links_to_the_call_page(back_office):
    CallFactory(slug="health-2031")

    response = back_office.get("/admin/projects/call/")

    assert b'href="/projects/calls/health-2031/"' in response.content


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_non_staff_cannot_enter_the_projects_admin(cast, role):
    client = Client()
    client.force_login(getattr(cast, role))

    response = client.get("/admin/projects/call/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_anonymous_is_sent_to_the_admin_login(db):
    response = Client().get("/admin/projects/project/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
