from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agora.core.models import AuditEntry
from agora.events.models import B2BProfile, Meeting, MeetingRequest, Registration, RequestRule
from agora.events.services.b2b import are_colleagues
from agora.events.tests.b2b_world import add_opportunity, make_world, register
from agora.events.tests.factories import MeetingRequestFactory
from agora.members.models import Organisation
from agora.members.tests.factories import PersonFactory, UserFactory


@pytest.fixture
def world(cast):
    return make_world(cast)


def send(client, world, recipient, message="Shall we meet?", **extra):
    page = reverse("events:b2b-request-create", args=[world.event.slug, recipient.pk])
    return client.post(page, {"message": message, **extra})


def decide(client, world, meeting_request, action):
    page = reverse(f"events:b2b-request-{action}", args=[world.event.slug, meeting_request.pk])
    return client.post(page)


def test_request_is_sent_and_the_recipient_is_told(
    client, cast, world, django_capture_on_commit_callbacks
):
    opportunity = add_opportunity(world.outsider, title="GMP capacity")
    client.force_login(cast.representative)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, world, world.outsider, opportunity=str(opportunity.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("events:b2b-request-list", args=["cluster-day"])
    meeting_request = MeetingRequest.objects.get()
    assert meeting_request.requester == world.representative
    assert meeting_request.recipient == world.outsider
    assert meeting_request.opportunity == opportunity
    assert meeting_request.status == MeetingRequest.Status.PENDING
    assert [message.to for message in mail.outbox] == [["outsider@example.org"]]
    assert "GMP capacity" in mail.outbox[0].body
    assert "Shall we meet?" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="events.meeting_request.sent").count() == 1
    assert B2BProfile.objects.filter(registration=world.representative).exists()


def test_request_form_offers_the_recipients_opportunities(client, cast, world):
    opportunity = add_opportunity(world.outsider, title="GMP capacity")
    client.force_login(cast.representative)
    page = reverse("events:b2b-request-create", args=["cluster-day", world.outsider.pk])
    response = client.get(page, {"opportunity": opportunity.pk})
    assert response.status_code == 200
    assert list(response.context["form"].fields["opportunity"].queryset) == [opportunity]
    assert response.context["form"]["opportunity"].value() == str(opportunity.pk)


def test_empty_message_is_refused(client, cast, world):
    add_opportunity(world.outsider)
    client.force_login(cast.representative)
    response = send(client, world, world.outsider, message="")
    assert response.status_code == 400
    assert MeetingRequest.objects.count() == 0


def test_opportunity_of_someone_else_is_refused(client, cast, world):
    add_opportunity(world.outsider)
    mine = add_opportunity(world.representative, title="Mine")
    client.force_login(cast.representative)
    response = send(client, world, world.outsider, opportunity=str(mine.pk))
    assert response.status_code == 400
    assert MeetingRequest.objects.count() == 0


def test_request_to_a_colleague_is_refused(client, cast, world):
    add_opportunity(world.member)
    client.force_login(cast.representative)
    response = send(client, world, world.member)
    assert response.status_code == 400
    assert "colleague" in response.text
    assert MeetingRequest.objects.count() == 0


def test_request_to_oneself_is_refused(client, cast, world):
    add_opportunity(world.representative)
    client.force_login(cast.representative)
    response = send(client, world, world.representative)
    assert response.status_code == 400
    assert "yourself" in response.text
    assert MeetingRequest.objects.count() == 0


def test_duplicate_live_request_is_refused(client, cast, world):
    add_opportunity(world.outsider)
    client.force_login(cast.representative)
    assert send(client, world, world.outsider).status_code == 302
    response = send(client, world, world.outsider)
    assert response.status_code == 409
    assert MeetingRequest.objects.count() == 1


def test_a_declined_request_may_be_sent_again(client, cast, world):
    add_opportunity(world.outsider)
    MeetingRequestFactory(
        requester=world.representative,
        recipient=world.outsider,
        status=MeetingRequest.Status.DECLINED,
    )
    client.force_login(cast.representative)
    assert send(client, world, world.outsider).status_code == 302
    assert MeetingRequest.objects.filter(status="pending").count() == 1


