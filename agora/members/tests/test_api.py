"""The members REST API: who sees what, who may write, and how bad input is refused."""

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from agora.accounts.models import ApiToken
from agora.core.models import AuditEntry
from agora.members.models import Affiliation, Membership, Organisation, PartnerCluster, Person
from agora.members.tests.factories import (
    AffiliationFactory,
    AgreementFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnerClusterFactory,
    PersonFactory,
    domain,
)

PUBLIC_SLUGS = ["helix", "other-bio"]
ALL_SLUGS = ["helix", "hidden", "lapsed", "other-bio"]
VALID_NUMBER = "0123.456.749"


@pytest.fixture
def world(cast):
    """The cast plus an unlisted member, a listed non-member and a partner cluster."""
    cast.organisation.domains.set([domain("biopharmacy")])
    cast.organisation.website = "https://helix.example"
    cast.organisation.save(update_fields=["website"])
    hidden = OrganisationFactory(legal_name="Hidden Labs", slug="hidden", is_listed=False)
    MembershipFactory(organisation=hidden)
    OrganisationFactory(legal_name="Lapsed SA", slug="lapsed")
    agreement = AgreementFactory(partner=PartnerClusterFactory(name="Medicen", slug="medicen"))
    for organisation in (cast.other_organisation, hidden):
        MembershipFactory(
            organisation=organisation,
            type=Membership.Type.CO_MEMBER,
            agreement=agreement,
            start_date=date(2010, 1, 1),
            end_date=date(2010, 12, 31),
            confirmed_on=None,
        )
    Membership.objects.filter(type=Membership.Type.CO_MEMBER).update(
        start_date=date(2019, 1, 1), end_date=date(2019, 12, 31), confirmed_on=date(2019, 1, 1)
    )
    return cast


def client_for(cast, role: str) -> Client:
    """A client signed in as one member of the cast (a bearer token for "token")."""
    if role == "anonymous":
        return Client()
    if role == "token":
        token = ApiToken.objects.create(user=cast.staff, name="CRM")
        return Client(headers={"authorization": f"Bearer {token.key}"})
    client = Client()
    client.force_login(getattr(cast, role))
    return client


@pytest.fixture
def staff_client(cast, staff_with_totp) -> Client:
    client = Client()
    client.force_login(staff_with_totp)
    return client


def post(client: Client, url: str, data: dict, method: str = "post"):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def test_openapi_schema_lists_every_path(db):
    response = Client().get("/api/openapi.json")

    schema = json.loads(response.content)
    assert response.status_code == 200
    assert schema["info"]["title"] == "Agora API"
    assert sorted(schema["paths"]) == [
        "/api/memberships/",
        "/api/memberships/{pk}",
        "/api/memberships/{pk}/cancel",
        "/api/memberships/{pk}/confirm",
        "/api/memberships/{pk}/renew",
        "/api/organisations/",
        "/api/organisations/{slug}",
        "/api/partner-clusters/",
        "/api/partner-clusters/{slug}",
        "/api/people/",
        "/api/people/{pk}",
    ]


def test_docs_page_is_served(db):
    assert Client().get("/api/docs").status_code == 200


@pytest.mark.parametrize(
    ("role", "slugs"),
    [
        ("anonymous", PUBLIC_SLUGS),
        ("member", PUBLIC_SLUGS),
        ("representative", PUBLIC_SLUGS),
        ("outsider", PUBLIC_SLUGS),
        ("expert", PUBLIC_SLUGS),
        ("token", ALL_SLUGS),
    ],
)
def test_organisation_list_by_role(world, role, slugs):
    body = client_for(world, role).get("/api/organisations/").json()

    assert body["count"] == len(slugs)
    assert [item["slug"] for item in body["items"]] == slugs


def test_staff_session_sees_every_organisation_with_internal_fields(world, staff_client):
    body = staff_client.get("/api/organisations/").json()

    assert [item["slug"] for item in body["items"]] == ALL_SLUGS
    internal = body["items"][1]["internal"]
    assert (internal["is_listed"], internal["is_member"]) == (False, True)
    assert body["items"][2]["internal"]["is_member"] is False


def test_public_list_hides_internal_fields_and_unconsented_website(world):
    item = Client().get("/api/organisations/").json()["items"][0]

    assert item["slug"] == "helix"
    assert item["internal"] is None
    assert item["website"] is None
    assert item["domains"] == ["biopharmacy"]


def test_website_shows_when_the_organisation_consents(world):
    Organisation.objects.filter(slug="helix").update(shows_contact=True)

    item = Client().get("/api/organisations/").json()["items"][0]

    assert item["website"] == "https://helix.example"


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("domain=biopharmacy", ["helix"]),
        ("search=other", ["other-bio"]),
        ("region=brussels", []),
        ("kind=sme", PUBLIC_SLUGS),
        ("page_size=1&page=2", ["other-bio"]),
    ],
)
def test_organisation_list_filters(world, query, slugs):
    body = Client().get(f"/api/organisations/?{query}").json()

    assert [item["slug"] for item in body["items"]] == slugs


def test_unknown_domain_filter_is_refused(world):
    response = Client().get("/api/organisations/?domain=astrology")

    assert response.status_code == 400
    assert response.json() == {"detail": "Unknown strategic domain: astrology.", "field": "domains"}


def test_bad_region_and_page_are_refused_with_their_fields(world):
    response = Client().get("/api/organisations/?region=mars&page=0")

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["region", "page"]
    assert response.json()["detail"].startswith("region: Input should be 'wallonia'")


def test_organisation_list_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    for number in range(10):
        organisation = OrganisationFactory(slug=f"extra-{number}")
        organisation.domains.set([domain("biopharmacy"), domain("data-science")])
        MembershipFactory(organisation=organisation)
    client = client_for(world, "token")

    with django_assert_max_num_queries(6):
        body = client.get("/api/organisations/").json()

    assert body["count"] == 14


def test_organisation_detail_hides_unlisted_from_the_public(world):
    assert Client().get("/api/organisations/hidden").status_code == 404
    assert Client().get("/api/organisations/hidden").json() == {"detail": "Not found."}


def test_organisation_detail_shows_representatives_only_with_consent(world):
    assert Client().get("/api/organisations/helix").json()["representatives"] == []

    Organisation.objects.filter(slug="helix").update(shows_contact=True)
    body = Client().get("/api/organisations/helix").json()

    assert [r["first_name"] for r in body["representatives"]] == ["Representative"]
    assert "email" not in body["representatives"][0]


def test_staff_see_an_unlisted_organisation(world, staff_client):
    body = staff_client.get("/api/organisations/hidden").json()

    assert body["legal_name"] == "Hidden Labs"
    assert body["internal"]["is_listed"] is False


ORGANISATION = {
    "legal_name": "Nova Diagnostics SA",
    "region": "wallonia",
    "kind": "startup",
    "enterprise_number": "BE 0123 456 749",
    "domains": ["medtech-ivd"],
}


def test_staff_create_an_organisation(world, staff_client):
    response = post(staff_client, "/api/organisations/", ORGANISATION)

    organisation = Organisation.objects.get(slug="nova-diagnostics-sa")
    assert response.status_code == 201
    assert response.json()["internal"]["enterprise_number"] == VALID_NUMBER
    assert organisation.enterprise_number == VALID_NUMBER
    assert list(organisation.domains.values_list("code", flat=True)) == ["medtech-ivd"]
    entry = AuditEntry.objects.get(action="members.organisation.created")
    assert (entry.actor, entry.object_id) == (world.staff, str(organisation.pk))


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("member", 403), ("representative", 403), ("expert", 403)],
)
def test_only_staff_create_organisations(world, role, status):
    response = post(client_for(world, role), "/api/organisations/", ORGANISATION)

    assert response.status_code == status
    assert not Organisation.objects.filter(legal_name="Nova Diagnostics SA").exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("change", "status", "body"),
    [
        (
            {"enterprise_number": "0123.456.748"},
            400,
            {
                "detail": "The check digits do not match: please check for a typing error.",
                "field": "enterprise_number",
            },
        ),
        (
            {"domains": ["medtech-ivd", "astrology"]},
            400,
            {"detail": "Unknown strategic domain: astrology.", "field": "domains"},
        ),
        (
            {"slug": "helix"},
            409,
            {"detail": "The address helix is taken.", "field": "slug"},
        ),
        (
            {"region": "abroad", "country": "BE"},
            400,
            {"detail": "An organisation abroad cannot have BE as country.", "field": "country"},
        ),
        (
            {"website": "not a url"},
            400,
            {"detail": "Enter a valid URL.", "field": "website"},
        ),
    ],
)
def test_bad_organisation_is_refused_whole(world, staff_client, change, status, body):
    response = post(staff_client, "/api/organisations/", {**ORGANISATION, **change})

    assert response.status_code == status
    assert response.json() == body
    assert Organisation.objects.count() == 4


