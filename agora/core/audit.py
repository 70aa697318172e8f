"""The audit log: every service that changes state records it here."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from agora.core.models import AuditEntry


def log_action(
    action: str, *, target: models.Model, actor: Any = None, data: dict[str, Any] | None = None
) -> AuditEntry:
    """Record that `actor` did `action` (e.g. "members.membership.renewed") to `target`."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        action=action,
        actor=user,
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        object_repr=str(target)[:200],
        data=data or {},
    )


def list_audit_entries(target: models.Model) -> models.QuerySet[AuditEntry]:
    """The audit entries of one object, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=str(target.pk)
    ).select_related("actor")
