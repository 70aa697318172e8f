"""PDF attachments: type and content checked, size limited, deleted only while draft."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agora.core.models import AuditEntry
from agora.projects.models import Attachment, Project
from agora.projects.tests.factories import (
    PDF_BYTES,
    AttachmentFactory,
    ProjectFactory,
    make_consortium,
)

State = Project.State


@pytest.fixture
def project(cast):
    project = ProjectFactory(acronym="HELIX-AB")
    make_consortium(project, cast.organisation)
    return project


def upload(client, project, content, *, name="proposal.pdf", content_type="application/pdf"):
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(
        reverse("projects:attachment-add", args=[project.pk]),
        {"title": "Full proposal", "file": file},
    )


def test_pdf_is_attached(client, cast, project):
    client.force_login(cast.member)
    response = upload(client, project, PDF_BYTES)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.title, attachment.size, attachment.uploaded_by) == (
        "Full proposal",
        len(PDF_BYTES),
        cast.member,
    )
    assert attachment.file.name.startswith(f"projects/{project.pk}/")


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00 a Windows program", "application/pdf"),  # .exe renamed .pdf
        (PDF_BYTES, "application/x-msdownload"),
        (b"", "application/pdf"),
    ],
)
def test_only_pdf_files_are_attached(client, cast, project, content, content_type):
    client.force_login(cast.member)
    response = upload(client, project, content, content_type=content_type)
    assert response.status_code == 400
    if content:
        assert "Only PDF files can be attached." in response.content.decode()
    assert not Attachment.objects.exists()


def test_files_over_10_mb_are_refused(client, cast, project):
    client.force_login(cast.member)
    response = upload(client, project, PDF_BYTES + b"0" * (11 * 2**20))
    assert response.status_code == 400
    assert "The file is larger than 10 MB." in response.content.decode()
    assert not Attachment.objects.exists()


def test_attachment_is_deleted_while_draft(
    client, cast, project, media_root, django_capture_on_commit_callbacks
):
    attachment = AttachmentFactory(project=project)
    path = media_root / attachment.file.name
    assert path.exists()
    client.force_login(cast.member)
    url = reverse("projects:attachment-delete", args=[project.pk, attachment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Attachment.objects.exists()
    assert AuditEntry.objects.filter(action="projects.project.attachment_deleted").count() == 1
    assert not path.exists()


def test_attachment_stays_once_more_information_is_asked(client, cast, project):
    attachment = AttachmentFactory(project=project)
    project.state = State.INFORMATION_REQUESTED
    project.save(update_fields=["state"])
    client.force_login(cast.member)
    url = reverse("projects:attachment-delete", args=[project.pk, attachment.pk])
    response = client.post(url)
    assert response.status_code == 409
    assert "only be deleted while the project is a draft" in response.content.decode()
    assert Attachment.objects.count() == 1


def test_attachments_are_stored_outside_the_public_media_folder(settings, media_root):
    assert media_root == settings.PRIVATE_MEDIA_ROOT
    assert not str(media_root).startswith(str(settings.MEDIA_ROOT))
    assert Attachment._meta.get_field("file").storage.location == str(media_root)