def test_duplicate_enterprise_number_is_a_conflict(world, staff_client):
    Organisation.objects.filter(slug="lapsed").update(enterprise_number=VALID_NUMBER)

    response = post(staff_client, "/api/organisations/", ORGANISATION)

    assert response.status_code == 409
    assert response.json()["detail"] == (
        "An organisation with enterprise number 0123.456.749 already exists."
    )


def test_missing_legal_name_is_a_validation_error(world, staff_client):
    response = post(staff_client, "/api/organisations/", {"region": "wallonia"})

    assert response.status_code == 422
    assert response.json()["detail"] == "legal_name: Field required"


def test_a_nul_character_in_a_body_is_refused_and_nothing_saved(world, staff_client):
    data = {"legal_name": "Nova\x00 SA", "region": "wallonia", "domains": ["x\x00"]}

    response = post(staff_client, "/api/organisations/", data)

    assert response.status_code == 422
    assert response.json()["detail"] == (
        "legal_name: Value error, Null characters are not allowed.; "
        "domains: Value error, Null characters are not allowed."
    )
    assert not Organisation.objects.filter(legal_name__startswith="Nova").exists()


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("search=a%00b", "search: Value error, Null characters are not allowed."),
        ("page=99999999999999999999", "page: Input should be less than or equal to 1000000"),
    ],
)
def test_a_query_no_database_could_run_is_refused(world, staff_client, query, detail):
    response = staff_client.get(f"/api/organisations/?{query}")

    assert (response.status_code, response.json()["detail"]) == (422, detail)


def test_a_slug_with_a_nul_character_is_not_found(world):
    response = Client().get("/api/organisations/hel%00ix")

    assert response.status_code == 404


def test_malformed_json_is_refused(world, staff_client):
    response = staff_client.post("/api/organisations/", "{", content_type="application/json")

    assert response.status_code == 400


def test_staff_update_an_organisation(world, staff_client):
    response = post(
        staff_client,
        "/api/organisations/helix",
        {"city": "Namur", "domains": ["data-science"]},
        method="patch",
    )

    assert response.status_code == 200
    assert response.json()["city"] == "Namur"
    assert response.json()["domains"] == ["data-science"]
    entry = AuditEntry.objects.get(action="members.organisation.updated")
    assert entry.data == {"fields": ["city", "domains"]}


def test_update_takes_null_as_not_sent_where_the_field_holds_none(world, staff_client):
    fields = ["enterprise_number", "legal_name", "is_listed", "domains"]

    response = post(
        staff_client,
        "/api/organisations/helix",
        {"city": "Namur", **dict.fromkeys(fields)},
        method="patch",
    )

    assert response.status_code == 200
    helix = Organisation.objects.get(slug="helix")
    assert (helix.city, helix.legal_name) == ("Namur", "Helix Therapeutics SA")
    entry = AuditEntry.objects.get(action="members.organisation.updated")
    assert entry.data == {"fields": ["city"]}


def test_update_with_null_employees_clears_them(world, staff_client):
    Organisation.objects.filter(slug="helix").update(employees=12)

    response = post(staff_client, "/api/organisations/helix", {"employees": None}, method="patch")

    assert response.status_code == 200
    assert Organisation.objects.get(slug="helix").employees is None


def test_representative_cannot_update_through_the_api(world):
    client = client_for(world, "representative")

    response = post(client, "/api/organisations/helix", {"city": "Namur"}, method="patch")

    assert response.status_code == 403
    assert response.json() == {"detail": "Only the cluster's staff may do this."}
    assert Organisation.objects.get(slug="helix").city == "Liège"


