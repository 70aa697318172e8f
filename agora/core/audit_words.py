"""Audit entries in words, for the history lists that staff read.

Each app registers the wording of its own actions when it is ready (`register`), so core
knows no app's codes. Back-office edits (`<app>.<model>.added|edited|deleted`, from
`AuditedAdminMixin`) need no registration. An action nobody registered shows its code: a new
kind of entry is never hidden.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agora.core.models import AuditEntry

# The wording of an action: a text, or a function of the entry for one that names its object.
Wording = Promise | Callable[[AuditEntry], str]
WORDS: dict[str, Wording] = {}
BACK_OFFICE = {
    "added": _("Added in the back office"),
    "edited": _("Changed in the back office"),
    "deleted": _("Deleted in the back office"),
}
# Data keys whose value is shown after a label; the others are said by `_detail`.
LABELS = {
    "reason": _("Reason"),
    "email": _("E-mail"),
    "year": _("Year"),
    "employees": _("Employees"),
    "members_end": _("Members at year end"),
    "organisation": _("Organisation"),
    "role": _("Role"),
}
# Said by the description already ("… in the back office").
SILENT = {"via"}


def register(words: Mapping[str, Wording]) -> None:
    """Add an app's wording of its actions (called from its AppConfig.ready)."""
    WORDS.update(words)


def describe(entry: AuditEntry) -> str:
    """What the entry records, in the active language."""
    wording = WORDS.get(entry.action)
    if callable(wording):
        return wording(entry)
    if wording is not None:
        return str(wording)
    verb = entry.action.rsplit(".", 1)[-1]
    return str(BACK_OFFICE.get(verb, entry.action))


def details(entry: AuditEntry) -> list[str]:
    """The entry's data as short phrases ("Fields: name, website"; "Reason: unpaid")."""
    # From ContentType's cache: no query per entry.
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    phrases = []
    for key, value in entry.data.items():
        if key not in SILENT and (phrase := _detail(model, key, value)):
            phrases.append(phrase)
    return phrases


def _detail(model: type[models.Model] | None, key: str, value: Any) -> str:
    if key == "fields":
        names = [_field_name(model, name) for name in value or []]
        return gettext("Fields: %(names)s") % {"names": ", ".join(names)} if names else ""
    if key == "created":
        return gettext("new record") if value else gettext("existing record updated")
    if key == "of":
        return gettext("renews period no. %(id)s") % {"id": value}
    if value in (None, ""):
        return ""
    field = _field(model, key)
    if field is not None and field.choices:
        return f"{capfirst(field.verbose_name)}: {dict(field.flatchoices).get(value, value)}"
    label = LABELS.get(key) or (field.verbose_name if field is not None else key)
    return f"{capfirst(label)}: {value}"


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_name(model: type[models.Model] | None, name: str) -> str:
    """A field's verbose name (its code for a relation or a field that no longer exists)."""
    field = _field(model, name)
    return str(getattr(field, "verbose_name", name))
