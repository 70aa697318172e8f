"""E-mails of the project workflow: the consortium, the staff and the jury hear of it.

Each recipient reads the e-mail in their own language (their account's preferred language, else
the site's): one e-mail per language, to the recipients who read it.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agora.core.models import AuditEntry
from agora.projects.models import Decision, Milestone, Project
from agora.projects.selectors.projects import (
    Recipient,
    list_consortium_recipients,
    list_jury_recipients,
    list_staff_recipients,
)
from agora.projects.workflow import TRANSITIONS, Notify, Transition

BY_VERB = {f"projects.project.{transition.verb}": transition for transition in TRANSITIONS}


def list_recipients(project: Project, notify: tuple[Notify, ...]) -> list[tuple[Recipient, str]]:
    """Who a transition's e-mail goes to (each address once), with the page their link opens.

    The jury does not see the project's page: its link opens the decision page.
    """
    project_url = reverse("projects:project-detail", args=[project.pk])
    found: list[tuple[Recipient, str]] = []
    if Notify.CONSORTIUM in notify:
        found += [(recipient, project_url) for recipient in list_consortium_recipients(project)]
    if Notify.STAFF in notify:
        found += [(recipient, project_url) for recipient in list_staff_recipients()]
    if Notify.JURY in notify:
        jury_url = reverse("projects:project-decision", args=[project.pk])
        found += [(recipient, jury_url) for recipient in list_jury_recipients(project)]
    unique: dict[str, tuple[Recipient, str]] = {}
    for recipient, url in found:
        unique.setdefault(recipient.email, (recipient, url))
    return list(unique.values())


def group_recipients(recipients: list[tuple[Recipient, str]]) -> dict[tuple[str, str], list[str]]:
    """The addresses of each (language, link), in the recipients' order."""
    groups: dict[tuple[str, str], list[str]] = {}
    for recipient, url in recipients:
        groups.setdefault((recipient.language, url), []).append(recipient.email)
    return groups


def get_text(entry: AuditEntry, transition: Transition, project: Project) -> str:
    """The question, answer, reason or jury's letter the e-mail quotes, if the action has one."""
    if transition.text_field == "letter":
        return Decision.objects.get(project=project).letter
    return entry.data.get(transition.text_field, "") if transition.text_field else ""


def project_transition(entry_id: int) -> None:
    """Tell the consortium (and the staff or the jury, when concerned) of a project's new state."""
    entry = AuditEntry.objects.get(pk=entry_id)
    transition = BY_VERB[entry.action]
    project = Project.objects.select_related("call").get(pk=entry.object_id)
    text = get_text(entry, transition, project)
    groups = group_recipients(list_recipients(project, transition.notify))
    for (language, url), emails in groups.items():
        with translation.override(language):
            subject = str(transition.subject) % {"project": project.acronym}
            body = render_to_string(
                "projects/email/transition.txt",
                {
                    "project": project,
                    "subject": subject,
                    "text": text,
                    "text_field": transition.text_field,
                    "link": settings.SITE_URL + url,
                    "cluster_name": settings.AGORA_CLUSTER_NAME,
                },
            )
        send_mail(subject, body, None, emails)


def milestone_subject(entry: AuditEntry, milestone: Milestone, project: Project) -> str:
    """The subject of a milestone's e-mail, in the active language."""
    names = {"project": project.acronym, "title": milestone.title}
    if entry.action == "projects.project.milestone_reached":
        return _("%(project)s: the milestone “%(title)s” is reached") % names
    return _("%(project)s: the milestone “%(title)s” is planned") % names


def project_milestone(entry_id: int) -> None:
    """Tell the consortium, each in their language, of a milestone planned or reached."""
    entry = AuditEntry.objects.get(pk=entry_id)
    milestone = Milestone.objects.select_related("project").get(pk=entry.data["milestone"])
    project = milestone.project
    link = settings.SITE_URL + reverse("projects:project-detail", args=[project.pk])
    groups = group_recipients(list_recipients(project, (Notify.CONSORTIUM,)))
    for (language, _url), emails in groups.items():
        with translation.override(language):
            subject = milestone_subject(entry, milestone, project)
            body = render_to_string(
                "projects/email/milestone.txt",
                {
                    "subject": subject,
                    "milestone": milestone,
                    "link": link,
                    "cluster_name": settings.AGORA_CLUSTER_NAME,
                },
            )
        send_mail(subject, body, None, emails)