def test_anonymous_cannot_list_people(world):
    response = Client().get("/api/people/")

    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


@pytest.mark.parametrize(
    ("role", "names"),
    [
        ("member", ["Member", "Representative"]),
        ("representative", ["Member", "Representative"]),
        ("outsider", ["Outsider"]),
        ("expert", []),
        ("token", ["Expert", "Member", "Outsider", "Representative"]),
    ],
)
def test_people_list_by_role(world, role, names):
    body = client_for(world, role).get("/api/people/").json()

    assert sorted(person["first_name"] for person in body["items"]) == names
    assert body["count"] == len(names)


def test_member_sees_colleagues_emails_but_not_their_other_affiliations(world):
    colleague = Person.objects.get(first_name="Representative")
    AffiliationFactory(person=colleague, organisation=world.other_organisation)

    body = client_for(world, "member").get(f"/api/people/{colleague.pk}").json()

    assert body["email"] == "representative@example.org"
    assert [a["organisation"] for a in body["affiliations"]] == ["helix"]


def test_member_cannot_open_another_organisations_person(world):
    outsider = Person.objects.get(first_name="Outsider")

    response = client_for(world, "member").get(f"/api/people/{outsider.pk}")

    assert response.status_code == 404


def test_people_list_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    for _number in range(10):
        AffiliationFactory(person=PersonFactory(), organisation=world.organisation)
    client = client_for(world, "member")

    with django_assert_max_num_queries(7):
        body = client.get("/api/people/").json()

    assert body["count"] == 12


def test_staff_create_a_person_with_an_affiliation(world, staff_client):
    data = {"first_name": "Ada", "last_name": "Lovelace", "organisation": "helix", "role": "board"}

    response = post(staff_client, "/api/people/", data)

    assert response.status_code == 201
    assert response.json()["affiliations"][0]["role"] == "board"
    person = Person.objects.get(last_name="Lovelace")
    assert person.affiliations.get().organisation == world.organisation
    assert AuditEntry.objects.get(action="members.person.created").data == {"organisation": "helix"}


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"organisation": "nowhere"}, "Unknown organisation: nowhere."),
        ({"email": "ada@"}, "Enter a valid email address."),
    ],
)
def test_bad_person_is_refused(world, staff_client, change, detail):
    response = post(
        staff_client, "/api/people/", {"first_name": "Ada", "last_name": "Lovelace", **change}
    )

    assert response.status_code == 400
    assert response.json()["detail"] == detail
    assert not Person.objects.filter(last_name="Lovelace").exists()


def test_member_cannot_create_a_person(world):
    response = post(
        client_for(world, "member"), "/api/people/", {"first_name": "A", "last_name": "B"}
    )

    assert response.status_code == 403
    assert not Person.objects.filter(last_name="B").exists()


@pytest.mark.parametrize(
    ("role", "organisations"),
    [
        ("member", ["helix"]),
        ("representative", ["helix"]),
        ("outsider", ["other-bio", "other-bio"]),
        ("expert", []),
        ("token", ["helix", "hidden", "hidden", "other-bio", "other-bio"]),
    ],
)
def test_membership_list_by_role(world, role, organisations):
    body = client_for(world, role).get("/api/memberships/").json()

    assert [m["organisation"] for m in body["items"]] == organisations


def test_membership_shows_its_status(world):
    body = client_for(world, "outsider").get("/api/memberships/").json()

    assert [(m["type"], m["status"]) for m in body["items"]] == [
        ("full", "active"),
        ("co_member", "lapsed"),
    ]
    assert body["items"][0]["fee"] == "500.00"


def test_membership_list_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    client = client_for(world, "token")
    for year in range(2000, 2010):
        MembershipFactory(
            organisation=world.organisation, start_date=date(year, 1, 1), end_date=date(year, 6, 1)
        )

    with django_assert_max_num_queries(5):
        body = client.get("/api/memberships/").json()

    assert body["count"] == 15


