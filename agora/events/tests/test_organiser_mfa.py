"""Two-factor login on organiser pages, for organisers who are not staff.

Under AGORA_STAFF_MFA_REQUIRED (on in the test settings) an organiser without TOTP who opens an
organiser page is sent to the TOTP set-up with a message, and nothing changes; someone who does
not organise the event still gets a 404, so the gate reveals nothing.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.messages import get_messages
from django.urls import reverse

from agora.events.models import Registration
from agora.events.tests.test_organiser_permissions import ORGANISER_ROWS, send, snapshot
from tests.events_world import add_badge_sheet, add_organisers, make_events_world

TOTP_SETUP = reverse("mfa_activate_totp")


@pytest.fixture
def world(cast, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    world = make_events_world(cast)
    add_badge_sheet(world["event"])
    world |= add_organisers(world["event"])
    Authenticator.objects.filter(
        user__in=[world["named_organiser"], world["co_organiser_employee"]]
    ).delete()
    return world


@pytest.mark.parametrize("row", ORGANISER_ROWS, ids=lambda row: f"{row.name}-{row.method}")
def test_an_organiser_without_totp_is_sent_to_set_it_up(client, world, row):
    client.force_login(world["named_organiser"])
    before = snapshot()
    response = send(client, row, world)
    assert response.status_code == 302
    assert response["Location"] == TOTP_SETUP
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Organiser pages show participants' personal data: set up two-factor login "
        "(an authenticator app) to open them."
    ]
    assert snapshot() == before


def test_without_the_setting_an_organiser_without_totp_gets_the_csv(client, world, settings):
    settings.AGORA_STAFF_MFA_REQUIRED = False
    client.force_login(world["named_organiser"])
    response = client.get("/events/cluster-day/manage/registrations.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_someone_who_does_not_organise_gets_404_not_the_gate(client, world):
    client.force_login(world["co_organiser_employee"])
    assert client.get("/events/cluster-day/manage/registrations/").status_code == 404
    assert client.get("/events/manage/").status_code == 404


def test_cancelling_as_organiser_needs_totp_but_cancelling_ones_own_does_not(client, cast, world):
    registration = world["member_registration"]
    url = f"/events/cluster-day/registrations/{registration.pk}/cancel/"
    client.force_login(world["named_organiser"])
    response = client.post(url)
    assert response["Location"] == TOTP_SETUP
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert not Authenticator.objects.filter(user=cast.member).exists()
    client.force_login(cast.member)
    assert client.post(url)["Location"] == reverse("events:my-registrations")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
