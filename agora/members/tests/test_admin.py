"""The back office: who gets in, and admin actions that go through the services."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from agora.core.models import AuditEntry
from agora.members.models import Membership, MembershipApplication, Organisation, Region
from agora.members.tests.factories import MembershipFactory, domain


@pytest.fixture
def back_office(cast, staff_with_totp) -> Client:
    """A staff member with TOTP and the members permissions, signed in."""
    staff_with_totp.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["members", "core"])
    )
    client = Client()
    client.force_login(staff_with_totp)
    return client


def act(client: Client, action: str, pks: list[int], **extra: str):
    return client.post(
        "/admin/members/membership/",
        {"action": action, "_selected_action": [str(pk) for pk in pks], **extra},
        follow=True,
    )


def test_staff_without_totp_is_sent_to_set_it_up(cast):
    client = Client()
    client.force_login(cast.staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"


def test_member_cannot_enter_the_admin(cast):
    client = Client()
    client.force_login(cast.representative)

    response = client.get("/admin/members/organisation/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize(
    "page",
    [
        "organisation",
        "person",
        "affiliation",
        "membership",
        "partnercluster",
        "comembershipagreement",
        "membershipapplication",
        "invitation",
        "contactmessage",
        "strategicdomain",
    ],
)
def test_changelists_open(back_office, page):
    assert back_office.get(f"/admin/members/{page}/").status_code == 200


def test_organisation_changelist_shows_standing_without_a_query_per_row(
    back_office, django_assert_max_num_queries
):
    for number in range(10):
        MembershipFactory(organisation__slug=f"extra-{number}")

    with django_assert_max_num_queries(12):
        response = back_office.get("/admin/members/organisation/")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 12


def test_organisation_pages_with_inlines_and_history_open(back_office, cast):
    pk = cast.organisation.pk

    assert back_office.get(f"/admin/members/organisation/{pk}/change/").status_code == 200
    assert back_office.get(f"/admin/members/organisation/{pk}/history/").status_code == 200


def test_editing_an_organisation_in_the_admin_is_audited(back_office, cast):
    organisation = cast.organisation
    data = {
        "legal_name": organisation.legal_name,
        "short_name": "Helix",
        "slug": organisation.slug,
        "kind": organisation.kind,
        "region": Region.WALLONIA,
        "country": "BE",
        "city": organisation.city,
        "description": organisation.description,
        "is_listed": "on",
        "domains": [domain("biopharmacy").pk],
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }

    response = back_office.post(f"/admin/members/organisation/{organisation.pk}/change/", data)

    assert response.status_code == 302
    assert Organisation.objects.get(pk=organisation.pk).short_name == "Helix"
    entry = AuditEntry.objects.get(action="members.organisation.edited")
    assert entry.data == {"fields": ["short_name", "domains"], "via": "admin"}


def test_confirm_action_confirms_pending_memberships(back_office, cast):
    pending = MembershipFactory(
        start_date=date(2030, 1, 1), end_date=date(2030, 12, 31), confirmed_on=None
    )

    response = act(back_office, "confirm", [pending.pk])

    pending.refresh_from_db()
    assert pending.confirmed_on == timezone.localdate()
    assert [str(m) for m in response.context["messages"]] == ["1 memberships confirmed."]
    assert AuditEntry.objects.filter(action="members.membership.confirmed").count() == 1


def test_confirm_action_reports_refusals(back_office, cast):
    membership = cast.organisation.memberships.get()

    response = act(back_office, "confirm", [membership.pk])

    assert [str(m) for m in response.context["messages"]] == [
        f"{membership}: This membership is already confirmed."
    ]


def test_renew_action_opens_the_next_period(back_office, cast):
    membership = cast.organisation.memberships.get()

    act(back_office, "renew", [membership.pk])

    renewal = Membership.objects.get(renewal_of=membership)
    assert renewal.start_date == date(2100, 1, 1)


def test_cancel_action_asks_for_a_reason_first(back_office, cast):
    membership = cast.organisation.memberships.get()

    form = act(back_office, "cancel", [membership.pk])
    done = act(back_office, "cancel", [membership.pk], reason="Resigned")

    assert "admin/members/membership/cancel.html" in [t.name for t in form.templates]
    membership.refresh_from_db()
    assert (membership.cancelled_on, membership.cancellation_reason) == (
        timezone.localdate(),
        "Resigned",
    )
    assert [str(m) for m in done.context["messages"]] == ["1 memberships cancelled."]


def test_membership_change_form_is_read_only(back_office, cast):
    membership = cast.organisation.memberships.get()

    back_office.post(f"/admin/members/membership/{membership.pk}/change/", {"fee": "1"})

    assert Membership.objects.count() == 2
    assert Membership.objects.get(pk=membership.pk).fee == 500


def test_membership_added_in_the_admin_goes_through_the_service(back_office, cast):
    organisation = Organisation.objects.create(
        legal_name="New SA", slug="new", region=Region.WALLONIA
    )

    back_office.post(
        "/admin/members/membership/add/",
        {"organisation": organisation.pk, "type": "full", "start_date": "2030-01-01", "fee": "0"},
    )

    created = Membership.objects.get(organisation=organisation)
    assert created.end_date == date(2030, 12, 31)
    assert AuditEntry.objects.filter(action="members.membership.created").count() == 1


def test_approve_action_creates_the_organisation(back_office, cast):
    application = MembershipApplication.objects.create(
        legal_name="Nova SA",
        kind="startup",
        region=Region.WALLONIA,
        description="Diagnostics.",
        first_name="Ada",
        last_name="Lovelace",
        email="ada@example.org",
    )

    back_office.post(
        "/admin/members/membershipapplication/",
        {"action": "approve", "_selected_action": [str(application.pk)]},
    )

    application.refresh_from_db()
    assert application.state == MembershipApplication.State.APPROVED
    assert application.organisation.legal_name == "Nova SA"


def test_application_list_links_to_the_staff_page(back_office, cast):
    application = MembershipApplication.objects.create(
        legal_name="Nova SA",
        kind="startup",
        region=Region.WALLONIA,
        description="Diagnostics.",
        first_name="Ada",
        last_name="Lovelace",
        email="ada@example.org",
    )

    response = back_office.get("/admin/members/membershipapplication/")

    assert f'href="/staff/applications/{application.pk}/"' in response.text


def test_audit_log_is_searchable_and_read_only(back_office, cast):
    act(back_office, "renew", [cast.organisation.memberships.get().pk])
    entry = AuditEntry.objects.get()

    found = back_office.get("/admin/core/auditentry/?q=renewed")
    missing = back_office.get("/admin/core/auditentry/?q=cancelled")
    change = back_office.post(f"/admin/core/auditentry/{entry.pk}/change/", {"action": "x"})

    assert found.context["cl"].result_count == 1
    assert f"Renewal created (renews period no. {entry.data['of']})" in found.text
    assert missing.context["cl"].result_count == 0
    assert back_office.get("/admin/core/auditentry/add/").status_code == 403
    assert change.status_code == 403
    assert AuditEntry.objects.get().action == "members.membership.renewed"
