"""A project's history in words: each audit entry of the project as a line a reader follows."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from agora.core.audit_words import BACK_OFFICE
from agora.core.models import AuditEntry
from agora.projects.workflow import TRANSITIONS

PREFIX = "projects.project."
# The workflow's steps say what happened in their e-mail's subject ("HELIX is eligible").
STEPS = {transition.verb: transition.subject for transition in TRANSITIONS}
EDITS: dict[str, Promise] = {
    "created": gettext_lazy("Project created"),
    "updated": gettext_lazy("Project details changed"),
    "partner_added": gettext_lazy("Partner added"),
    "partner_updated": gettext_lazy("Partner changed"),
    "partner_removed": gettext_lazy("Partner removed"),
    "coordinator_changed": gettext_lazy("Coordinator changed"),
    "attachment_added": gettext_lazy("Attachment added"),
    "attachment_deleted": gettext_lazy("Attachment deleted"),
    "milestone_added": gettext_lazy("Milestone added"),
    "milestone_reached": gettext_lazy("Milestone reached"),
}


def describe(entry: AuditEntry, acronym: str) -> str:
    """What the entry records, in the active language (its code when it is a new kind)."""
    verb = entry.action.removeprefix(PREFIX)
    if verb in STEPS:
        return str(STEPS[verb]) % {"project": acronym}
    # Back-office edits (added, edited) read as everywhere else (`agora.core.audit_words`).
    return str(EDITS.get(verb) or BACK_OFFICE.get(verb) or verb)