def test_outsider_cannot_open_a_membership_of_another_organisation(world):
    membership = world.organisation.memberships.get()

    response = client_for(world, "outsider").get(f"/api/memberships/{membership.pk}")

    assert response.status_code == 404


def test_staff_create_confirm_renew_and_cancel_a_membership(world, staff_client):
    start = timezone.localdate()
    created = post(
        staff_client,
        "/api/memberships/",
        {"organisation": "lapsed", "start_date": start.isoformat(), "fee": "120.50"},
    )
    pk = created.json()["id"]

    confirmed = post(staff_client, f"/api/memberships/{pk}/confirm", {})
    renewed = post(staff_client, f"/api/memberships/{pk}/renew", {})
    cancelled = post(staff_client, f"/api/memberships/{pk}/cancel", {"reason": "Resigned"})

    assert (created.status_code, created.json()["status"]) == (201, "pending")
    assert (
        created.json()["end_date"]
        == (start.replace(year=start.year + 1) - timedelta(days=1)).isoformat()
    )
    assert (confirmed.status_code, confirmed.json()["status"]) == (200, "active")
    assert (renewed.status_code, renewed.json()["renewal_of"]) == (201, pk)
    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "cancelled")
    assert list(
        AuditEntry.objects.filter(content_type__model="membership")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "members.membership.created",
        "members.membership.confirmed",
        "members.membership.renewed",
        "members.membership.cancelled",
    ]


@pytest.mark.parametrize(
    ("data", "status", "detail"),
    [
        (
            {"start_date": "2030-01-01", "end_date": "2029-01-01"},
            400,
            "A membership cannot end before it starts.",
        ),
        (
            {"start_date": "2030-02-30"},
            422,
            "start_date: Input should be a valid date or datetime, "
            "day value is outside expected range",
        ),
        (
            {"start_date": "2030-01-01", "fee": "-1"},
            422,
            "fee: Input should be greater than or equal to 0",
        ),
        ({"start_date": "2030-01-01", "agreement": 999}, 400, "Unknown co-membership agreement."),
        ({"start_date": "9999-12-31"}, 400, "A membership cannot start that late."),
        (
            {"start_date": "2030-01-01", "type": "co_member"},
            400,
            "A co-membership needs a co-membership agreement.",
        ),
    ],
)
def test_bad_membership_is_refused(world, staff_client, data, status, detail):
    response = post(staff_client, "/api/memberships/", {"organisation": "lapsed", **data})

    assert response.status_code == status
    assert response.json()["detail"] == detail
    assert not Membership.objects.filter(organisation__slug="lapsed").exists()


def test_overlapping_membership_is_a_conflict(world, staff_client):
    response = post(
        staff_client, "/api/memberships/", {"organisation": "helix", "start_date": "2030-01-01"}
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": "This organisation already has a membership for that period."
    }


def test_membership_state_changes_refuse_their_edge_cases(world, staff_client):
    pk = world.organisation.memberships.get().pk

    confirm = post(staff_client, f"/api/memberships/{pk}/confirm", {})
    cancel = post(staff_client, f"/api/memberships/{pk}/cancel", {"reason": "  "})

    assert (confirm.status_code, confirm.json()["detail"]) == (
        409,
        "This membership is already confirmed.",
    )
    assert (cancel.status_code, cancel.json()["detail"]) == (
        400,
        "Please give the reason for the cancellation.",
    )
    assert Membership.objects.get(pk=pk).cancelled_on is None


def test_a_period_ending_with_the_calendar_cannot_be_renewed(world, staff_client):
    membership = world.organisation.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(end_date=date(9999, 12, 31))

    response = post(staff_client, f"/api/memberships/{membership.pk}/renew", {})

    assert (response.status_code, response.json()["detail"]) == (
        400,
        "This membership period never ends: there is nothing to renew.",
    )
    assert world.organisation.memberships.count() == 1


@pytest.mark.parametrize("action", ["confirm", "renew", "cancel"])
def test_representative_cannot_change_memberships(world, action):
    membership = world.organisation.memberships.get()
    client = client_for(world, "representative")

    response = post(client, f"/api/memberships/{membership.pk}/{action}", {"reason": "x"})

    assert response.status_code == 403
    assert Membership.objects.count() == 5
    assert Membership.objects.get(pk=membership.pk).cancelled_on is None


