"""Who sees what: the permission matrix of every project URL, and confidentiality (404, not 403)."""

from datetime import UTC, date, datetime

import pytest
from django.http import Http404
from django.urls import reverse

from agora.core.models import AuditEntry
from agora.members.tests.factories import MembershipFactory, OrganisationFactory
from agora.projects.models import Assignment, Milestone, Partner, Project
from agora.projects.selectors.projects import access_project
from agora.projects.tests.factories import (
    AssignmentFactory,
    AttachmentFactory,
    CallFactory,
    ExpertFactory,
    ProjectFactory,
    make_consortium,
)

SIGNED_AT = datetime(2030, 1, 10, tzinfo=UTC)
CONSORTIUM_PAGES = [
    "projects:project-detail",
    "projects:project-edit",
    "projects:partner-list",
    "projects:attachment-add",
]
STAFF_PAGES = ["projects:milestone-add"]


@pytest.fixture
def project(cast):
    """A draft of helix (coordinator) with a third member organisation, and one PDF."""
    project = ProjectFactory(acronym="HELIX-AB")
    third = OrganisationFactory(legal_name="Third Lab SA")
    MembershipFactory(organisation=third)
    make_consortium(project, cast.organisation, third)
    AttachmentFactory(project=project)
    return project


@pytest.fixture
def expert(cast):
    return ExpertFactory(person=cast.expert.person)


def pages(project):
    partner = project.partners.get(is_coordinator=True)
    attachment = project.attachments.get()
    return [reverse(name, args=[project.pk]) for name in CONSORTIUM_PAGES] + [
        reverse("projects:partner-edit", args=[project.pk, partner.pk]),
        reverse("projects:attachment-download", args=[project.pk, attachment.pk]),
    ]


def status_of(client, url):
    """The status of a GET; a download is read to its end, which closes its file.

    Closing the response instead would end the request and, on PostgreSQL, the test's connection.
    """
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def test_anonymous_visitor_is_sent_to_log_in(client, project):
    for page in [*pages(project), reverse("projects:project-list")]:
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next={page}"


@pytest.mark.parametrize("role", ["representative", "member"])
def test_consortium_opens_every_page_of_its_project(client, cast, project, role):
    client.force_login(getattr(cast, role))
    assert [status_of(client, page) for page in pages(project)] == [200] * 6


def test_staff_open_every_page(client, project, staff_with_totp):
    client.force_login(staff_with_totp)
    urls = pages(project) + [reverse(name, args=[project.pk]) for name in STAFF_PAGES]
    assert [status_of(client, page) for page in urls] == [200] * 7


@pytest.mark.parametrize("role", ["outsider", "expert"])
def test_others_get_404_on_every_page(client, cast, project, role):
    client.force_login(getattr(cast, role))
    urls = pages(project) + [reverse(name, args=[project.pk]) for name in STAFF_PAGES]
    assert [status_of(client, page) for page in urls] == [404] * 7


def test_consortium_member_gets_404_on_staff_pages(client, cast, project):
    client.force_login(cast.representative)
    assert client.get(reverse("projects:milestone-add", args=[project.pk])).status_code == 404


def test_expert_not_assigned_gets_404(client, cast, project, expert):
    AssignmentFactory(
        expert=expert,
        state=Assignment.State.ACCEPTED,
        declaration_signed_at=SIGNED_AT,
    )  # assigned to another project
    client.force_login(cast.expert)
    assert client.get(reverse("projects:project-detail", args=[project.pk])).status_code == 404


@pytest.mark.parametrize(
    ("state", "signed"),
    [
        (Assignment.State.PROPOSED, False),
        (Assignment.State.INVITED, False),
        (Assignment.State.DECLINED, False),
        (Assignment.State.ACCEPTED, False),
        (Assignment.State.DECLINED, True),
    ],
)
def test_assigned_expert_before_the_declaration_gets_404(
    client, cast, project, expert, state, signed
):
    AssignmentFactory(
        project=project,
        expert=expert,
        state=state,
        declaration_signed_at=SIGNED_AT if signed else None,
    )
    client.force_login(cast.expert)
    assert [status_of(client, page) for page in pages(project)] == [404] * 6


