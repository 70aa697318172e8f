from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import Form
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from agora.core import audit_words
from agora.core.audit import log_action
from agora.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only: it is evidence, so nobody edits or deletes it here."""

    list_display = ["created_at", "description", "object_repr", "content_type", "actor"]
    list_filter = ["content_type", "action"]
    search_fields = ["action", "object_repr", "object_id", "actor__email"]
    date_hierarchy = "created_at"
    list_select_related = ["actor", "content_type"]
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    @admin.display(description=_("what happened"), ordering="action")
    def description(self, entry: AuditEntry) -> str:
        """The entry in words, its details after it; the code stays in the filter."""
        phrases = audit_words.details(entry)
        text = audit_words.describe(entry)
        return f"{text} ({'; '.join(phrases)})" if phrases else text

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedAdminMixin(admin.ModelAdmin):
    """Admin edits leave an audit entry like every other change (`<app>.<model>.edited`).

    Listed first in an admin's bases, so that its hooks wrap those of the other admin classes.
    """

    def save_model(self, request: HttpRequest, obj: models.Model, form: Form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        verb = "edited" if change else "added"
        log_action(
            f"{obj._meta.app_label}.{obj._meta.model_name}.{verb}",
            target=obj,
            actor=request.user,
            data={"fields": list(form.changed_data), "via": "admin"},
        )

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        log_action(
            f"{obj._meta.app_label}.{obj._meta.model_name}.deleted",
            target=obj,
            actor=request.user,
            data={"via": "admin"},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        for obj in queryset:
            log_action(
                f"{obj._meta.app_label}.{obj._meta.model_name}.deleted",
                target=obj,
                actor=request.user,
                data={"via": "admin"},
            )
        super().delete_queryset(request, queryset)
