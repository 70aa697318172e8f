"""The application's pages: drafts, consortium, attachments, milestones, lists and their queries."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from agora.core.audit import log_action
from agora.core.models import AuditEntry
from agora.members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnerClusterFactory,
    domain,
)
from agora.projects.models import Decision, Milestone, Partner, Project
from agora.projects.tests.factories import (
    CallFactory,
    ProjectFactory,
    make_consortium,
)

State = Project.State


@pytest.fixture
def project(cast):
    project = ProjectFactory(acronym="HELIX-AB")
    make_consortium(project, cast.organisation)
    return project


def draft_data(call, **changes):
    data = {
        "call": call.pk if call else "",
        "acronym": "NEURO",
        "title": "Neural implants",
        "summary": "An implant.",
        "keywords": "neurology, implant",
        "duration_months": "24",
        "domains": [domain("medtech-ivd").pk],
        "co_labelling_partner": "",
    }
    return data | changes


def test_member_creates_a_draft_coordinated_by_their_organisation(client, cast):
    call = CallFactory(slug="rd-2030")
    client.force_login(cast.member)
    response = client.post(
        reverse("projects:project-create"), draft_data(call, coordinator=cast.organisation.pk)
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:project-detail", args=[project.pk])
    assert (project.acronym, project.call, project.state, project.created_by) == (
        "NEURO",
        call,
        State.DRAFT,
        cast.member,
    )
    assert [d.code for d in project.domains.all()] == ["medtech-ivd"]
    partner = project.partners.get()
    assert (partner.organisation, partner.is_coordinator, partner.budget) == (
        cast.organisation,
        True,
        Decimal(0),
    )
    assert AuditEntry.objects.get(action="projects.project.created").actor == cast.member


def test_standalone_project_needs_no_call(client, cast):
    client.force_login(cast.representative)
    response = client.post(
        reverse("projects:project-create"), draft_data(None, coordinator=cast.organisation.pk)
    )
    assert response.status_code == 302
    assert Project.objects.get().call is None


def test_member_cannot_coordinate_for_another_organisation(client, cast):
    client.force_login(cast.member)
    response = client.post(
        reverse("projects:project-create"),
        draft_data(None, coordinator=cast.other_organisation.pk),
    )
    assert response.status_code == 400
    assert not Project.objects.exists()


def test_a_closed_call_is_not_offered(client, cast):
    closed = CallFactory(closes_at=datetime(2021, 1, 1, tzinfo=UTC))
    client.force_login(cast.member)
    response = client.post(
        reverse("projects:project-create"), draft_data(closed, coordinator=cast.organisation.pk)
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not Project.objects.exists()


def test_organisation_without_good_standing_cannot_start_a_project(client, cast):
    cast.organisation.memberships.update(end_date=date(2020, 6, 30))
    client.force_login(cast.member)
    assert client.get(reverse("projects:project-create")).status_code == 404


def test_consortium_edits_the_draft(client, cast, project):
    partner_cluster = PartnerClusterFactory()
    client.force_login(cast.member)
    data = draft_data(project.call, acronym="HELIX-2", co_labelling_partner=partner_cluster.pk)
    response = client.post(reverse("projects:project-edit", args=[project.pk]), data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.acronym, project.co_labelling_partner) == ("HELIX-2", partner_cluster)


def test_submitted_project_cannot_be_edited(client, cast, project):
    project.state = State.SUBMITTED
    project.save(update_fields=["state"])
    client.force_login(cast.member)
    response = client.post(
        reverse("projects:project-edit", args=[project.pk]), draft_data(project.call)
    )
    assert response.status_code == 409
    assert "The project can no longer be changed." in response.content.decode()
    project.refresh_from_db()
    assert project.acronym == "HELIX-AB"


def test_call_changes_only_while_draft(client, cast, project):
    project.state = State.INFORMATION_REQUESTED
    project.save(update_fields=["state"])
    client.force_login(cast.member)
    response = client.post(reverse("projects:project-edit", args=[project.pk]), draft_data(None))
    assert response.status_code == 409
    project.refresh_from_db()
    assert project.call is not None


def test_add_a_member_organisation_and_an_external_partner(client, cast, project):
    client.force_login(cast.representative)
    url = reverse("projects:partner-list", args=[project.pk])
    member = {"organisation": cast.other_organisation.pk, "budget": "150000", "role": "Trials"}
    external = {"external_name": "Uni Lille", "budget": "50000", "role": "Imaging"}
    assert client.post(url, member).status_code == 302
    assert client.post(url, external).status_code == 302
    partners = [
        (str(partner), partner.is_coordinator, partner.budget) for partner in project.partners.all()
    ]
    assert partners == [
        ("Helix Therapeutics SA", True, Decimal("100000.00")),
        ("Other Bio SRL", False, Decimal("150000.00")),
        ("Uni Lille", False, Decimal("50000.00")),
    ]
    assert AuditEntry.objects.filter(action="projects.project.partner_added").count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"budget": "1"},
        {"organisation": "OTHER", "external_name": "Both", "budget": "1"},
        {"external_name": "Uni Lille", "budget": "-5"},
        {"external_name": "Uni Lille", "budget": "lots"},
    ],
)
def test_bad_partner_is_refused(client, cast, project, data):
    if data.get("organisation") == "OTHER":
        data["organisation"] = cast.other_organisation.pk
    client.force_login(cast.representative)
    response = client.post(reverse("projects:partner-list", args=[project.pk]), data)
    assert response.status_code == 400
    assert project.partners.count() == 1


def test_non_member_organisation_is_not_offered(client, cast, project):
    lapsed = OrganisationFactory()
    client.force_login(cast.representative)
    response = client.post(
        reverse("projects:partner-list", args=[project.pk]),
        {"organisation": lapsed.pk, "budget": "1"},
    )
    assert response.status_code == 400
    assert project.partners.count() == 1


def test_partner_budget_and_role_are_edited(client, cast, project):
    partner = project.partners.get()
    client.force_login(cast.member)
    url = reverse("projects:partner-edit", args=[project.pk, partner.pk])
    assert client.post(url, {"budget": "250000", "role": "Lead"}).status_code == 302
    partner.refresh_from_db()
    assert (partner.budget, partner.role) == (Decimal("250000.00"), "Lead")


def test_coordinator_cannot_be_removed(client, cast, project):
    partner = project.partners.get()
    client.force_login(cast.member)
    response = client.post(reverse("projects:partner-remove", args=[project.pk, partner.pk]))
    assert response.status_code == 409
    assert "make another partner coordinator first" in response.content.decode()
    assert project.partners.count() == 1


def test_coordination_moves_and_the_old_coordinator_may_then_leave(client, cast, project):
    third = OrganisationFactory()
    MembershipFactory(organisation=third)
    other = Partner.objects.create(project=project, organisation=third, budget=1)
    external = Partner.objects.create(project=project, external_name="Uni Lille", budget=1)
    old = project.partners.get(is_coordinator=True)
    client.force_login(cast.member)
    url = reverse("projects:partner-coordinator", args=[project.pk, external.pk])
    assert client.post(url).status_code == 400  # an external partner cannot coordinate
    url = reverse("projects:partner-coordinator", args=[project.pk, other.pk])
    assert client.post(url).status_code == 302
    assert list(project.partners.filter(is_coordinator=True)) == [other]
    url = reverse("projects:partner-remove", args=[project.pk, old.pk])
    assert client.post(url).status_code == 302
    assert not project.partners.filter(pk=old.pk).exists()


def test_staff_plan_and_reach_milestones(client, project, staff_with_totp):
    project.state = State.FUNDED
    project.save(update_fields=["state"])
    client.force_login(staff_with_totp)
    url = reverse("projects:milestone-add", args=[project.pk])
    data = {"title": "Final report", "due_on": "2032-01-01", "is_final": "on"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 409  # one final report only
    milestone = Milestone.objects.get()
    url = reverse("projects:milestone-reach", args=[project.pk, milestone.pk])
    assert client.post(url, {"reached_on": "2031-12-20", "report": "Done."}).status_code == 302
    milestone.refresh_from_db()
    assert (milestone.reached_on, milestone.report) == (date(2031, 12, 20), "Done.")
    assert client.post(url, {"reached_on": "2031-12-21", "report": "Again."}).status_code == 409


def test_milestones_wait_for_funding(client, project, staff_with_totp):
    client.force_login(staff_with_totp)
    url = reverse("projects:milestone-add", args=[project.pk])
    response = client.post(url, {"title": "M1", "due_on": "2032-01-01"})
    assert response.status_code == 409
    assert not Milestone.objects.exists()


def test_project_page_shows_the_consortium_total_and_the_history(client, cast, project):
    Partner.objects.create(project=project, external_name="Uni Lille", budget=Decimal("50000"))
    client.force_login(cast.member)
    response = client.get(reverse("projects:project-detail", args=[project.pk]))
    page = response.context["page"]
    assert page.total_budget == Decimal("150000.00")
    assert [str(partner) for partner in page.partners] == ["Helix Therapeutics SA", "Uni Lille"]
    assert [transition.action for transition in response.context["transitions"]] == []
    client.force_login(cast.representative)
    response = client.get(reverse("projects:project-detail", args=[project.pk]))
    assert [transition.action for transition in response.context["transitions"]] == ["submit"]


def make_projects(cast, count):
    call = CallFactory()
    for number in range(count):
        project = ProjectFactory(call=call, acronym=f"P{number}", state=State.SUBMITTED)
        make_consortium(project, cast.organisation, OrganisationFactory())


def test_my_projects_lists_only_my_organisations_projects(client, cast, project):
    ProjectFactory(acronym="ELSEWHERE")
    client.force_login(cast.member)
    response = client.get(reverse("projects:project-list"))
    assert [p.acronym for p in response.context["page_obj"]] == ["HELIX-AB"]


def test_the_staff_list_names_its_blank_choices(client, cast, project, staff_with_totp):
    ProjectFactory(acronym="SOLO", call=None)
    client.force_login(staff_with_totp)
    page = client.get(reverse("projects:project-list")).text

    assert '<option value="" selected>All calls</option>' in page
    assert '<option value="" selected>Any state</option>' in page
    solo = page.split(">SOLO</a>", 1)[1].split("</tr>", 1)[0]
    assert "<td>No call</td>" in solo


def test_my_projects_list_queries_do_not_grow(client, cast, django_assert_max_num_queries):
    make_projects(cast, 12)
    client.force_login(cast.member)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("projects:project-list"))
    assert len(response.context["page_obj"]) == 12


def test_staff_filter_all_projects_by_call_and_state(
    client, cast, staff_with_totp, django_assert_max_num_queries
):
    make_projects(cast, 12)
    other = ProjectFactory(acronym="OTHER")
    client.force_login(staff_with_totp)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("projects:project-list"))
    assert len(response.context["page_obj"]) == 13
    response = client.get(reverse("projects:project-list"), {"call": other.call.slug})
    assert [p.acronym for p in response.context["page_obj"]] == ["OTHER"]
    response = client.get(reverse("projects:project-list"), {"state": "submitted"})
    assert len(response.context["page_obj"]) == 12


def test_staff_queue_groups_by_state_in_few_queries(
    client, cast, staff_with_totp, django_assert_max_num_queries
):
    make_projects(cast, 12)
    ProjectFactory(acronym="DRAFT")
    client.force_login(staff_with_totp)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("projects:project-queue"))
    groups = response.context["groups"]
    assert [(group["state"], len(group["rows"])) for group in groups] == [("submitted", 12)]
    actions = [transition.action for transition in groups[0]["rows"][0][1]]
    assert actions == ["request_information", "mark_eligible", "mark_ineligible"]


def test_call_list_sorts_open_upcoming_and_closed(client, db, django_assert_max_num_queries):
    CallFactory(slug="open")
    CallFactory(slug="soon", opens_at=datetime(2098, 1, 1, tzinfo=UTC))
    CallFactory(slug="past", closes_at=datetime(2021, 1, 1, tzinfo=UTC))
    CallFactory(slug="hidden", is_published=False)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("projects:call-list"))
    slugs = {
        key: [call.slug for call in response.context[key]] for key in ["open", "upcoming", "closed"]
    }
    assert slugs == {"open": ["open"], "upcoming": ["soon"], "closed": ["past"]}


def test_call_page_offers_to_start_a_project_while_open(client, cast):
    call = CallFactory(slug="rd-2030")
    client.force_login(cast.member)
    response = client.get(reverse("projects:call-detail", args=[call.slug]))
    assert response.context["can_start"] is True
    assert [c.name for c in response.context["call"].criteria.all()] == [
        "Scientific excellence",
        "Impact",
        "Consortium quality",
    ]
    client.force_login(cast.expert)
    response = client.get(reverse("projects:call-detail", args=[call.slug]))
    assert response.context["can_start"] is False


def test_refused_question_shows_its_message(client, project, staff_with_totp):
    project.state = State.SUBMITTED
    project.save(update_fields=["state"])
    client.force_login(staff_with_totp)
    url = reverse("projects:project-transition", args=[project.pk, "request_information"])
    response = client.post(url, {"text": " "})
    assert response.status_code == 400
    assert "Write the question for the applicants." in response.content.decode()


def test_project_page_in_follow_up_shows_question_decision_and_milestones(
    client, cast, project, staff_with_totp
):
    project.state = State.FOLLOW_UP
    project.save(update_fields=["state"])
    project.information_requests.create(question="Which patients?", answer="Adults.")
    Decision.objects.create(project=project, outcome="labelled", letter="A strong consortium.")
    Milestone.objects.create(project=project, title="Final report", due_on=date(2032, 1, 1))
    for user in [cast.member, staff_with_totp]:
        client.force_login(user)
        content = client.get(reverse("projects:project-detail", args=[project.pk])).content
        text = content.decode()
        assert "Which patients?" in text
        assert "A strong consortium." in text
        assert "Final report" in text
        assert ("Record as reached" in text) is user.is_staff


def test_finished_projects_leave_the_queue(client, cast, staff_with_totp):
    for state in [State.INELIGIBLE, State.NOT_LABELLED, State.NOT_FUNDED, State.CLOSED]:
        ProjectFactory(state=state)
    ProjectFactory(state=State.JURY)
    client.force_login(staff_with_totp)
    response = client.get(reverse("projects:project-queue"))
    assert [group["state"] for group in response.context["groups"]] == ["jury"]
    assert response.context["groups"][0]["rows"][0][1] == []  # the jury's page decides


@pytest.mark.parametrize("name", ["project-edit", "partner-list", "attachment-add"])
def test_forms_of_a_submitted_project_send_back_to_its_page(client, cast, project, name):
    project.state = State.SUBMITTED
    project.save(update_fields=["state"])
    client.force_login(cast.member)
    response = client.get(reverse(f"projects:{name}", args=[project.pk]), follow=True)
    assert response.redirect_chain == [(reverse("projects:project-detail", args=[project.pk]), 302)]
    assert "The project can no longer be changed." in response.content.decode()


def test_a_call_that_is_not_a_slug_is_a_400_and_nothing_is_created(client, cast):
    client.force_login(cast.representative)
    before = Project.objects.count()
    response = client.get(reverse("projects:project-create"), {"call": "a\x00b"})
    assert (response.status_code, Project.objects.count()) == (400, before)


def test_budgets_are_shown_with_thousands_separators(client, cast, project):
    Partner.objects.filter(project=project).update(budget=Decimal("1234567.50"))
    client.force_login(cast.representative)
    listed = client.get(reverse("projects:project-list")).text
    detail = client.get(reverse("projects:project-detail", args=[project.pk])).text
    assert "1,234,567.50" in listed
    assert detail.count("1,234,567.50") == 2  # the partner's row and the total
    client.post(reverse("set_language"), {"language": "fr"})
    assert "1\xa0234\xa0567,50" in client.get(reverse("projects:project-list")).text


def test_the_history_is_written_in_words_in_the_readers_language(client, cast, project):
    actions = ("created", "partner_added", "submitted", "found_eligible", "edited", "new_kind")
    for action in actions:
        log_action(f"projects.project.{action}", target=project, actor=cast.representative)
    client.force_login(cast.representative)
    page = client.get(reverse("projects:project-detail", args=[project.pk])).text
    history = page.split('<h2 class="h5">History</h2>', 1)[1].split("</ol>", 1)[0]
    lines = [line.split(" · ", 1)[1].split(" · ")[0] for line in history.split("</li>")[:-1]]
    assert lines == [
        "Project created",
        "Partner added",
        "HELIX-AB was submitted",
        "HELIX-AB is eligible",
        "Changed in the back office",
        "new_kind",
    ]
    client.post(reverse("set_language"), {"language": "fr"})
    page = client.get(reverse("projects:project-detail", args=[project.pk])).text
    assert "Projet créé" in page
    assert "HELIX-AB est éligible" in page


def test_a_project_without_recorded_change_says_so(client, cast, project):
    client.force_login(cast.representative)
    page = client.get(reverse("projects:project-detail", args=[project.pk])).text
    assert "No change recorded." in page
