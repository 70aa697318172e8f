"""Background work of the members domain: e-mails, sent after the transaction commits."""

from celery import shared_task

from agora.members import notifications


@shared_task
def application_received(application_id: int) -> None:
    """Tell the staff about a new membership application."""
    notifications.application_received(application_id)


@shared_task
def application_decided(application_id: int) -> None:
    """Tell the applicant about the decision."""
    notifications.application_decided(application_id)


@shared_task
def invitation_sent(invitation_id: int) -> None:
    """Send the invitation link to the invited colleague."""
    notifications.invitation_sent(invitation_id)


@shared_task
def contact_received(message_id: int) -> None:
    """Forward a contact-form message to the staff."""
    notifications.contact_received(message_id)
