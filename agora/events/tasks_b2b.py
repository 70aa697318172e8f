"""Background work of B2B meeting requests: e-mails, queued after the transaction commits."""

from celery import shared_task

from agora.events import notifications_b2b


@shared_task(name="events.b2b.request_received")
def request_received(request_id: int) -> None:
    """Tell the recipient about a new meeting request."""
    notifications_b2b.request_received(request_id)


@shared_task(name="events.b2b.request_decided")
def request_decided(request_id: int) -> None:
    """Tell the requester that their request was accepted or declined."""
    notifications_b2b.request_decided(request_id)
