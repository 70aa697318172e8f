import pytest
from django.urls import reverse

from agora.events.models import MeetingRequest, Registration
from agora.events.tests.b2b_world import add_opportunity, make_world
from agora.events.tests.factories import EventFactory, MeetingRequestFactory, SlotFactory
from conftest import add_totp

PARTICIPANT_PAGES = [
    ("events:b2b-profile", []),
    ("events:b2b-opportunity-create", []),
    ("events:b2b-marketplace", []),
    ("events:b2b-request-list", []),
]
MANAGE_PAGES = [("events:b2b-manage", []), ("events:b2b-request-overview", [])]
MANAGE_POSTS = [
    (
        "events:b2b-slots-generate",
        {
            "session": "morning",
            "starts_at": "2030-11-20 09:00",
            "ends_at": "2030-11-20 10:00",
            "minutes": "30",
        },
    ),
    ("events:b2b-tables-add", {"count": "3", "name_prefix": "T"}),
    ("events:b2b-request-cap-set", {"request_cap": "3"}),
    ("events:b2b-rule-add", {"requester_kind": "investor", "recipient_kind": "startup"}),
]


@pytest.fixture
def world(cast):
    return make_world(cast)


@pytest.fixture
def meeting_request(world):
    """The outsider asked the representative for a meeting."""
    return MeetingRequestFactory(requester=world.outsider, recipient=world.representative)


def url(name, world, *args):
    return reverse(name, args=[world.event.slug, *args])


@pytest.mark.parametrize(("name", "args"), PARTICIPANT_PAGES + MANAGE_PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, world, name, args):
    page = url(name, world, *args)
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={page}"


@pytest.mark.parametrize(("name", "args"), PARTICIPANT_PAGES)
@pytest.mark.parametrize("role", ["representative", "member", "outsider"])
def test_registered_participants_open_the_b2b_pages(client, cast, world, role, name, args):
    client.force_login(getattr(cast, role))
    assert client.get(url(name, world, *args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), PARTICIPANT_PAGES)
def test_expert_without_registration_gets_404(client, cast, world, name, args):
    client.force_login(cast.expert)
    assert client.get(url(name, world, *args)).status_code == 404


@pytest.mark.parametrize(("name", "args"), PARTICIPANT_PAGES)
def test_staff_without_registration_gets_404(client, world, staff_with_totp, name, args):
    client.force_login(staff_with_totp)
    assert client.get(url(name, world, *args)).status_code == 404


@pytest.mark.parametrize(("name", "args"), PARTICIPANT_PAGES)
def test_cancelled_registration_gets_404(client, cast, world, name, args):
    Registration.objects.filter(pk=world.member.pk).update(status=Registration.Status.CANCELLED)
    client.force_login(cast.member)
    assert client.get(url(name, world, *args)).status_code == 404


def test_event_without_b2b_has_no_b2b_pages(client, cast):
    event = EventFactory(has_b2b=False)
    Registration.objects.create(event=event, person=cast.member.person)
    client.force_login(cast.member)
    assert client.get(reverse("events:b2b-profile", args=[event.slug])).status_code == 404


@pytest.mark.parametrize("action", ["", "accept/", "decline/", "cancel/"])
@pytest.mark.parametrize("role", ["member", "expert"])
def test_nobody_else_sees_or_decides_a_request(client, cast, meeting_request, role, action):
    client.force_login(getattr(cast, role))
    page = reverse("events:b2b-request-detail", args=["cluster-day", meeting_request.pk]) + action
    response = client.post(page) if action else client.get(page)
    assert response.status_code == 404
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.PENDING


@pytest.mark.parametrize("action", ["", "accept/", "decline/", "cancel/"])
def test_staff_does_not_see_participants_requests(client, staff_with_totp, meeting_request, action):
    client.force_login(staff_with_totp)
    page = reverse("events:b2b-request-detail", args=["cluster-day", meeting_request.pk]) + action
    response = client.post(page) if action else client.get(page)
    assert response.status_code == 404
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.PENDING


