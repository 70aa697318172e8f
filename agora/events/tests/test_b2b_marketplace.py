import pytest
from django.urls import reverse

from agora.events.models import Opportunity, Registration
from agora.events.tests.b2b_world import add_opportunity, make_world, register
from agora.events.tests.factories import EventFactory, MeetingRequestFactory
from agora.members.models import Organisation
from agora.members.tests.factories import OrganisationFactory, PersonFactory, UserFactory


@pytest.fixture
def world(cast):
    world = make_world(cast)
    Organisation.objects.filter(pk=cast.other_organisation.pk).update(
        kind=Organisation.Kind.INVESTOR
    )
    return world


@pytest.fixture
def listed(world):
    """Three opportunities of the outsider (an investor) and the representative (an SME)."""
    return {
        "licence": add_opportunity(world.representative, title="Antibody licence"),
        "capital": add_opportunity(
            world.outsider,
            title="Seed capital",
            kind=Opportunity.Kind.INVESTMENT,
            domains=["medtech-ivd", "data-science"],
        ),
        "chemist": add_opportunity(
            world.outsider,
            title="Chemist wanted",
            kind=Opportunity.Kind.RECRUITMENT,
            direction=Opportunity.Direction.SEEK,
            description="A process chemist for our GMP plant.",
            domains=["biomanufacturing"],
        ),
    }


def titles(client, **params):
    response = client.get(reverse("events:b2b-marketplace", args=["cluster-day"]), params)
    assert response.status_code == 200
    return sorted(opportunity.title for opportunity in response.context["page_obj"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Antibody licence", "Chemist wanted", "Seed capital"]),
        ({"q": "gmp"}, ["Chemist wanted"]),
        ({"q": "other bio"}, ["Chemist wanted", "Seed capital"]),
        ({"kind": "investment"}, ["Seed capital"]),
        ({"direction": "seek"}, ["Chemist wanted"]),
        ({"domain": "data-science"}, ["Seed capital"]),
        ({"domain": "biopharmacy"}, ["Antibody licence"]),
        ({"organisation_kind": "investor"}, ["Chemist wanted", "Seed capital"]),
        ({"organisation_kind": "sme", "direction": "offer"}, ["Antibody licence"]),
        ({"kind": "supply"}, []),
    ],
)
def test_marketplace_filters(client, cast, listed, params, expected):
    client.force_login(cast.member)
    assert titles(client, **params) == expected


def test_marketplace_hides_cancelled_participants_and_other_events(client, cast, world, listed):
    Registration.objects.filter(pk=world.outsider.pk).update(status=Registration.Status.CANCELLED)
    elsewhere = register(cast.expert, EventFactory())
    add_opportunity(elsewhere, title="Elsewhere")
    client.force_login(cast.member)
    assert titles(client) == ["Antibody licence"]


def test_unknown_filter_value_is_a_400_with_all_results(client, cast, listed):
    client.force_login(cast.member)
    response = client.get(
        reverse("events:b2b-marketplace", args=["cluster-day"]), {"kind": "nonsense"}
    )
    assert response.status_code == 400
    assert response.context["page_obj"].paginator.count == 3


def test_request_button_on_others_opportunities_only(client, cast, world, listed):
    MeetingRequestFactory(requester=world.representative, recipient=world.outsider)
    add_opportunity(world.member, title="Colleague's")
    client.force_login(cast.representative)
    response = client.get(reverse("events:b2b-marketplace", args=["cluster-day"]))
    request_member = reverse("events:b2b-request-create", args=["cluster-day", world.member.pk])
    request_outsider = reverse("events:b2b-request-create", args=["cluster-day", world.outsider.pk])
    assert response.context["requested_ids"] == {world.outsider.pk}
    assert request_outsider not in response.text
    assert response.text.count("Meeting requested") == 2
    assert response.text.count("Your opportunity") == 1
    assert f"{request_member}?opportunity=" in response.text
    assert "Other Bio SRL" in response.text


def test_htmx_request_gets_only_the_results(client, cast, listed):
    client.force_login(cast.member)
    response = client.get(
        reverse("events:b2b-marketplace", args=["cluster-day"]),
        {"kind": "investment"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Seed capital" in response.text
    assert "1 opportunity" in response.text


def test_marketplace_is_paginated(client, cast, world):
    for number in range(23):
        add_opportunity(world.outsider, title=f"Offer {number:02d}")
    client.force_login(cast.member)
    page = reverse("events:b2b-marketplace", args=["cluster-day"])
    assert len(client.get(page).context["page_obj"]) == 20
    assert len(client.get(page, {"page": 2}).context["page_obj"]) == 3


def test_marketplace_queries_do_not_grow_with_rows(
    client, cast, world, django_assert_max_num_queries
):
    for number in range(15):
        user = UserFactory(email=f"guest{number}@example.org")
        PersonFactory(user=user)
        registration = register(user, world.event, OrganisationFactory())
        add_opportunity(
            registration, title=f"Offer {number}", domains=["biopharmacy", "medtech-ivd"]
        )
    client.force_login(cast.member)
    with django_assert_max_num_queries(9):  # one of them the navbar's organiser check
        response = client.get(reverse("events:b2b-marketplace", args=["cluster-day"]))
    assert response.context["page_obj"].paginator.count == 15
