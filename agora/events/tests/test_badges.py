import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agora.core.models import AuditEntry
from agora.events import exports_registration
from agora.events.models import BadgeSheet
from agora.events.services import badges
from agora.events.tests.factories import EventFactory, RegistrationFactory
from agora.members.tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The badges go to a temporary private folder, never to the real ones."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def large(db, monkeypatch):
    """An event of three participants, above an inline limit lowered to two."""
    monkeypatch.setattr(badges, "INLINE_LIMIT", 2)
    event = EventFactory(slug="forum", title="Forum 2030")
    for first_name in ("Ada", "Bob", "Zoë"):
        person = PersonFactory(first_name=first_name, last_name="Test")
        RegistrationFactory(event=event, person=person)
    return event


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


def url(name: str, event) -> str:
    return reverse(f"events:{name}", args=[event.slug])


def prepare(staff_client, event, capture):
    with capture(execute=True):
        response = staff_client.post(url("badges-prepare", event))
    assert response.status_code == 302
    return BadgeSheet.objects.get(event=event)


def test_a_large_event_sends_the_organiser_to_the_badges_page(staff_client, large):
    response = staff_client.get(url("badges-pdf", large))
    assert response.status_code == 302
    assert response["Location"] == url("badges", large)
    page = staff_client.get(url("badges", large))
    assert "The badges have not been prepared yet." in page.content.decode()
    assert "3 confirmed participants" in page.content.decode()
    assert not BadgeSheet.objects.exists()


def test_the_badges_are_built_in_the_background_into_a_private_file(
    staff_client, large, media_root, django_capture_on_commit_callbacks
):
    sheet = prepare(staff_client, large, django_capture_on_commit_callbacks)
    assert (sheet.state, sheet.badge_count) == (BadgeSheet.State.READY, 3)
    assert (media_root / sheet.file.name).is_file()
    assert sheet.file.name.startswith(f"events/{large.pk}/badges/badges-")
    response = staff_client.get(url("badges-download", large))
    assert response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert len(PdfReader(io.BytesIO(content)).pages) == 1
    page = staff_client.get(url("badges", large)).content.decode()
    assert "3 badges, prepared" in page
    actions = AuditEntry.objects.order_by("pk").values_list("action", flat=True)
    assert list(actions) == ["events.badges.requested", "events.badges.built"]


def test_preparing_again_replaces_the_file(
    staff_client, large, media_root, django_capture_on_commit_callbacks
):
    first = prepare(staff_client, large, django_capture_on_commit_callbacks).file.name
    RegistrationFactory(event=large)
    second = prepare(staff_client, large, django_capture_on_commit_callbacks)
    assert second.badge_count == 4
    assert second.file.name != first
    assert not (media_root / first).exists()


def test_a_build_already_waiting_is_not_queued_twice(
    staff_client, large, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        staff_client.post(url("badges-prepare", large))
        staff_client.post(url("badges-prepare", large))
    assert len(callbacks) == 1
    assert BadgeSheet.objects.get().state == BadgeSheet.State.QUEUED
    page = staff_client.get(url("badges", large)).content.decode()
    assert "The badges are being prepared" in page
    assert staff_client.get(url("badges-download", large)).status_code == 404


def test_a_failed_build_is_shown_and_can_be_asked_again(
    staff_client, large, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exports_registration, "render_pdf", broken)
    sheet = prepare(staff_client, large, django_capture_on_commit_callbacks)
    assert (sheet.state, sheet.error) == (BadgeSheet.State.FAILED, "OSError: disk full")
    assert "disk full" in staff_client.get(url("badges", large)).content.decode()
    monkeypatch.undo()
    monkeypatch.setattr(badges, "INLINE_LIMIT", 2)
    assert prepare(staff_client, large, django_capture_on_commit_callbacks).state == "ready"


@pytest.mark.parametrize("role", ["member", "representative", "outsider", "expert"])
def test_only_organisers_prepare_or_download_badges(
    client, cast, large, role, django_capture_on_commit_callbacks
):
    client.force_login(getattr(cast, role))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("badges-prepare", large)).status_code == 404
    assert client.get(url("badges", large)).status_code == 404
    assert client.get(url("badges-download", large)).status_code == 404
    assert not BadgeSheet.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_badges_page_speaks_french(staff_client, large):
    response = staff_client.get(url("badges", large), HTTP_ACCEPT_LANGUAGE="fr")
    text = response.content.decode()
    assert "3 participants confirmés : un badge A6 chacun, quatre par page A4." in text
    assert "Les badges n'ont pas encore été préparés." in text
    assert "Préparer les badges" in text
