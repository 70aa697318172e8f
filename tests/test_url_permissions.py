"""Every URL of Agora, every role: exactly the expected status, and denied writes change nothing.

The test fails when a URL pattern is added without a row here, so no page escapes the matrix.
Third-party URL trees (the Django admin, allauth's account pages) get one row each for their
entry point; the language switch is a public POST.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from agora.core.models import AuditEntry
from agora.members.models import Invitation, Membership, MembershipApplication, Organisation, Person
from agora.members.tests.factories import (
    AgreementFactory,
    MembershipFactory,
    OrganisationFactory,
    domain,
)

ROLES = ("anonymous", "member", "representative", "outsider", "expert", "staff")
THIRD_PARTY = ("admin/", "accounts/", "i18n/", "^media/")


@dataclass(frozen=True)
class Row:
    name: str
    path: str  # formatted with the objects of `world`
    expected: tuple[int, ...]  # one status per role, in ROLES order
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    json: bool = False
    writers: tuple[str, ...] = ("staff",)  # roles whose write may change something


PUBLIC = (200,) * 6
SIGNED_IN = (302, 200, 200, 200, 200, 200)
STAFF_PAGE = (302, 404, 404, 404, 404, 200)
STAFF_ACTION = (302, 404, 404, 404, 404, 302)
API_PUBLIC = PUBLIC
API_SIGNED_IN = (401, 200, 200, 200, 200, 200)
API_OWN_ORG = (401, 200, 200, 404, 404, 200)
API_STAFF_WRITE = (401, 403, 403, 403, 403, 201)

ROWS = [
    Row("members:home", "/", PUBLIC),
    Row("members:directory", "/members/", PUBLIC),
    Row("members:organisation-detail", "/members/helix/", PUBLIC),
    Row("members:application-create", "/join/", PUBLIC),
    Row("members:application-thanks", "/join/thanks/", PUBLIC),
    Row("members:contact", "/contact/", PUBLIC),
    Row("members:partner-list", "/partners/", PUBLIC),
    Row("members:portal", "/portal/", SIGNED_IN),
    Row("members:organisation-edit", "/portal/helix/edit/", (302, 404, 200, 404, 404, 200)),
    Row("members:organisation-team", "/portal/helix/team/", (302, 200, 200, 404, 404, 200)),
    Row("members:invitation-accept", "/invitations/{invitation.token}/", SIGNED_IN),
    Row("members:application-list", "/staff/applications/", STAFF_PAGE),
    Row("members:application-detail", "/staff/applications/{application.pk}/", STAFF_PAGE),
    Row(
        "members:application-approve",
        "/staff/applications/{application.pk}/approve/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "members:application-reject",
        "/staff/applications/{application.pk}/reject/",
        STAFF_ACTION,
        method="post",
        data={"note": "Outside our domains."},
    ),
    Row("members:organisation-staff", "/staff/organisations/helix/", STAFF_PAGE),
    Row("members:membership-detail", "/staff/memberships/{membership.pk}/", STAFF_PAGE),
    Row(
        "members:membership-confirm",
        "/staff/memberships/{pending.pk}/confirm/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "members:membership-renew",
        "/staff/memberships/{membership.pk}/renew/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "members:membership-cancel",
        "/staff/memberships/{membership.pk}/cancel/",
        STAFF_ACTION,
        method="post",
        data={"reason": "Resigned."},
    ),
    # django-ninja answers its bare root with 404 (it exists to anchor reverse()).
    Row("api:api-root", "/api/", (404,) * 6),
    Row("api:openapi-json", "/api/openapi.json", API_PUBLIC),
    Row("api:openapi-view", "/api/docs", API_PUBLIC),
    Row("api:list_organisations", "/api/organisations/", API_PUBLIC),
    Row("api:get_organisation", "/api/organisations/helix", API_PUBLIC),
    Row(
        "api:create_organisation",
        "/api/organisations/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={"legal_name": "Nova Cell SA", "kind": "startup", "region": "wallonia"},
    ),
    Row(
        "api:update_organisation",
        "/api/organisations/helix",
        (401, 403, 403, 403, 403, 200),
        method="patch",
        json=True,
        data={"short_name": "Helix"},
    ),
    Row("api:list_people", "/api/people/", API_SIGNED_IN),
    Row("api:get_person", "/api/people/{representative_person.pk}", API_OWN_ORG),
    Row(
        "api:create_person",
        "/api/people/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={"first_name": "Ana", "last_name": "Costa", "email": "ana@example.org"},
    ),
    Row("api:list_memberships", "/api/memberships/", API_SIGNED_IN),
    Row("api:get_membership", "/api/memberships/{membership.pk}", API_OWN_ORG),
    Row(
        "api:create_membership",
        "/api/memberships/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={"organisation": "newcomer", "type": "full", "start_date": "2031-01-01"},
    ),
    Row(
        "api:confirm_membership",
        "/api/memberships/{pending.pk}/confirm",
        (401, 403, 403, 403, 403, 200),
        method="post",
        json=True,
        data={},
    ),
    Row(
        "api:renew_membership",
        "/api/memberships/{membership.pk}/renew",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={},
    ),
    Row(
        "api:cancel_membership",
        "/api/memberships/{membership.pk}/cancel",
        (401, 403, 403, 403, 403, 200),
        method="post",
        json=True,
        data={"reason": "Resigned."},
    ),
    Row("api:list_partner_clusters", "/api/partner-clusters/", API_PUBLIC),
    Row("api:get_partner_cluster", "/api/partner-clusters/{partner.slug}", API_PUBLIC),
    Row(
        "api:create_partner_cluster",
        "/api/partner-clusters/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={
            "name": "Cluster Santé Est",
            "slug": "sante-est",
            "country": "FR",
            "region": "abroad",
        },
    ),
    Row(
        "set_language",
        "/i18n/setlang/",
        (302,) * 6,
        method="post",
        data={"language": "fr"},
        writers=ROLES,
    ),
    Row("admin:index", "/admin/", (302, 302, 302, 302, 302, 200)),
    Row("account_login", "/accounts/login/", (200, 302, 302, 302, 302, 302)),
]


def url_names(patterns: list, namespace: str = "", prefix: str = "") -> list[str]:
    """Every named URL pattern of the project outside the third-party trees."""
    names = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(THIRD_PARTY):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern):
            names.append(f"{namespace}{pattern.name}")
    return names


def test_every_url_pattern_has_a_row():
    covered = {row.name for row in ROWS}
    missing = sorted(set(url_names(get_resolver().url_patterns)) - covered)
    assert missing == []


@pytest.fixture
def world(cast, staff_with_totp):
    """The objects the URLs of the matrix point at."""
    application = MembershipApplication.objects.create(
        legal_name="Applicant Bio SA",
        kind="startup",
        region="wallonia",
        description="Cells.",
        first_name="Ana",
        last_name="Costa",
        email="ana@example.org",
    )
    application.domains.set([domain("cell-therapy")])
    newcomer = OrganisationFactory(slug="newcomer", legal_name="Newcomer SA")
    agreement = AgreementFactory()
    return {
        "application": application,
        "membership": Membership.objects.get(organisation=cast.organisation),
        "pending": MembershipFactory(
            organisation=newcomer,
            confirmed_on=None,
            start_date=date(2030, 1, 1),
            end_date=date(2030, 12, 31),
        ),
        "invitation": Invitation.objects.create(
            organisation=cast.organisation,
            email="new@example.org",
            first_name="New",
            last_name="Colleague",
        ),
        "representative_person": cast.representative.person,
        "partner": agreement.partner,
    }


def snapshot() -> tuple:
    """What a denied write must leave as it was."""
    return (
        AuditEntry.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
        list(Membership.objects.values_list("pk", "confirmed_on", "cancelled_on").order_by("pk")),
        list(MembershipApplication.objects.values_list("pk", "state").order_by("pk")),
        list(Organisation.objects.values_list("short_name", flat=True).order_by("pk")),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_role_gets_exactly_the_expected_status(client, cast, world, row, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    path = row.path.format(**world)
    before = snapshot()
    send = getattr(client, row.method)
    if row.json:
        response = send(path, row.data, content_type="application/json")
    else:
        response = send(path, row.data)
    expected = row.expected[ROLES.index(role)]
    assert response.status_code == expected
    if row.method != "get" and role not in row.writers:
        assert snapshot() == before
