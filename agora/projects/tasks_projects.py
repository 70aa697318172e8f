"""Background work of the project workflow: e-mails, queued after the transaction commits."""

from celery import shared_task

from agora.projects import notifications_projects


@shared_task(name="projects.project.transition")
def project_transition(entry_id: int) -> None:
    """Notify the consortium and the staff of a project's state change."""
    notifications_projects.project_transition(entry_id)


@shared_task(name="projects.project.milestone")
def project_milestone(entry_id: int) -> None:
    """Tell the consortium that a milestone of its follow-up was planned or reached."""
    notifications_projects.project_milestone(entry_id)
