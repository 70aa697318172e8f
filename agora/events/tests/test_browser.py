"""The whole B2B journey in Debian Chromium: register, offer, request, accept, schedule, agenda."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from agora.events.models import Event, Meeting
from agora.events.tests.factories import EventFactory, SlotFactory, TableFactory
from agora.members.models import StrategicDomain
from tests.browser import chromium, log_in, shoot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium for this module's journey."""
    with chromium() as launched:
        yield launched


def register(page, slug: str) -> None:
    page.goto(f"/events/{slug}/")
    page.get_by_role("link", name="Register", exact=True).click()
    page.get_by_label("Show my name and organisation in the participant list").check()
    page.locator("main form").get_by_role("button", name="Register").click()
    page.wait_for_url(f"**/events/{slug}/**")


def save_profile(page, slug: str, pitch: str) -> None:
    page.goto(f"/events/{slug}/b2b/profile/")
    page.get_by_label("Who we are, in short").fill(pitch)
    page.locator("main form").get_by_role("button", name="Save").click()
    page.wait_for_load_state()


def download_calendar(page, slug: str) -> str:
    page.goto(f"/events/{slug}/agenda/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    return Path(download.value.path()).read_text()


@pytest.mark.django_db(transaction=True)
def test_two_members_meet_through_the_whole_b2b_journey(browser, live_server, cast):
    event = EventFactory(slug="cluster-day", title="Cluster Day 2030")
    SlotFactory(event=event)
    SlotFactory(event=event)
    TableFactory(event=event, name="Table 1")
    TableFactory(event=event, name="Table 2")
    # A transactional test empties the tables, the data migration's domains with them.
    StrategicDomain.objects.get_or_create(
        code="biopharmacy", defaults={"name": "Biopharmacy", "name_fr": "Biopharmacie"}
    )
    secret = generate_totp_secret()
    TOTP.activate(cast.staff, secret)
    url = live_server.url

    offering = log_in(browser, url, cast.representative.email)
    register(offering, "cluster-day")
    save_profile(offering, "cluster-day", "Helix develops antibodies for rare diseases.")
    offering.goto("/events/cluster-day/b2b/opportunities/new/")
    offering.get_by_label("Kind").select_option("licensing")
    offering.get_by_label("Offer or search").select_option("offer")
    offering.get_by_label("Title").fill("Licence on a nanobody platform")
    offering.get_by_label("Biopharmacy").check()
    offering.locator("main form").get_by_role("button", name="Save").click()
    offering.wait_for_url("**/b2b/profile/")
    shoot(offering, "b2b-profile")

    requesting = log_in(browser, url, cast.outsider.email)
    register(requesting, "cluster-day")
    save_profile(requesting, "cluster-day", "Other Bio produces biologics at scale.")
    requesting.goto("/events/cluster-day/b2b/marketplace/")
    shoot(requesting, "marketplace")
    requesting.get_by_role("link", name="Request a meeting").first.click()
    requesting.get_by_label("Message").fill("We would like to license your platform.")
    requesting.locator("main form").get_by_role("button").last.click()
    requesting.wait_for_load_state()

    offering.goto("/events/cluster-day/b2b/requests/")
    offering.get_by_role("link", name="Outsider").first.click()
    offering.get_by_role("button", name="Accept").click()
    offering.wait_for_load_state()
    assert Meeting.objects.filter(event=event).count() == 1

    organiser = log_in(browser, url, cast.staff.email, totp_secret=secret)
    organiser.goto("/events/cluster-day/manage/")
    shoot(organiser, "dashboard")
    organiser.goto("/events/cluster-day/manage/schedule/")
    organiser.get_by_role("button", name="Schedule").click()
    publish = organiser.get_by_role("button", name="Publish and send the agendas")
    publish.wait_for(timeout=60_000)
    shoot(organiser, "schedule")
    publish.click()
    organiser.wait_for_load_state()
    event.refresh_from_db()
    assert event.schedule_state == Event.ScheduleState.PUBLISHED

    meeting = Meeting.objects.select_related("slot", "table").get(event=event)
    for page, other in [(offering, "Outsider"), (requesting, "Representative")]:
        page.goto("/events/cluster-day/agenda/")
        row = page.locator("main table tbody tr")
        assert row.count() == 1
        assert other in row.inner_text()
        assert meeting.table.name in row.inner_text()
        calendar = download_calendar(page, "cluster-day")
        assert calendar.startswith("BEGIN:VCALENDAR")
        assert calendar.count("BEGIN:VEVENT") == 1
        assert other in calendar
        assert meeting.table.name in calendar
        assert f"DTSTART:{meeting.slot.starts_at:%Y%m%dT%H%M%SZ}" in calendar
    shoot(offering, "agenda")