def test_public_partner_clusters_show_listed_co_members_only(world):
    Membership.objects.filter(type=Membership.Type.CO_MEMBER).update(end_date=date(2099, 1, 1))

    public = Client().get("/api/partner-clusters/").json()
    staff = client_for(world, "token").get("/api/partner-clusters/medicen").json()

    assert [(p["slug"], p["co_members"]) for p in public] == [
        ("medicen", [{"slug": "other-bio", "name": "Other Bio SRL"}])
    ]
    assert [member["slug"] for member in staff["co_members"]] == ["hidden", "other-bio"]


def test_lapsed_co_memberships_are_not_listed(world):
    assert Client().get("/api/partner-clusters/medicen").json()["co_members"] == []


def test_staff_create_a_partner_cluster(world):
    client = client_for(world, "token")

    response = post(
        client,
        "/api/partner-clusters/",
        {"name": "Lyonbiopôle", "region": "abroad", "country": "FR"},
    )

    assert response.status_code == 201
    assert PartnerCluster.objects.get(slug="lyonbiopole").name == "Lyonbiopôle"
    assert AuditEntry.objects.filter(action="members.partner_cluster.created").count() == 1


def test_outsider_cannot_create_a_partner_cluster(world):
    client = client_for(world, "outsider")

    response = post(client, "/api/partner-clusters/", {"name": "X", "region": "abroad"})

    assert response.status_code == 403
    assert PartnerCluster.objects.count() == 1


def test_wrong_token_is_refused_not_treated_as_anonymous(world):
    client = Client(headers={"authorization": "Bearer nope"})

    response = client.get("/api/organisations/")

    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid API token."}


def test_token_of_an_inactive_user_is_refused(world):
    token = ApiToken.objects.create(user=world.staff, name="CRM")
    world.staff.is_active = False
    world.staff.save(update_fields=["is_active"])

    response = Client(headers={"authorization": f"Bearer {token.key}"}).get("/api/people/")

    assert response.status_code == 401


def test_token_use_is_stamped_at_most_once_a_minute(world):
    token = ApiToken.objects.create(user=world.member, name="Script")
    client = Client(headers={"authorization": f"Bearer {token.key}"})

    client.get("/api/people/")
    token.refresh_from_db()
    first = token.last_used_at
    client.get("/api/people/")
    token.refresh_from_db()

    assert first is not None
    assert token.last_used_at == first

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    client.get("/api/people/")
    token.refresh_from_db()
    assert token.last_used_at > first


def test_token_writes_need_no_csrf_token(world):
    token = ApiToken.objects.create(user=world.staff, name="CRM")
    client = Client(enforce_csrf_checks=True, headers={"authorization": f"Bearer {token.key}"})

    response = post(
        client, "/api/partner-clusters/", {"name": "Atlanpole", "region": "abroad", "country": "FR"}
    )

    assert response.status_code == 201


def test_session_writes_need_the_csrf_token(world, staff_with_totp):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_with_totp)

    response = post(client, "/api/partner-clusters/", {"name": "Atlanpole", "region": "abroad"})

    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF check failed."}
    assert PartnerCluster.objects.count() == 1


def test_session_write_with_the_csrf_token_passes(world, staff_with_totp):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_with_totp)
    csrf = "a" * 32
    client.cookies["csrftoken"] = csrf

    response = client.post(
        "/api/partner-clusters/",
        json.dumps({"name": "Atlanpole", "region": "abroad", "country": "FR"}),
        content_type="application/json",
        headers={"x-csrftoken": csrf},
    )

    assert response.status_code == 201


def test_staff_session_without_totp_is_refused(world):
    response = client_for(world, "staff").get("/api/organisations/")

    assert response.status_code == 403
    assert response.json() == {"detail": "Set up two-factor authentication first."}


def test_affiliation_role_is_listed_as_its_code(world):
    body = client_for(world, "representative").get("/api/people/").json()

    roles = {p["first_name"]: p["affiliations"][0]["role"] for p in body["items"]}
    assert roles == {"Member": Affiliation.Role.EMPLOYEE, "Representative": "representative"}
