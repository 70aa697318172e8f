"""The base of every API input schema: text that no database column can hold is refused."""

from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import field_validator


def contains_nul(value: Any) -> bool:
    """Whether a value, or any text inside a list or mapping, holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(contains_nul(item) for item in value)
    if isinstance(value, dict):
        return any(contains_nul(key) or contains_nul(item) for key, item in value.items())
    return False


class InputSchema(Schema):
    """An input of the API: a NUL character anywhere in it is a 422, as any invalid value.

    PostgreSQL cannot store NUL in text and refuses it in a query too, a 500 if it got that far;
    SQLite would store it. Django's forms refuse it the same way (ProhibitNullCharactersValidator).
    """

    @field_validator("*", mode="before")
    @classmethod
    def refuse_nul(cls, value: Any) -> Any:
        if contains_nul(value):
            raise ValueError(_("Null characters are not allowed."))
        return value
