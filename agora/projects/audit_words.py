"""What the projects app's audit entries record, in words (see `agora.core.audit_words`).

A project's own entries read as on its page (`history.py`): the workflow's steps name the
project, as in their e-mails' subjects.
"""

from collections.abc import Callable

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from agora.core.models import AuditEntry
from agora.projects.history import EDITS, PREFIX, STEPS


def _step(subject: Promise) -> Callable[[AuditEntry], str]:
    return lambda entry: str(subject) % {"project": entry.object_repr}


AUDIT_WORDS: dict[str, Promise | Callable[[AuditEntry], str]] = {
    **{PREFIX + verb: text for verb, text in EDITS.items()},
    **{PREFIX + verb: _step(subject) for verb, subject in STEPS.items()},
    "projects.call.experts_assigned": _("Experts assigned"),
    "projects.call.experts_invited": _("Experts invited"),
    "projects.assignment.invited": _("Expert invited"),
    "projects.assignment.accepted": _("Invitation accepted by the expert"),
    "projects.assignment.declined": _("Invitation declined by the expert"),
    "projects.assignment.evaluation_submitted": _("Evaluation submitted"),
    "projects.assignment.swapped": _("Expert replaced"),
    "projects.assignment.locked": _("Assignment locked"),
    "projects.assignment.unlocked": _("Assignment unlocked"),
    "projects.assignment.removed": _("Assignment removed"),
    "projects.expert.updated": _("Expert profile changed"),
    "projects.expert.conflict_declared": _("Conflict of interest declared"),
    "projects.expert.conflict_withdrawn": _("Conflict of interest withdrawn"),
    "projects.diagnosis.started": _("Maturity diagnosis started"),
    "projects.diagnosis.answered": _("Maturity question answered"),
    "projects.diagnosis.target_set": _("Maturity target set"),
    "projects.diagnosis.action_added": _("Action planned"),
    "projects.diagnosis.action_completed": _("Action completed"),
}
