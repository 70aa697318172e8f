"""Organisers who are not staff, on every organiser URL of the project-wide matrix.

The matrix (tests/test_url_permissions.py) has a fixed cast; these tests add the event's named
organiser and the co-organiser's representative, who get exactly what the staff get, and three
near misses (the co-organiser's employee, its former representative, another event's organiser),
who get a 404 and change nothing.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from agora.core.models import AuditEntry
from tests.events_world import (
    add_badge_sheet,
    add_organisers,
    events_snapshot,
    make_events_world,
)
from tests.test_url_permissions import EVENTS_ROWS, ROLES, Row, fill

ORGANISER_ROWS = [row for row in EVENTS_ROWS if "/manage" in row.path]
# The list of the events one organises: any organiser opens it, and sees only their events.
EVENT_ROWS = [row for row in ORGANISER_ROWS if row.name != "events:event-manage-list"]
ORGANISERS = ["named_organiser", "co_organiser_representative"]
NEAR_MISSES = ["co_organiser_employee", "former_representative", "other_event_organiser"]


def events_routes(patterns: list, prefix: str = "") -> dict[str, str]:
    """The events app's URL names and their routes."""
    routes = {}
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes |= events_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("events/"):
            routes[f"events:{pattern.name}"] = route
    return routes


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path  # the prepared badges
    world = make_events_world(cast)
    add_badge_sheet(world["event"])
    return world | add_organisers(world["event"])


def send(client, row: Row, world: dict):
    data = {key: fill(value, world) for key, value in row.data.items()}
    response = getattr(client, row.method)(row.path.format(**world), data)
    if response.streaming:  # a download: read to its end, so the test client closes its file
        b"".join(response.streaming_content)
    return response


def snapshot() -> tuple:
    return AuditEntry.objects.count(), events_snapshot()


def test_every_organiser_url_is_here():
    routes = events_routes(get_resolver().url_patterns)
    organiser_pages = {name for name, route in routes.items() if "manage" in route}
    assert sorted({row.name for row in ORGANISER_ROWS}) == sorted(organiser_pages)


@pytest.mark.parametrize("role", ORGANISERS)
@pytest.mark.parametrize("row", ORGANISER_ROWS, ids=lambda row: f"{row.name}-{row.method}")
def test_organisers_get_what_the_staff_get(client, world, row, role):
    client.force_login(world[role])
    before = snapshot()
    response = send(client, row, world)
    assert response.status_code == row.expected[ROLES.index("staff")]
    if row.method == "get":
        assert snapshot() == before


@pytest.mark.parametrize("row", EVENT_ROWS, ids=lambda row: f"{row.name}-{row.method}")
def test_near_misses_get_404_and_change_nothing(client, world, row):
    before = snapshot()
    for role in NEAR_MISSES:
        client.force_login(world[role])
        assert send(client, row, world).status_code == 404, role
    assert snapshot() == before


@pytest.mark.parametrize(
    ("role", "slugs"),
    [
        ("named_organiser", ["cluster-day"]),
        ("co_organiser_representative", ["cluster-day"]),
        ("other_event_organiser", ["other-day"]),
    ],
)
def test_organisers_list_only_their_events(client, world, role, slugs):
    client.force_login(world[role])
    response = client.get("/events/manage/")
    assert [event.slug for event in response.context["events"]] == slugs
    assert "/admin/events/event/add/" not in response.text


@pytest.mark.parametrize("role", ["co_organiser_employee", "former_representative"])
def test_who_organises_nothing_gets_404_on_the_list(client, world, role):
    client.force_login(world[role])
    assert client.get("/events/manage/").status_code == 404


@pytest.mark.parametrize(
    "row", [row for row in EVENT_ROWS if row.method == "get"], ids=lambda row: row.name
)
def test_organiser_pages_never_show_a_request_message(client, world, row):
    client.force_login(world["co_organiser_representative"])
    response = client.get(row.path.format(**world))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    assert world["pending_request"].message.encode() not in body