@pytest.mark.parametrize("state", [Assignment.State.ACCEPTED, Assignment.State.SUBMITTED])
def test_assigned_expert_after_the_declaration_reads_but_cannot_edit(
    client, cast, project, expert, state
):
    AssignmentFactory(project=project, expert=expert, state=state, declaration_signed_at=SIGNED_AT)
    client.force_login(cast.expert)
    statuses = [status_of(client, page) for page in pages(project)]
    # detail, edit, consortium, attachment-add, partner-edit, download
    assert statuses == [200, 404, 404, 404, 404, 200]


def test_blind_call_hides_the_consortium_from_experts(client, cast, project, expert):
    project.call.is_blind = True
    project.call.save(update_fields=["is_blind"])
    AssignmentFactory(
        project=project,
        expert=expert,
        state=Assignment.State.ACCEPTED,
        declaration_signed_at=SIGNED_AT,
    )
    client.force_login(cast.expert)
    response = client.get(reverse("projects:project-detail", args=[project.pk]))
    assert response.status_code == 200
    assert "Helix Therapeutics SA" not in response.content.decode()
    client.force_login(cast.member)
    response = client.get(reverse("projects:project-detail", args=[project.pk]))
    assert "Helix Therapeutics SA" in response.content.decode()


def test_former_employee_loses_access(client, cast, project):
    cast.member.person.affiliations.update(end_date=datetime(2021, 1, 1, tzinfo=UTC).date())
    client.force_login(cast.member)
    assert client.get(reverse("projects:project-detail", args=[project.pk])).status_code == 404


def test_access_project_of_an_unknown_pk_is_404(cast):
    with pytest.raises(Http404):
        access_project(cast.staff, 999)


def test_attachment_of_another_project_is_404(client, cast, project):
    other = AttachmentFactory(project=ProjectFactory())
    client.force_login(cast.representative)
    url = reverse("projects:attachment-download", args=[project.pk, other.pk])
    assert client.get(url).status_code == 404


