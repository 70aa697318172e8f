"""Browser-test helpers shared by every app: Debian's Chromium driven by Playwright."""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
# Seconds a TOTP code needs to reach the server: a slow page on a loaded machine takes several.
TOTP_MARGIN = 8
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = os.environ.get("AGORA_SCREENSHOTS", "")


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless; skipped when missing unless AGORA_REQUIRE_BROWSER is set."""
    if not CHROMIUM.exists():
        if os.environ.get("AGORA_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs it.")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
    # thread with a running loop unless told that this is intended (the documented switch).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def shoot(page, name: str) -> None:
    """A screenshot for a human eye, when AGORA_SCREENSHOTS names a folder."""
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def current_totp(secret: str) -> str:
    """The code of the current 30-second window, taken early enough in it that the server
    still checks it in the same window (it allows no other): near a window's end, the next."""
    if 30 - time.time() % 30 < TOTP_MARGIN:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


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
        page.fill('input[name="code"]', current_totp(totp_secret))
        page.press('input[name="code"]', "Enter")
    page.wait_for_url(lambda url: "/accounts/" not in url)
    return page
