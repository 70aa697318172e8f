"""Writes of an organisation's team: invitations and affiliations."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError
from agora.members import tasks
from agora.members.models import (
    Affiliation,
    Invitation,
    Organisation,
    Person,
)


@transaction.atomic
def invite_colleague(
    *,
    actor: Any,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
) -> Invitation:
    """Invite someone to join the organisation's team on Agora; they get an e-mail with a link."""
    email = email.strip().lower()
    open_invitations = Invitation.objects.filter(
        organisation=organisation,
        email=email,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if open_invitations.exists():
        raise ConflictError(_("%(email)s has already been invited.") % {"email": email})
    already = Affiliation.objects.filter(
        organisation=organisation, person__email__iexact=email, end_date__isnull=True
    )
    if already.exists():
        raise ConflictError(_("%(email)s is already in the team.") % {"email": email})
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=role,
        invited_by=actor,
    )
    log_action("members.invitation.sent", target=invitation, actor=actor, data={"email": email})
    transaction.on_commit(lambda: tasks.invitation_sent.delay(invitation.pk))
    return invitation


@transaction.atomic
def accept_invitation(*, user: Any, invitation: Invitation) -> Affiliation:
    """Tie the signed-in user to the organisation the invitation is for."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ConflictError(_("This invitation has expired or was already used."))
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(
            first_name=invitation.first_name,
            last_name=invitation.last_name,
            email=user.email,
            user=user,
        )
    affiliation, _created = Affiliation.objects.get_or_create(
        person=person,
        organisation=invitation.organisation,
        end_date=None,
        defaults={"role": invitation.role},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    log_action("members.invitation.accepted", target=invitation, actor=user)
    return affiliation


@transaction.atomic
def end_affiliation(*, actor: Any, affiliation: Affiliation, on: date | None = None) -> Affiliation:
    """Someone leaves the organisation: the affiliation ends, the history stays."""
    affiliation.end_date = on or timezone.localdate()
    affiliation.save(update_fields=["end_date"])
    log_action("members.affiliation.ended", target=affiliation, actor=actor)
    return affiliation
