"""Every write of a project's application: the draft, its consortium and its attachments."""

import secrets
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.members.models import Organisation, PartnerCluster, StrategicDomain
from agora.projects.models import Attachment, Call, Partner, Project
from agora.projects.selectors.projects import list_creatable_organisations
from agora.projects.workflow import check_editable, may_edit

PDF_MAGIC = b"%PDF-"
PDF_TYPES = ("application/pdf",)
PROJECT_FIELDS = ("acronym", "title", "summary", "keywords", "duration_months")


def lock_project(project: Project) -> Project:
    """The project's row, locked until the transaction ends."""
    return Project.objects.select_for_update(of=("self",)).select_related("call").get(pk=project.pk)


def check_may_edit(actor: Any, project: Project) -> None:
    """Raise unless the actor may change the project now (consortium or staff, editable state)."""
    if not may_edit.test(actor, project):
        raise PermissionDeniedError(_("Only the consortium may change this project."))
    check_editable(project)


@transaction.atomic
def create_project(
    *,
    actor: Any,
    coordinator: Organisation,
    call: Call | None,
    data: dict[str, Any],
    domains: list[StrategicDomain],
    co_labelling_partner: PartnerCluster | None = None,
) -> Project:
    """Create a draft; the creator's organisation becomes its coordinator (budget 0)."""
    if not list_creatable_organisations(actor).filter(pk=coordinator.pk).exists():
        raise PermissionDeniedError(
            _("Only a member of %(organisation)s in good standing may start its project.")
            % {"organisation": coordinator}
        )
    if call is not None and not call.is_open:
        raise DomainError(_("The call “%(call)s” is not open.") % {"call": call}, field="call")
    project = Project.objects.create(
        call=call,
        created_by=actor,
        co_labelling_partner=co_labelling_partner,
        **{name: data[name] for name in PROJECT_FIELDS},
    )
    project.domains.set(domains)
    Partner.objects.create(project=project, organisation=coordinator, is_coordinator=True)
    log_action(
        "projects.project.created",
        target=project,
        actor=actor,
        data={"coordinator": coordinator.pk, "call": call.pk if call else None},
    )
    return project


@transaction.atomic
def update_project(
    *,
    actor: Any,
    project: Project,
    call: Call | None,
    data: dict[str, Any],
    domains: list[StrategicDomain],
    co_labelling_partner: PartnerCluster | None = None,
) -> Project:
    """Change the application while it is a draft or more information was asked for."""
    project = lock_project(project)
    check_may_edit(actor, project)
    if call != project.call:
        if project.state != Project.State.DRAFT:
            raise ConflictError(_("The call can only be changed while the project is a draft."))
        if call is not None and not call.is_open:
            raise DomainError(_("The call “%(call)s” is not open.") % {"call": call}, field="call")
    for name in PROJECT_FIELDS:
        setattr(project, name, data[name])
    project.call = call
    project.co_labelling_partner = co_labelling_partner
    project.save(update_fields=[*PROJECT_FIELDS, "call", "co_labelling_partner"])
    project.domains.set(domains)
    log_action("projects.project.updated", target=project, actor=actor)
    return project


@transaction.atomic
def add_partner(
    *,
    actor: Any,
    project: Project,
    organisation: Organisation | None,
    external_name: str = "",
    budget: Decimal,
    role: str,
) -> Partner:
    """Add a member organisation or an external partner (by name) to the consortium."""
    project = lock_project(project)
    check_may_edit(actor, project)
    if (organisation is None) == (not external_name.strip()):
        raise DomainError(_("Choose a member organisation or name an external partner."))
    if organisation and project.partners.filter(organisation=organisation).exists():
        raise ConflictError(
            _("%(organisation)s is already in the consortium.") % {"organisation": organisation},
            field="organisation",
        )
    partner = Partner.objects.create(
        project=project,
        organisation=organisation,
        external_name="" if organisation else external_name.strip(),
        budget=budget,
        role=role,
    )
    log_action(
        "projects.project.partner_added",
        target=project,
        actor=actor,
        data={"partner": str(partner), "budget": str(budget)},
    )
    return partner


@transaction.atomic
def update_partner(*, actor: Any, partner: Partner, budget: Decimal, role: str) -> Partner:
    """Change a partner's budget and role."""
    check_may_edit(actor, lock_project(partner.project))
    partner.budget = budget
    partner.role = role
    partner.save(update_fields=["budget", "role"])
    log_action(
        "projects.project.partner_updated",
        target=partner.project,
        actor=actor,
        data={"partner": str(partner), "budget": str(budget)},
    )
    return partner


@transaction.atomic
def remove_partner(*, actor: Any, partner: Partner) -> None:
    """Take a partner out of the consortium; never the coordinator."""
    project = lock_project(partner.project)
    check_may_edit(actor, project)
    if partner.is_coordinator:
        raise ConflictError(
            _("The coordinator cannot be removed; make another partner coordinator first.")
        )
    name = str(partner)
    partner.delete()
    log_action(
        "projects.project.partner_removed", target=project, actor=actor, data={"partner": name}
    )


@transaction.atomic
def make_coordinator(*, actor: Any, partner: Partner) -> Partner:
    """Make a member organisation of the consortium its one coordinator."""
    project = lock_project(partner.project)
    check_may_edit(actor, project)
    if partner.organisation is None:
        raise DomainError(_("Only a member organisation can coordinate the project."))
    project.partners.filter(is_coordinator=True).update(is_coordinator=False)
    partner.is_coordinator = True
    partner.save(update_fields=["is_coordinator"])
    log_action(
        "projects.project.coordinator_changed",
        target=project,
        actor=actor,
        data={"partner": str(partner)},
    )
    return partner


def check_pdf(upload: UploadedFile) -> None:
    """Raise DomainError unless the upload is a PDF (declared type and content) within the limit."""
    limit = settings.AGORA_PROJECT_ATTACHMENT_MAX_BYTES
    if (upload.size or 0) > limit:
        raise DomainError(
            _("The file is larger than %(megabytes)d MB.") % {"megabytes": limit // 2**20},
            field="file",
        )
    upload.seek(0)
    magic = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if upload.content_type not in PDF_TYPES or magic != PDF_MAGIC:
        raise DomainError(_("Only PDF files can be attached."), field="file")


@transaction.atomic
def add_attachment(*, actor: Any, project: Project, title: str, upload: UploadedFile) -> Attachment:
    """Attach a PDF to the application (type and content checked, size limited)."""
    project = lock_project(project)
    check_may_edit(actor, project)
    check_pdf(upload)
    attachment = Attachment(project=project, title=title, size=upload.size or 0, uploaded_by=actor)
    # An unguessable name: the proxy may serve MEDIA_ROOT, and this file must only leave through
    # the download view's access check.
    attachment.file.save(f"{secrets.token_urlsafe(32)}.pdf", upload, save=False)
    attachment.save()
    log_action(
        "projects.project.attachment_added",
        target=project,
        actor=actor,
        data={"attachment": attachment.pk, "title": title, "size": attachment.size},
    )
    return attachment


@transaction.atomic
def delete_attachment(*, actor: Any, attachment: Attachment) -> None:
    """Remove an attachment while the project is a draft."""
    project = lock_project(attachment.project)
    check_may_edit(actor, project)
    if project.state != Project.State.DRAFT:
        raise ConflictError(_("Attachments can only be deleted while the project is a draft."))
    data = {"attachment": attachment.pk, "title": attachment.title}
    name, storage = attachment.file.name or "", attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))
    log_action("projects.project.attachment_deleted", target=project, actor=actor, data=data)
