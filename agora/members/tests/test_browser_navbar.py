"""The navigation bar in Debian Chromium: one line in French on a laptop screen, and the user
menu that holds the account and logging out."""

from collections.abc import Iterator

import pytest

from conftest import PASSWORD
from tests.browser import chromium, shoot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with chromium() as launched:
        yield launched


def test_the_staff_bar_fits_one_line_in_french_and_the_user_menu_logs_out(
    browser, live_server, cast
):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-BE", viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill('input[name="login"]', cast.staff.email)
    page.fill('input[name="password"]', PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    assert page.get_by_role("button", name="Équipe du pôle").is_visible()
    brand = page.locator(".navbar-brand").bounding_box()
    menu = page.get_by_role("button", name=cast.staff.get_short_name())
    assert abs(menu.bounding_box()["y"] - brand["y"]) < brand["height"]
    shoot(page, "navbar-fr")

    menu.click()
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Se connecter").is_visible()
    context.close()