def test_download_answers_the_pdf_as_an_attachment(client, cast, project):
    attachment = project.attachments.get()
    client.force_login(cast.member)
    response = client.get(reverse("projects:attachment-download", args=[project.pk, attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="HELIX-AB-{attachment.pk}.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def denied_posts(project):
    partner = project.partners.get(is_coordinator=False)
    attachment = project.attachments.get()
    return [
        (reverse("projects:project-edit", args=[project.pk]), {"acronym": "X", "title": "X"}),
        (
            reverse("projects:partner-list", args=[project.pk]),
            {"external_name": "Intruder", "budget": "1"},
        ),
        (reverse("projects:partner-remove", args=[project.pk, partner.pk]), {}),
        (reverse("projects:partner-coordinator", args=[project.pk, partner.pk]), {}),
        (reverse("projects:attachment-delete", args=[project.pk, attachment.pk]), {}),
        (reverse("projects:project-transition", args=[project.pk, "submit"]), {}),
        (
            reverse("projects:milestone-add", args=[project.pk]),
            {"title": "M1", "due_on": "2031-01-01"},
        ),
    ]


def assert_unchanged(project, entries):
    assert AuditEntry.objects.count() == entries
    assert Partner.objects.filter(project=project).count() == 2
    assert project.partners.get(is_coordinator=True).organisation.slug == "helix"
    assert project.attachments.count() == 1
    project.refresh_from_db()
    assert project.state == Project.State.DRAFT
    assert project.acronym == "HELIX-AB"


@pytest.mark.parametrize("role", ["outsider", "expert"])
def test_others_get_404_on_every_write_and_change_nothing(client, cast, project, role):
    client.force_login(getattr(cast, role))
    entries = AuditEntry.objects.count()
    statuses = [client.post(url, data).status_code for url, data in denied_posts(project)]
    assert statuses == [404] * 7
    assert_unchanged(project, entries)


def test_member_may_not_take_staff_actions(client, cast, project):
    project.state = Project.State.SUBMITTED
    project.save(update_fields=["state"])
    client.force_login(cast.member)
    entries = AuditEntry.objects.count()
    eligible = reverse("projects:project-transition", args=[project.pk, "mark_eligible"])
    milestone = reverse("projects:milestone-add", args=[project.pk])
    assert client.post(eligible).status_code == 403
    assert client.post(milestone, {"title": "M1", "due_on": "2031-01-01"}).status_code == 404
    assert AuditEntry.objects.count() == entries
    project.refresh_from_db()
    assert project.state == Project.State.SUBMITTED


def test_member_employee_may_not_submit(client, cast, project):
    """Only a representative of the coordinator commits the consortium to the call."""
    client.force_login(cast.member)
    entries = AuditEntry.objects.count()
    url = reverse("projects:project-transition", args=[project.pk, "submit"])
    assert client.post(url).status_code == 403
    assert_unchanged(project, entries)


def test_call_pages_are_public_while_published(client, db):
    call = CallFactory(slug="rd-2030")
    hidden = CallFactory(slug="hidden", is_published=False)
    assert client.get(reverse("projects:call-list")).status_code == 200
    assert client.get(reverse("projects:call-detail", args=[call.slug])).status_code == 200
    assert client.get(reverse("projects:call-detail", args=[hidden.slug])).status_code == 404


def test_staff_see_unpublished_calls(client, staff_with_totp):
    hidden = CallFactory(slug="hidden", is_published=False)
    client.force_login(staff_with_totp)
    assert client.get(reverse("projects:call-detail", args=[hidden.slug])).status_code == 200


@pytest.mark.parametrize(
    ("role", "status"),
    [("representative", 200), ("member", 200), ("outsider", 200), ("expert", 404)],
)
def test_member_users_may_start_a_project(client, cast, role, status):
    client.force_login(getattr(cast, role))
    assert client.get(reverse("projects:project-create")).status_code == status


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_staff_queue_is_staff_only(client, cast, role):
    client.force_login(getattr(cast, role))
    assert client.get(reverse("projects:project-queue")).status_code == 404


def test_staff_open_the_queue(client, staff_with_totp):
    client.force_login(staff_with_totp)
    assert client.get(reverse("projects:project-queue")).status_code == 200


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_every_user_opens_the_call_pages_and_their_project_list(client, cast, project, role):
    client.force_login(getattr(cast, role))
    urls = [
        reverse("projects:call-list"),
        reverse("projects:call-detail", args=[project.call.slug]),
        reverse("projects:project-list"),
    ]
    assert [status_of(client, url) for url in urls] == [200, 200, 200]


def test_anonymous_writes_are_sent_to_log_in_and_change_nothing(client, project):
    entries = AuditEntry.objects.count()
    statuses = [client.post(url, data).status_code for url, data in denied_posts(project)]
    assert statuses == [302] * 7
    assert_unchanged(project, entries)


def test_project_page_queries_do_not_grow_with_the_consortium(
    client, cast, project, django_assert_max_num_queries
):
    for number in range(10):
        project.partners.create(external_name=f"Lab {number}", budget=1000)
    client.force_login(cast.representative)
    with django_assert_max_num_queries(19):  # one of them the navbar's organiser check
        response = client.get(reverse("projects:project-detail", args=[project.pk]))
    assert len(response.context["page"].partners) == 12


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("representative", 404),
        ("member", 404),
        ("outsider", 404),
        ("expert", 404),
        ("staff", 200),
    ],
)
def test_milestone_pages_are_the_staff_s(client, cast, project, staff_with_totp, role, status):
    milestone = Milestone.objects.create(project=project, title="M1", due_on=date(2031, 1, 1))
    client.force_login(getattr(cast, role))
    urls = [
        reverse("projects:milestone-add", args=[project.pk]),
        reverse("projects:milestone-reach", args=[project.pk, milestone.pk]),
    ]
    assert [status_of(client, url) for url in urls] == [status, status]


def test_lost_file_is_404_not_500(client, cast, project, media_root):
    attachment = project.attachments.get()
    (media_root / attachment.file.name).unlink()
    client.force_login(cast.member)
    url = reverse("projects:attachment-download", args=[project.pk, attachment.pk])
    assert client.get(url).status_code == 404