def test_cap_counts_pending_and_accepted_requests(client, cast, world):
    world.event.request_cap = 2
    world.event.save()
    others = [register(cast.expert, world.event)]
    others += [register(user, world.event) for user in make_people(2)]
    for recipient in [*others, world.representative]:
        add_opportunity(recipient)
    for status in ["accepted", "declined"]:
        MeetingRequestFactory(requester=world.outsider, recipient=others.pop(), status=status)
    client.force_login(cast.outsider)
    assert send(client, world, others[0]).status_code == 302
    response = send(client, world, world.representative)
    assert response.status_code == 409
    assert "limit of 2 meeting requests" in response.text
    assert MeetingRequest.objects.filter(requester=world.outsider).count() == 3


def make_people(count):
    people = []
    for number in range(count):
        user = UserFactory(email=f"guest{number}@example.org")
        PersonFactory(user=user, email=user.email)
        people.append(user)
    return people


def test_rule_forbids_one_direction_only(client, cast, world):
    Organisation.objects.filter(pk=cast.organisation.pk).update(kind=Organisation.Kind.STARTUP)
    Organisation.objects.filter(pk=cast.other_organisation.pk).update(
        kind=Organisation.Kind.INVESTOR
    )
    RequestRule.objects.create(
        event=world.event, requester_kind="investor", recipient_kind="startup"
    )
    add_opportunity(world.representative)
    add_opportunity(world.outsider)
    client.force_login(cast.outsider)
    response = send(client, world, world.representative)
    assert response.status_code == 403
    assert (
        "organisations of the kind “Investor” may not request meetings with those of the kind "
        "“Start-up”"
    ) in response.text
    assert MeetingRequest.objects.count() == 0
    client.force_login(cast.representative)
    assert send(client, world, world.outsider).status_code == 302


def test_no_request_after_the_event(client, cast, world):
    world.event.starts_at = timezone.now() - timedelta(days=2)
    world.event.ends_at = timezone.now() - timedelta(days=1)
    world.event.save()
    add_opportunity(world.outsider)
    client.force_login(cast.representative)
    assert send(client, world, world.outsider).status_code == 409
    assert MeetingRequest.objects.count() == 0


def test_nothing_is_decided_or_cancelled_after_the_event(client, cast, world):
    """What was held is on record once the event is over: answers and cancellations are
    refused (409, nothing written) and the request's page offers none."""
    pending = MeetingRequestFactory(requester=world.outsider, recipient=world.representative)
    accepted = MeetingRequestFactory(requester=world.member, recipient=world.outsider)
    client.force_login(cast.outsider)
    decide(client, world, accepted, "accept")
    world.event.starts_at = timezone.now() - timedelta(days=2)
    world.event.ends_at = timezone.now() - timedelta(days=1)
    world.event.save()
    client.force_login(cast.representative)
    codes = [decide(client, world, pending, action).status_code for action in ("accept", "decline")]
    client.force_login(cast.member)
    codes.append(decide(client, world, accepted, "cancel").status_code)
    assert codes == [409, 409, 409]
    assert dict(MeetingRequest.objects.values_list("pk", "status")) == {
        pending.pk: "pending",
        accepted.pk: "accepted",
    }
    assert Meeting.objects.get().is_cancelled is False
    page = client.get(reverse("events:b2b-request-detail", args=[world.event.slug, accepted.pk]))
    assert "Cancel the meeting" not in page.text


def test_accept_creates_one_meeting_with_both_participants(
    client, cast, world, django_capture_on_commit_callbacks
):
    meeting_request = MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative
    )
    client.force_login(cast.representative)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, world, meeting_request, "accept")
    assert response.status_code == 302
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.ACCEPTED
    assert meeting_request.weight == 1
    assert meeting_request.decided_at is not None
    meeting = Meeting.objects.get()
    assert meeting.request == meeting_request
    assert set(meeting.participants.all()) == {world.outsider, world.representative}
    assert meeting.slot is None
    assert [message.to for message in mail.outbox] == [["outsider@example.org"]]
    assert "accepted" in mail.outbox[0].subject
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"events.meeting_request.accepted", "events.meeting.created"} <= actions


