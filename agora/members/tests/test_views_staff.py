from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from agora.core.models import AuditEntry
from agora.members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    Organisation,
    Person,
)
from agora.members.tests.factories import MembershipFactory, OrganisationFactory, domain


@pytest.fixture
def application(db) -> MembershipApplication:
    application = MembershipApplication.objects.create(
        legal_name="Nova Bio SRL",
        kind="startup",
        enterprise_number="0123.456.749",
        region="wallonia",
        description="Antibodies for rare diseases.",
        first_name="Nina",
        last_name="Nova",
        email="nina@nova.example.org",
    )
    application.domains.set([domain("biopharmacy")])
    return application


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


def counts() -> tuple[int, int, int, int]:
    return (
        Organisation.objects.count(),
        Person.objects.count(),
        Affiliation.objects.count(),
        Membership.objects.count(),
    )


def test_anonymous_visitor_is_sent_to_log_in(client, application):
    url = reverse("members:application-list")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("members:application-list", []),
        ("members:application-detail", ["application"]),
        ("members:organisation-staff", ["helix"]),
    ],
)
def test_staff_pages_are_hidden_from_other_users(client, cast, application, role, name, args):
    client.force_login(getattr(cast, role))
    args = [application.pk if arg == "application" else arg for arg in args]
    response = client.get(reverse(name, args=args))
    assert response.status_code == 404


