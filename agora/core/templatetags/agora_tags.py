"""Template helpers shared by every app."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, cast

from django import forms, template
from django.db import models
from django.db.models.fields import BLANK_CHOICE_DASH
from django.forms import BoundField
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from agora.core import audit_words, money
from agora.core.models import AuditEntry

register = template.Library()

WIDGET_CLASSES = {
    "checkbox": "form-check-input",
    "select": "form-select",
    "selectmultiple": "form-select",
}


@register.simple_tag
def admin_change_url(obj: models.Model) -> str:
    """The Django admin page of an object, or "" when its model is not in the admin."""
    meta = obj._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


@register.filter
def bootstrap_widget(field: BoundField) -> SafeString:
    """A form field's widget with Bootstrap's classes, and `is-invalid` when it has errors."""
    css = WIDGET_CLASSES.get(field.widget_type, "form-control")
    if field.errors:
        css += " is-invalid"
    name_blank_choice(field.field)
    return field.as_widget(attrs={"class": css})


def name_blank_choice(field: forms.Field) -> None:
    """Django's blank choice "---------" in words: "Choose…" where a choice is required,
    "None" where it is not. A field that names its blank choice itself keeps it."""
    label = _("Choose…") if field.required else pgettext("no choice made in a list", "None")
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == BLANK_CHOICE_DASH[0][1]:
            field.empty_label = label  # its choices read it when the select is drawn
    elif isinstance(field, forms.ChoiceField):
        # Django normalises choices to a list of pairs when they are set.
        choices = list(cast(Iterable[Any], field.choices))
        if choices and tuple(choices[0]) == BLANK_CHOICE_DASH[0]:
            field.choices = [("", label), *choices[1:]]


@register.filter
def audit_description(entry: AuditEntry) -> str:
    """An audit entry in words (`agora.core.audit_words`)."""
    return audit_words.describe(entry)


@register.filter
def audit_details(entry: AuditEntry) -> list[str]:
    """An audit entry's data as short phrases."""
    return audit_words.details(entry)


@register.filter
def price(value: Decimal | int | None) -> str:
    """What something costs, on its own, in the reader's language ("Free" at zero)."""
    return money.price(value)


@register.filter
def amount(value: Decimal | int | None) -> str:
    """An amount in euros in the reader's language, for a sentence (`agora.core.money`)."""
    return money.amount(value)


@register.filter
def colon(label: str) -> str:
    """A label before its value, punctuated in the reader's language ("Price:", "Prix :")."""
    return pgettext("a label followed by its value", "%(label)s:") % {"label": label}