def test_requests_both_ways_make_one_meeting_of_weight_2(client, cast, world):
    there = MeetingRequestFactory(requester=world.outsider, recipient=world.representative)
    back = MeetingRequestFactory(requester=world.representative, recipient=world.outsider)
    client.force_login(cast.representative)
    assert decide(client, world, there, "accept").status_code == 302
    there.refresh_from_db()
    back.refresh_from_db()
    assert (there.status, there.weight) == ("accepted", 2)
    assert (back.status, back.weight) == ("accepted", 2)
    meeting = Meeting.objects.get()
    assert meeting.participants.count() == 2


def test_request_back_after_acceptance_is_refused(client, cast, world):
    add_opportunity(world.outsider)
    MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative, status="accepted"
    )
    client.force_login(cast.representative)
    response = send(client, world, world.outsider)
    assert response.status_code == 409
    assert MeetingRequest.objects.count() == 1


def test_requester_cannot_accept_their_own_request(client, cast, world):
    meeting_request = MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative
    )
    client.force_login(cast.outsider)
    response = decide(client, world, meeting_request, "accept")
    assert response.status_code == 403
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.PENDING
    assert Meeting.objects.count() == 0


def test_decline_tells_the_requester_and_makes_no_meeting(
    client, cast, world, django_capture_on_commit_callbacks
):
    meeting_request = MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative
    )
    client.force_login(cast.representative)
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(client, world, meeting_request, "decline").status_code == 302
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.DECLINED
    assert Meeting.objects.count() == 0
    assert [message.to for message in mail.outbox] == [["outsider@example.org"]]
    assert "declined" in mail.outbox[0].subject


def test_a_decided_request_cannot_be_decided_again(client, cast, world):
    meeting_request = MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative, status="declined"
    )
    client.force_login(cast.representative)
    response = decide(client, world, meeting_request, "accept")
    assert response.status_code == 409
    assert "already decided" in response.text
    assert Meeting.objects.count() == 0


def test_requester_withdraws_a_pending_request(client, cast, world):
    meeting_request = MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative
    )
    client.force_login(cast.outsider)
    assert decide(client, world, meeting_request, "cancel").status_code == 302
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.CANCELLED


def test_recipient_cannot_withdraw_a_pending_request(client, cast, world):
    meeting_request = MeetingRequestFactory(
        requester=world.outsider, recipient=world.representative
    )
    client.force_login(cast.representative)
    assert decide(client, world, meeting_request, "cancel").status_code == 403
    meeting_request.refresh_from_db()
    assert meeting_request.status == MeetingRequest.Status.PENDING


@pytest.mark.parametrize("role", ["outsider", "representative"])
def test_either_side_cancels_an_accepted_meeting(client, cast, world, role):
    there = MeetingRequestFactory(requester=world.outsider, recipient=world.representative)
    back = MeetingRequestFactory(requester=world.representative, recipient=world.outsider)
    client.force_login(cast.representative)
    decide(client, world, there, "accept")
    client.force_login(getattr(cast, role))
    assert decide(client, world, back, "cancel").status_code == 302
    assert set(MeetingRequest.objects.values_list("status", flat=True)) == {"cancelled"}
    meeting = Meeting.objects.get()
    assert meeting.is_cancelled is True
    assert AuditEntry.objects.filter(action="events.meeting.cancelled").count() == 1


def test_a_cancelled_request_frees_a_place_under_the_cap(client, cast, world):
    world.event.request_cap = 1
    world.event.save()
    add_opportunity(world.outsider)
    meeting_request = MeetingRequestFactory(
        requester=world.representative, recipient=world.outsider, status="cancelled"
    )
    client.force_login(cast.representative)
    assert send(client, world, world.outsider).status_code == 302
    assert MeetingRequest.objects.exclude(pk=meeting_request.pk).get().status == "pending"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Helix SA", " helix sa", True),
        ("Helix SA", "Other Bio", False),
        ("", "", False),
    ],
)
def test_colleagues_by_organisation_name_when_the_cluster_does_not_know_it(first, second, expected):
    assert (
        are_colleagues(
            Registration(organisation_name=first), Registration(organisation_name=second)
        )
        is expected
    )


def test_a_known_organisation_and_a_free_name_are_not_colleagues(cast):
    known = Registration(organisation=cast.organisation, organisation_name="Helix Therapeutics SA")
    assert are_colleagues(known, Registration(organisation_name="Helix Therapeutics SA")) is False
