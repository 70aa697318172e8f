"""Form helpers shared by every app: a service's refusal shown on the form that asked."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.db import models

from agora.core.errors import DomainError

T = TypeVar("T")


def submit_form(form: forms.BaseForm, action: Callable[[], T]) -> T | None:
    """Validate a bound form and run its service; on invalid input or a refusal, None.

    A DomainError's message goes onto the form (on its field when the form has it) and its
    status code is kept for form_status.
    """
    if not form.is_valid():
        return None
    try:
        return action()
    except DomainError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        form.refusal_status = error.status_code  # type: ignore[attr-defined]
        return None


def form_status(form: forms.BaseForm) -> int:
    """The status to answer a form page with: 200, 400 for invalid input, or the refusal's."""
    if not form.is_bound or not form.errors:
        return 200
    return getattr(form, "refusal_status", 400)


def https_formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """A model field's form field; a web address typed without a scheme is taken as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)
