"""A way to one's organiser pages for organisers who are not staff.

The navbar belongs to core, which must not know events, and names "Events to manage" to staff
only; the events list (behind the navbar's "Events") and "My registrations" link every organiser
to the events they organise.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from agora.events.selectors.organisers import organises_any_event
from agora.events.tests.factories import EVENT_START, EventFactory

MANAGE_LIST = reverse("events:event-manage-list")


@pytest.fixture
def past_event(cast):
    """An event the expert organised, over: none of theirs is upcoming."""
    event = EventFactory(slug="past-day", starts_at=EVENT_START - timedelta(days=4000))
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save(update_fields=["ends_at"])
    event.organisers.add(cast.expert)
    return event


@pytest.mark.parametrize(
    ("role", "shown"),
    [("expert", True), ("staff", True), ("member", False), ("outsider", False)],
)
def test_the_events_list_links_organisers_to_their_events(
    client, cast, staff_with_totp, past_event, role, shown
):
    client.force_login(getattr(cast, role))
    response = client.get(reverse("events:event-list"))
    assert response.context["organises"] is shown
    assert (f'href="{MANAGE_LIST}"' in response.text) is shown


def test_anonymous_visitors_get_no_organiser_link(client, past_event):
    response = client.get(reverse("events:event-list"))
    assert response.context["organises"] is False
    assert MANAGE_LIST not in response.text


def test_my_registrations_links_to_all_organised_events_even_past_ones(client, cast, past_event):
    client.force_login(cast.expert)
    response = client.get(reverse("events:my-registrations"))
    assert list(response.context["organised"]) == []
    assert f'href="{MANAGE_LIST}"' in response.text
    client.force_login(cast.member)
    assert MANAGE_LIST not in client.get(reverse("events:my-registrations")).text


def test_the_organiser_check_costs_one_query_for_non_staff_and_none_for_staff(
    cast, past_event, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert organises_any_event(cast.staff) is True
    with django_assert_num_queries(1):  # named, or representing the co-organiser: one EXISTS
        assert organises_any_event(cast.expert) is True