@pytest.mark.parametrize("role", ["representative", "outsider"])
def test_both_sides_see_the_request(client, cast, meeting_request, role):
    client.force_login(getattr(cast, role))
    page = reverse("events:b2b-request-detail", args=["cluster-day", meeting_request.pk])
    response = client.get(page)
    assert response.status_code == 200
    assert "Shall we talk about a licence?" in response.text


def test_request_list_shows_only_my_requests(client, cast, world, meeting_request):
    other = MeetingRequestFactory(
        requester=world.member, recipient=world.outsider, message="Private note"
    )
    client.force_login(cast.representative)
    response = client.get(reverse("events:b2b-request-list", args=["cluster-day"]))
    assert list(response.context["received"]) == [meeting_request]
    assert list(response.context["sent"]) == []
    assert reverse("events:b2b-request-detail", args=["cluster-day", other.pk]) not in response.text


def test_participant_cannot_edit_or_delete_anothers_opportunity(client, cast, world):
    opportunity = add_opportunity(world.outsider)
    client.force_login(cast.representative)
    edit = reverse("events:b2b-opportunity-edit", args=["cluster-day", opportunity.pk])
    delete = reverse("events:b2b-opportunity-delete", args=["cluster-day", opportunity.pk])
    assert client.get(edit).status_code == 404
    assert (
        client.post(edit, {"kind": "service", "direction": "seek", "title": "Mine"}).status_code
        == 404
    )
    assert client.post(delete).status_code == 404
    opportunity.refresh_from_db()
    assert opportunity.title == "Antibody licence"


def test_request_to_a_participant_of_another_event_is_404(client, cast, world):
    stranger = Registration.objects.create(event=EventFactory(), person=cast.expert.person)
    client.force_login(cast.representative)
    page = reverse("events:b2b-request-create", args=["cluster-day", stranger.pk])
    assert client.get(page).status_code == 404


@pytest.mark.parametrize(("name", "args"), MANAGE_PAGES)
@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_only_organisers_open_the_set_up(client, cast, world, role, name, args):
    client.force_login(getattr(cast, role))
    assert client.get(url(name, world, *args)).status_code == 404


@pytest.mark.parametrize(("name", "data"), MANAGE_POSTS)
@pytest.mark.parametrize("role", ["representative", "member", "outsider", "expert"])
def test_others_cannot_change_the_set_up(client, cast, world, role, name, data):
    client.force_login(getattr(cast, role))
    assert client.post(url(name, world), data).status_code == 404
    world.event.refresh_from_db()
    assert world.event.request_cap == 10
    assert world.event.slots.count() == 0
    assert world.event.tables.count() == 0
    assert world.event.request_rules.count() == 0


@pytest.mark.parametrize(("name", "args"), MANAGE_PAGES)
def test_staff_open_the_set_up(client, world, staff_with_totp, name, args):
    client.force_login(staff_with_totp)
    assert client.get(url(name, world, *args)).status_code == 200


@pytest.mark.parametrize(("name", "data"), MANAGE_POSTS)
def test_an_organiser_of_the_event_changes_the_set_up(client, cast, world, name, data):
    world.event.organisers.add(cast.member)
    add_totp(cast.member)  # organisers need two-factor login, as staff
    client.force_login(cast.member)
    response = client.post(url(name, world), data)
    assert response.status_code == 302
    assert response["Location"] == url("events:b2b-manage", world)


def test_staff_without_totp_are_sent_to_set_it_up(client, cast, world):
    client.force_login(cast.staff)
    response = client.get(url("events:b2b-manage", world))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_deleting_a_slot_of_another_event_is_404(client, world, staff_with_totp):
    slot = SlotFactory()
    client.force_login(staff_with_totp)
    response = client.post(url("events:b2b-slot-delete", world, slot.pk))
    assert response.status_code == 404
    assert slot.__class__.objects.filter(pk=slot.pk).exists()
