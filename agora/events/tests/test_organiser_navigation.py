"""A way to one's organiser pages for organisers who are not staff.

The navbar belongs to core, which must not know events: it names "Events to manage" to staff,
and "Events I organise" (under "My space") to other organisers through the events' context
processor. The events list and "My registrations" link every organiser there too.
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
    assert response.context["organises_events"] is shown
    assert (f'href="{MANAGE_LIST}"' in response.text) is shown


def test_anonymous_visitors_get_no_organiser_link(client, past_event):
    response = client.get(reverse("events:event-list"))
    assert response.context["organises_events"] is False
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


NAV_ENTRY = f'<a class="dropdown-item" href="{MANAGE_LIST}">'


@pytest.mark.parametrize(
    ("role", "shown"),
    [("expert", True), ("staff", False), ("member", False), ("outsider", False)],
)
def test_the_navbar_names_organised_events_on_every_page(
    client, cast, staff_with_totp, past_event, role, shown
):
    """A non-staff organiser finds "Events I organise" under "My space" on any page; staff
    find "Events to manage" in their own menu instead, so the entry is not there twice."""
    client.force_login(getattr(cast, role))
    text = client.get(reverse("members:directory")).text
    assert text.count(NAV_ENTRY) == (1 if role == "staff" else 0) + (1 if shown else 0)
    assert ("Events I organise" in text) is shown


def test_the_navbar_asks_nothing_of_anonymous_visitors(client, past_event):
    text = client.get(reverse("members:directory")).text
    assert MANAGE_LIST not in text
