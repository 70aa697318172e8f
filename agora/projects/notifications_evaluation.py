"""E-mails of the expert evaluation: the invitation to evaluate a project."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from agora.projects.models import Assignment
from agora.projects.selectors.projects import language_of


def send_invitations(assignment_ids: list[int]) -> None:
    """One e-mail per invited expert and project, in their language: acronym, title and link."""
    assignments = Assignment.objects.filter(
        pk__in=assignment_ids, state=Assignment.State.INVITED
    ).select_related("project__call", "expert__person__user")
    for assignment in assignments:
        person = assignment.expert.person
        email = person.email or (person.user.email if person.user else "")
        if not email:
            continue
        link = settings.SITE_URL + reverse("projects:assignment-declaration", args=[assignment.pk])
        with translation.override(language_of(person.user)):
            subject = _("Invitation to evaluate %(project)s") % {
                "project": assignment.project.acronym
            }
            body = render_to_string(
                "projects/evaluation/email/invitation.txt",
                {
                    "assignment": assignment,
                    "person": person,
                    "link": link,
                    "cluster_name": settings.AGORA_CLUSTER_NAME,
                },
            )
        send_mail(subject, body, None, [email])
