"""E-mails of the project workflow: the consortium's representatives and the staff hear of it."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from agora.core.models import AuditEntry
from agora.projects.models import Decision, Project
from agora.projects.selectors.projects import list_consortium_emails, list_staff_emails
from agora.projects.workflow import TRANSITIONS, Notify, Transition

BY_VERB = {f"projects.project.{transition.verb}": transition for transition in TRANSITIONS}


def list_recipients(project: Project, notify: tuple[Notify, ...]) -> list[str]:
    """The addresses a transition's e-mail goes to, each once."""
    emails: list[str] = []
    if Notify.CONSORTIUM in notify:
        emails += list_consortium_emails(project)
    if Notify.STAFF in notify:
        emails += [email for email in list_staff_emails() if email not in emails]
    return emails


def get_text(entry: AuditEntry, transition: Transition, project: Project) -> str:
    """The question, answer, reason or jury's letter the e-mail quotes, if the action has one."""
    if transition.text_field == "letter":
        return Decision.objects.get(project=project).letter
    return entry.data.get(transition.text_field, "") if transition.text_field else ""


def project_transition(entry_id: int) -> None:
    """Tell the consortium (and the staff, for submissions) that a project changed state."""
    entry = AuditEntry.objects.get(pk=entry_id)
    transition = BY_VERB[entry.action]
    project = Project.objects.select_related("call").get(pk=entry.object_id)
    recipients = list_recipients(project, transition.notify)
    if not recipients:
        return
    link = settings.SITE_URL + reverse("projects:project-detail", args=[project.pk])
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(transition.subject) % {"project": project.acronym}
        body = render_to_string(
            "projects/email/transition.txt",
            {
                "project": project,
                "subject": subject,
                "text": get_text(entry, transition, project),
                "text_field": transition.text_field,
                "link": link,
                "cluster_name": settings.AGORA_CLUSTER_NAME,
            },
        )
    send_mail(subject, body, None, recipients)
