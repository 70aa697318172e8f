"""Fixtures of the projects app's tests."""

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded attachments go to a temporary private folder, never to the real ones."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT
