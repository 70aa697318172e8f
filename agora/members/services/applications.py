"""Writes from the public site: membership applications and contact messages."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.members import tasks
from agora.members.models import (
    Affiliation,
    ContactMessage,
    Membership,
    MembershipApplication,
    Organisation,
    Person,
)
from agora.members.services.memberships import create_membership
from agora.members.services.organisations import unique_slug


@transaction.atomic
def submit_application(*, data: dict[str, Any], domains: Any) -> MembershipApplication:
    """Store a "become a member" application and tell the staff."""
    application = MembershipApplication(**data)
    application.full_clean(exclude=["domains"])
    application.save()
    application.domains.set(domains)
    log_action("members.application.submitted", target=application)
    transaction.on_commit(lambda: tasks.application_received.delay(application.pk))
    return application


@transaction.atomic
def approve_application(
    *, actor: Any, application: MembershipApplication, start_date: date | None = None
) -> Organisation:
    """Create the organisation, its representative and a pending membership, all or nothing."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != MembershipApplication.State.SUBMITTED:
        raise ConflictError(_("This application has already been decided."))
    organisation = create_organisation_from_application(application)
    person = Person.objects.create(
        first_name=application.first_name,
        last_name=application.last_name,
        email=application.email,
        phone=application.phone,
        job_title=application.job_title,
    )
    Affiliation.objects.create(
        person=person, organisation=organisation, role=Affiliation.Role.REPRESENTATIVE
    )
    agreement = None
    if application.membership_type == Membership.Type.CO_MEMBER:
        agreement = application.partner.agreements.first() if application.partner else None
    create_membership(
        actor=actor,
        organisation=organisation,
        type=application.membership_type,
        start_date=start_date or timezone.localdate(),
        agreement=agreement,
    )
    application.state = MembershipApplication.State.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.organisation = organisation
    application.save(update_fields=["state", "decided_at", "decided_by", "organisation"])
    log_action("members.application.approved", target=application, actor=actor)
    log_action("members.organisation.created", target=organisation, actor=actor)
    transaction.on_commit(lambda: tasks.application_decided.delay(application.pk))
    return organisation


def create_organisation_from_application(application: MembershipApplication) -> Organisation:
    """The organisation an approved application describes."""
    number = application.enterprise_number
    if number and Organisation.objects.filter(enterprise_number=number).exists():
        raise ConflictError(
            _("An organisation with enterprise number %(number)s already exists.")
            % {"number": number}
        )
    organisation = Organisation(
        legal_name=application.legal_name,
        slug=unique_slug(application.legal_name),
        kind=application.kind,
        enterprise_number=number,
        region=application.region,
        country=application.country,
        city=application.city,
        website=application.website,
        description=application.description,
        employees=application.employees,
    )
    organisation.full_clean()
    organisation.save()
    organisation.domains.set(application.domains.all())
    return organisation


@transaction.atomic
def reject_application(
    *, actor: Any, application: MembershipApplication, note: str
) -> MembershipApplication:
    """Refuse an application with a reason that is sent to the applicant."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != MembershipApplication.State.SUBMITTED:
        raise ConflictError(_("This application has already been decided."))
    if not note.strip():
        raise DomainError(_("Please explain the decision to the applicant."), field="note")
    application.state = MembershipApplication.State.REJECTED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.decision_note = note.strip()
    application.save(update_fields=["state", "decided_at", "decided_by", "decision_note"])
    log_action("members.application.rejected", target=application, actor=actor)
    transaction.on_commit(lambda: tasks.application_decided.delay(application.pk))
    return application


@transaction.atomic
def send_contact_message(*, data: dict[str, Any]) -> ContactMessage:
    """Store a "get in touch" message and e-mail it to the staff."""
    message = ContactMessage(**data)
    message.full_clean()
    message.save()
    transaction.on_commit(lambda: tasks.contact_received.delay(message.pk))
    return message
