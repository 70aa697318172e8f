"""A participant never sees another's requests, on any B2B URL.

The world is tests/events_world.py: the outsider asked the representative for a meeting
("Shall we talk?", pending); the member's request to the outsider was accepted and its meeting
published. The representative is a third party to the accepted request, the member to the
pending one, and the expert, registered here too, to both.
"""

import io

import pytest
from pypdf import PdfReader

from agora.events.models import Registration
from tests.events_world import events_snapshot, make_events_world, register

EVENT = "/events/cluster-day"
PENDING_MESSAGE = "Shall we talk?"
ACCEPTED_MESSAGE = "Member would like to meet Outsider."


@pytest.fixture
def world(cast):
    world = make_events_world(cast)
    world["expert_registration"] = register(world["event"], cast.expert, None)
    world["accepted_request"] = world["meeting"].request
    return world


def third_parties(world):
    """Each request with the participants who are party to neither side of it."""
    return [
        (world["pending_request"], ["member", "expert"]),
        (world["accepted_request"], ["representative", "expert"]),
    ]


def test_request_list_shows_only_the_participants_own_requests(client, cast, world):
    client.force_login(cast.member)
    response = client.get(f"{EVENT}/b2b/requests/")
    assert list(response.context["sent"]) == [world["accepted_request"]]
    assert list(response.context["received"]) == []
    assert PENDING_MESSAGE not in response.text
    assert f"/b2b/requests/{world['pending_request'].pk}/" not in response.text


def test_request_list_of_a_participant_without_requests_is_empty(client, cast, world):
    client.force_login(cast.expert)
    response = client.get(f"{EVENT}/b2b/requests/")
    assert list(response.context["sent"]) == list(response.context["received"]) == []
    assert response.context["live_count"] == 0
    assert PENDING_MESSAGE not in response.text
    assert ACCEPTED_MESSAGE not in response.text


@pytest.mark.parametrize("action", ["", "accept/", "decline/", "cancel/"])
def test_third_parties_neither_see_nor_decide_a_request(client, cast, world, action):
    before = events_snapshot()
    for meeting_request, roles in third_parties(world):
        page = f"{EVENT}/b2b/requests/{meeting_request.pk}/{action}"
        for role in roles:
            client.force_login(getattr(cast, role))
            response = client.post(page) if action else client.get(page)
            assert response.status_code == 404, (role, meeting_request.message)
    assert events_snapshot() == before


def test_agenda_shows_a_third_party_none_of_the_others_meetings(client, cast, world):
    client.force_login(cast.representative)
    response = client.get(f"{EVENT}/agenda/")
    assert response.context["items"] == []
    assert "Lambert" not in response.text  # the member's surname
    assert "Peeters" not in response.text  # the outsider's surname


def test_agenda_shows_each_side_their_meeting(client, cast, world):
    for role in ["member", "outsider"]:
        client.force_login(getattr(cast, role))
        items = client.get(f"{EVENT}/agenda/").context["items"]
        assert [item.meeting for item in items] == [world["meeting"]]


def test_agenda_pdf_of_a_third_party_has_no_meeting(client, cast, world):
    client.force_login(cast.representative)
    response = client.get(f"{EVENT}/agenda.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert response.status_code == 200
    assert "Lambert" not in text
    assert "Peeters" not in text


@pytest.mark.parametrize("role", ["representative", "expert"])
def test_calendar_of_a_third_party_has_no_meeting(client, cast, world, role):
    client.force_login(getattr(cast, role))
    body = client.get(f"{EVENT}/agenda.ics").content.decode()
    registration = Registration.objects.get(person__user=getattr(cast, role))
    feed = client.get(f"/events/feed/{registration.calendar_token}.ics").content.decode()
    for calendar in [body, feed]:
        assert "BEGIN:VCALENDAR" in calendar
        assert "Lambert" not in calendar
        assert "Peeters" not in calendar


def test_marketplace_marks_only_the_participants_own_requests(client, cast, world):
    # The outsider asked the representative, whose opportunity the member sees: unmarked.
    client.force_login(cast.member)
    response = client.get(f"{EVENT}/b2b/marketplace/")
    assert response.context["requested_ids"] == {world["outsider_registration"].pk}
    assert "Meeting requested" not in response.text
    assert PENDING_MESSAGE not in response.text


def test_marketplace_of_the_requester_marks_the_request(client, cast, world):
    client.force_login(cast.outsider)
    response = client.get(f"{EVENT}/b2b/marketplace/")
    representative = world["representative_profile"].registration_id
    assert response.context["requested_ids"] == {representative}
    assert "Meeting requested" in response.text


def test_request_form_counts_only_the_participants_own_requests(client, cast, world):
    client.force_login(cast.expert)
    recipient = world["representative_profile"].registration_id
    response = client.get(f"{EVENT}/b2b/participants/{recipient}/request/")
    assert response.status_code == 200
    assert response.context["live_count"] == 0
    assert PENDING_MESSAGE not in response.text


def test_feedback_on_a_meeting_of_others_is_404(client, cast, world):
    before = events_snapshot()
    for role in ["representative", "expert"]:
        client.force_login(getattr(cast, role))
        page = f"{EVENT}/agenda/meetings/{world['meeting'].pk}/feedback/"
        assert client.get(page).status_code == 404
        assert client.post(page, {"rating": "5", "outcome": "deal"}).status_code == 404
    assert events_snapshot() == before
