"""Who organises an event, defined once: staff, named organisers, co-organiser representatives."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from agora.events.selectors.organisers import (
    OrganiserMfaRequiredError,
    access_event_for_organiser,
    is_organiser,
    list_organised_events,
    list_upcoming_organised_events,
)
from agora.events.tests.factories import EVENT_START, EventFactory
from agora.members.models import Affiliation
from agora.members.tests.factories import AffiliationFactory
from conftest import add_totp

EXPECTED = {
    "anonymous": False,
    "staff": True,
    "representative": True,  # of helix, the co-organiser
    "member": False,  # an employee of helix
    "outsider": False,  # represents another organisation
    "expert": True,  # named organiser, not staff
}


@pytest.fixture
def event(cast):
    """Co-organised by helix, with the expert named among its organisers."""
    event = EventFactory(slug="think-tank", co_organiser=cast.organisation)
    event.organisers.add(cast.expert)
    return event


def user_of(cast, role):
    return AnonymousUser() if role == "anonymous" else getattr(cast, role)


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items())
def test_who_organises_the_event(cast, event, role, expected, django_assert_max_num_queries):
    user = user_of(cast, role)
    with django_assert_max_num_queries(1):
        assert is_organiser(user, event) is expected
    assert (event in list_organised_events(user)) is expected


@pytest.mark.parametrize("role", ["anonymous", "member", "outsider"])
def test_others_get_404(cast, event, role):
    with pytest.raises(Http404):
        access_event_for_organiser(user_of(cast, role), "think-tank")


def test_a_former_representative_organises_no_more(cast, event):
    Affiliation.objects.filter(person__user=cast.representative).update(
        end_date=timezone.localdate() - timedelta(days=1)
    )
    assert is_organiser(cast.representative, event) is False


def test_an_event_named_and_co_organised_comes_once(cast, event):
    event.organisers.add(cast.representative)
    AffiliationFactory(
        person=cast.representative.person,
        organisation=event.co_organiser,
        role=Affiliation.Role.REPRESENTATIVE,
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
    )
    assert list(list_organised_events(cast.representative)) == [event]


def test_b2b_pages_need_an_event_with_b2b(cast, event):
    add_totp(cast.expert)
    event.has_b2b = False
    event.save(update_fields=["has_b2b"])
    assert access_event_for_organiser(cast.expert, "think-tank") == event
    with pytest.raises(Http404):
        access_event_for_organiser(cast.expert, "think-tank", b2b=True)


def test_an_organiser_without_totp_is_refused_only_when_it_is_required(cast, event, settings):
    with pytest.raises(OrganiserMfaRequiredError):
        access_event_for_organiser(cast.expert, "think-tank")
    with pytest.raises(Http404):  # who does not organise learns nothing, not even of the gate
        access_event_for_organiser(cast.member, "think-tank")
    settings.AGORA_STAFF_MFA_REQUIRED = False
    assert access_event_for_organiser(cast.expert, "think-tank") == event


def test_upcoming_organised_events_leave_out_past_ones(cast, event):
    past = EventFactory(starts_at=EVENT_START - timedelta(days=400))
    past.ends_at = past.starts_at + timedelta(hours=2)
    past.save(update_fields=["ends_at"])
    past.organisers.add(cast.expert)
    now = EVENT_START - timedelta(days=1)
    assert list(list_upcoming_organised_events(cast.expert, now=now)) == [event]
    assert set(list_organised_events(cast.expert)) == {event, past}
