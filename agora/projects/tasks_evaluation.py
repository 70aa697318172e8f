"""Background work of the expert evaluation: e-mails, queued after the transaction commits."""

from celery import shared_task

from agora.projects import notifications_evaluation


@shared_task(name="projects.assignment.invited")
def send_invitations(assignment_ids: list[int]) -> None:
    """Invite these experts to evaluate their projects."""
    notifications_evaluation.send_invitations(assignment_ids)
