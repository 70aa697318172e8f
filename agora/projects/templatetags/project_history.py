"""`{% project_event entry project %}`: one line of a project's history, in words."""

from django import template

from agora.core.models import AuditEntry
from agora.projects.history import describe
from agora.projects.models import Project

register = template.Library()


@register.simple_tag
def project_event(entry: AuditEntry, project: Project) -> str:
    return describe(entry, project.acronym)
