"""The expert pool: an expert's own profile and declared conflicts of interest."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.members.models import Organisation, StrategicDomain
from agora.projects.models import DeclaredConflict, Expert

PROFILE_FIELDS = ["keywords", "expertise", "max_evaluations"]


@transaction.atomic
def update_expert_profile(
    *, actor: Any, expert: Expert, data: dict[str, Any], domains: list[StrategicDomain]
) -> Expert:
    """Change an expert's keywords, expertise, yearly availability and domains."""
    for name in PROFILE_FIELDS:
        setattr(expert, name, data[name])
    expert.save(update_fields=PROFILE_FIELDS)
    expert.domains.set(domains)
    log_action(
        "projects.expert.updated",
        target=expert,
        actor=actor,
        data={**{name: data[name] for name in PROFILE_FIELDS}, "domains": [d.pk for d in domains]},
    )
    return expert


@transaction.atomic
def declare_conflict(
    *, actor: Any, expert: Expert, organisation: Organisation, reason: str
) -> DeclaredConflict:
    """Declare a conflict of interest with an organisation: none of its projects is assigned."""
    if not reason.strip():
        raise DomainError(_("Give the reason."), field="reason")
    if DeclaredConflict.objects.filter(expert=expert, organisation=organisation).exists():
        raise ConflictError(
            _("A conflict with %(organisation)s is already declared.")
            % {"organisation": organisation}
        )
    conflict = DeclaredConflict.objects.create(
        expert=expert, organisation=organisation, reason=reason.strip()
    )
    log_action(
        "projects.expert.conflict_declared",
        target=expert,
        actor=actor,
        data={"organisation": organisation.pk, "reason": conflict.reason},
    )
    return conflict


@transaction.atomic
def withdraw_conflict(*, actor: Any, conflict: DeclaredConflict) -> None:
    """Withdraw a declared conflict of interest."""
    log_action(
        "projects.expert.conflict_withdrawn",
        target=conflict.expert,
        actor=actor,
        data={
            "organisation": conflict.organisation_id,
            "project": conflict.project_id,
            "reason": conflict.reason,
        },
    )
    conflict.delete()
