"""Background work of the events domain, queued after the transaction commits."""

from celery import shared_task

from agora.events import agenda_mail
from agora.events.services import schedule_updates, scheduling

# Celery's autodiscovery imports only `tasks` modules: registering the other parts' tasks here
# lets a worker run them.
from agora.events.tasks_b2b import request_decided, request_received
from agora.events.tasks_registration import build_badges, seat_offered

__all__ = [
    "build_badges",
    "request_decided",
    "request_received",
    "run_schedule",
    "seat_offered",
    "send_agendas",
    "update_schedule",
]


@shared_task
def run_schedule(run_id: int) -> None:
    """Compute the draft schedule of a run."""
    scheduling.run_schedule(run_id=run_id)


@shared_task
def update_schedule(run_id: int) -> None:
    """Re-schedule after changes to a published schedule, and publish the result."""
    schedule_updates.update_schedule(run_id=run_id)


@shared_task
def send_agendas(event_id: int, registration_ids: list[int], is_update: bool) -> None:
    """E-mail these participants the link to their agenda."""
    agenda_mail.send_agendas(
        event_id=event_id, registration_ids=registration_ids, is_update=is_update
    )