def test_staff_without_totp_are_sent_to_set_it_up(client, cast):
    client.force_login(cast.staff)
    response = client.get(reverse("members:application-list"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_application_list_filters_by_state(staff_client, application):
    MembershipApplication.objects.create(
        legal_name="Old SRL",
        kind="sme",
        region="wallonia",
        description="x",
        first_name="O",
        last_name="L",
        email="old@example.org",
        state="rejected",
    )
    url = reverse("members:application-list")
    everything = staff_client.get(url)
    submitted = staff_client.get(url, {"state": "submitted"})
    assert everything.status_code == 200
    assert [a.legal_name for a in everything.context["page_obj"]] == ["Old SRL", "Nova Bio SRL"]
    assert [a.legal_name for a in submitted.context["page_obj"]] == ["Nova Bio SRL"]


def test_application_detail_offers_both_decisions(staff_client, application):
    response = staff_client.get(reverse("members:application-detail", args=[application.pk]))
    assert response.status_code == 200
    assert reverse("members:application-approve", args=[application.pk]) in response.text
    assert reverse("members:application-reject", args=[application.pk]) in response.text


@pytest.mark.parametrize("pk", ["abc", "99999", "9" * 30])
def test_unknown_or_malformed_application_is_404(staff_client, pk):
    response = staff_client.get(f"/staff/applications/{pk}/")
    assert response.status_code == 404


def test_approval_creates_the_organisation_its_representative_and_a_pending_membership(
    staff_client, staff_with_totp, application, django_capture_on_commit_callbacks
):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("members:application-approve", args=[application.pk]),
            {"start_date": "2030-02-01"},
        )

    assert response.status_code == 302
    organisation = Organisation.objects.get(legal_name="Nova Bio SRL")
    assert response["Location"] == reverse("members:organisation-staff", args=[organisation.slug])
    assert tuple(after - b for after, b in zip(counts(), before, strict=True)) == (1, 1, 1, 1)
    affiliation = Affiliation.objects.get(organisation=organisation)
    assert affiliation.role == "representative"
    assert affiliation.person.email == "nina@nova.example.org"
    membership = Membership.objects.get(organisation=organisation)
    assert membership.status == "pending"
    assert (membership.start_date, membership.end_date) == (date(2030, 2, 1), date(2031, 1, 31))
    assert list(organisation.domains.values_list("code", flat=True)) == ["biopharmacy"]
    application.refresh_from_db()
    assert application.state == "approved"
    assert application.decided_by == staff_with_totp
    assert [message.to for message in mail.outbox] == [["nina@nova.example.org"]]


def test_non_staff_cannot_approve(client, cast, application):
    client.force_login(cast.representative)
    before = counts()
    response = client.post(reverse("members:application-approve", args=[application.pk]))
    assert response.status_code == 404
    assert counts() == before
    application.refresh_from_db()
    assert application.state == "submitted"


def test_approve_is_post_only(staff_client, application):
    response = staff_client.get(reverse("members:application-approve", args=[application.pk]))
    assert response.status_code == 405


def test_approving_twice_is_a_conflict(staff_client, application):
    url = reverse("members:application-approve", args=[application.pk])
    staff_client.post(url)
    before = counts()
    response = staff_client.post(url)
    assert response.status_code == 409
    assert counts() == before
    assert response.context["approve_form"].non_field_errors() == [
        "This application has already been decided."
    ]


def test_approval_with_an_enterprise_number_already_registered_creates_nothing(
    staff_client, application
):
    OrganisationFactory(enterprise_number="0123.456.749")
    before = counts()
    response = staff_client.post(reverse("members:application-approve", args=[application.pk]))
    assert response.status_code == 409
    assert counts() == before
    assert "An organisation with enterprise number 0123.456.749 already exists." in response.text
    application.refresh_from_db()
    assert application.state == "submitted"


def test_approval_with_a_malformed_start_date_is_refused(staff_client, application):
    before = counts()
    response = staff_client.post(
        reverse("members:application-approve", args=[application.pk]), {"start_date": "soon"}
    )
    assert response.status_code == 400
    assert counts() == before
    assert response.context["approve_form"].errors["start_date"] == ["Enter a valid date."]


def test_approval_starting_in_the_last_year_of_the_calendar_is_refused(staff_client, application):
    before = counts()
    response = staff_client.post(
        reverse("members:application-approve", args=[application.pk]), {"start_date": "9999-12-31"}
    )
    assert response.status_code == 400
    assert counts() == before
    assert response.context["approve_form"].errors["start_date"] == [
        "A membership cannot start that late."
    ]


def test_rejection_needs_a_note(staff_client, application):
    response = staff_client.post(
        reverse("members:application-reject", args=[application.pk]), {"note": ""}
    )
    assert response.status_code == 400
    assert response.context["reject_form"].errors["note"] == ["This field is required."]
    application.refresh_from_db()
    assert application.state == "submitted"
    assert AuditEntry.objects.count() == 0


def test_rejection_tells_the_applicant(
    staff_client, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("members:application-reject", args=[application.pk]),
            {"note": "Outside our domains."},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "rejected"
    assert application.decision_note == "Outside our domains."
    assert [message.to for message in mail.outbox] == [["nina@nova.example.org"]]
    assert "Outside our domains." in mail.outbox[0].body


def test_organisation_page_lists_memberships_and_audit_entries(staff_client, cast):
    membership = cast.organisation.memberships.get()
    staff_client.post(
        reverse("members:membership-cancel", args=[membership.pk]), {"reason": "Resigned"}
    )
    response = staff_client.get(reverse("members:organisation-staff", args=["helix"]))
    assert response.status_code == 200
    assert [m.pk for m in response.context["memberships"]] == [membership.pk]
    assert reverse("members:membership-detail", args=[membership.pk]) in response.text
    assert "text-bg-danger" in response.text
    assert list(response.context["audit_entries"]) == []


def test_unknown_organisation_is_404_for_staff(staff_client):
    response = staff_client.get(reverse("members:organisation-staff", args=["nobody"]))
    assert response.status_code == 404


def test_membership_page_shows_its_audit_entries(staff_client, cast):
    membership = cast.organisation.memberships.get()
    staff_client.post(reverse("members:membership-renew", args=[membership.pk]))
    renewal = Membership.objects.get(renewal_of=membership)
    response = staff_client.get(reverse("members:membership-detail", args=[renewal.pk]))
    assert response.status_code == 200
    assert [entry.action for entry in response.context["audit_entries"]] == [
        "members.membership.renewed"
    ]
    history = response.text.split("History</h2>", 1)[1].split("</ul>", 1)[0]
    assert 'title="members.membership.renewed">Renewal created' in history
    assert f"(renews period no. {membership.pk})" in history


def test_staff_confirms_a_pending_membership(staff_client, cast):
    membership = MembershipFactory(
        organisation=OrganisationFactory(slug="pending"), confirmed_on=None
    )
    response = staff_client.post(reverse("members:membership-confirm", args=[membership.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("members:organisation-staff", args=["pending"])
    membership.refresh_from_db()
    assert membership.confirmed_on is not None
    assert AuditEntry.objects.get().action == "members.membership.confirmed"


def test_confirming_a_confirmed_membership_is_a_conflict(staff_client, cast):
    membership = cast.organisation.memberships.get()
    response = staff_client.post(reverse("members:membership-confirm", args=[membership.pk]))
    assert response.status_code == 409
    assert "This membership is already confirmed." in response.text
    assert AuditEntry.objects.count() == 0


def test_staff_renews_a_membership(staff_client, cast):
    membership = cast.organisation.memberships.get()
    response = staff_client.post(reverse("members:membership-renew", args=[membership.pk]))
    assert response.status_code == 302
    renewal = Membership.objects.get(renewal_of=membership)
    assert (renewal.start_date, renewal.end_date) == (date(2100, 1, 1), date(2100, 12, 31))
    assert Membership.objects.filter(organisation=cast.organisation).count() == 2


def test_renewing_twice_is_a_conflict(staff_client, cast):
    membership = cast.organisation.memberships.get()
    url = reverse("members:membership-renew", args=[membership.pk])
    staff_client.post(url)
    response = staff_client.post(url)
    assert response.status_code == 409
    assert response.context["renew_form"].non_field_errors() == [
        "This membership period has already been renewed."
    ]
    assert Membership.objects.filter(organisation=cast.organisation).count() == 2


def test_cancellation_needs_a_reason(staff_client, cast):
    membership = cast.organisation.memberships.get()
    response = staff_client.post(
        reverse("members:membership-cancel", args=[membership.pk]), {"reason": "  "}
    )
    assert response.status_code == 400
    assert response.context["cancel_form"].errors["reason"] == ["This field is required."]
    membership.refresh_from_db()
    assert membership.cancelled_on is None


def test_staff_cancels_a_membership_with_its_reason(staff_client, cast):
    membership = cast.organisation.memberships.get()
    response = staff_client.post(
        reverse("members:membership-cancel", args=[membership.pk]), {"reason": "Resigned"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.cancelled_on is not None
    assert membership.cancellation_reason == "Resigned"


@pytest.mark.parametrize("action", ["confirm", "renew", "cancel"])
def test_non_staff_cannot_change_a_membership(client, cast, action):
    membership = cast.organisation.memberships.get()
    client.force_login(cast.representative)
    response = client.post(
        reverse(f"members:membership-{action}", args=[membership.pk]), {"reason": "x"}
    )
    assert response.status_code == 404
    membership.refresh_from_db()
    assert (membership.cancelled_on, Membership.objects.count()) == (None, 2)
    assert AuditEntry.objects.count() == 0


def test_membership_actions_are_post_only(staff_client, cast):
    membership = cast.organisation.memberships.get()
    response = staff_client.get(reverse("members:membership-cancel", args=[membership.pk]))
    assert response.status_code == 405
