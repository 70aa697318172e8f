"""The whole B2B journey in Debian Chromium: register, offer, request, accept, schedule, agenda."""

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

from agora.events.models import Event, Meeting
from agora.events.tests.factories import EventFactory, SlotFactory, TableFactory
from agora.members.models import StrategicDomain
from conftest import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is intended (the documented switch).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = os.environ.get("AGORA_SCREENSHOTS", "")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium, headless; skipped when missing unless AGORA_REQUIRE_BROWSER is set."""
    if not CHROMIUM.exists():
        if os.environ.get("AGORA_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs it.")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def shoot(page, name: str) -> None:
    """A screenshot for a human eye, when AGORA_SCREENSHOTS names a folder."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def log_in(browser, base_url: str, email: str, totp_secret: str | None = None):
    """A new browser session of `email`, logged in through the login form (and TOTP)."""
    context = browser.new_context(base_url=base_url, accept_downloads=True)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill('input[name="login"]', email)
    page.fill('input[name="password"]', PASSWORD)
    page.press('input[name="password"]', "Enter")
    if totp_secret is not None:
        page.wait_for_url("**/accounts/2fa/authenticate/")
        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        page.fill('input[name="code"]', code)
        page.press('input[name="code"]', "Enter")
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return page


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
