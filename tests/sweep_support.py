"""What a request reads of its input, junk to put there instead, and cheap row counts.

The sweep learns a view's inputs by running it once: every key read from a QueryDict (GET, POST)
and every Django form bound during the request (file fields included). Junk is then chosen by the
form field's type (a string in a number field, an unknown choice, a date in year 9999...), or
generically for keys read by hand.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

# Text that trips encoders and databases: accents, a right-to-left override, an emoji, a NUL
# (PostgreSQL refuses NUL in text) and a lone surrogate-free astral character.
UNICODE = "Zoë \u202egnp.exe ☃ 🦠 \x00 end"
HUGE = "99999999999999999999"  # past a 64-bit integer
NOT_FOUND_ID = "999999999999999999"  # a 64-bit integer no row has
# Query strings sent to every GET: the filters and switches views commonly read.
GENERIC_QUERY = {
    "page": "abc",
    "format": "xlsx",
    "sort": "-nonexistent_field",
    "q": UNICODE,
    "year": HUGE,
    "date": "2030-02-31",
}
JUNK_KINDS = ("wrong-type", "huge", "past", "foreign-id", "over-long", "unicode")
# The junk of each kind for a key no form field describes (a view reading request.POST itself).
GENERIC_JUNK = {
    "wrong-type": "abc",
    "huge": HUGE,
    "past": "-1",
    "foreign-id": NOT_FOUND_ID,
    "over-long": "x" * 10_001,
    "unicode": UNICODE,
}
# Tables whose rows change on any request whatever the view does (the session of a sign-in).
VOLATILE_TABLES = {"django_session"}


@dataclass
class Inputs:
    """The keys a request read and the forms it bound, in the order they were first met."""

    keys: dict[str, None] = field(default_factory=dict)
    bound_forms: list[forms.BaseForm] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, forms.Field]:
        """The fields of the bound forms by input name (read late: views adjust them)."""
        fields: dict[str, forms.Field] = {}
        for form in self.bound_forms:
            for name, form_field in form.fields.items():
                fields.setdefault(form.add_prefix(name), form_field)
        return fields

    @property
    def names(self) -> list[str]:
        """Every input name, form fields first (their junk is typed)."""
        return list(dict.fromkeys([*self.fields, *self.keys]))


@contextmanager
def recording_inputs() -> Iterator[Inputs]:
    """Record the keys read from a request's GET or POST, and the forms bound."""
    inputs = Inputs()
    originals: dict[str, Any] = {
        name: MultiValueDict.__dict__.get(name)
        for name in ("__getitem__", "__contains__", "get", "getlist")
    }

    def recorder(name: str) -> Callable[..., Any]:
        original = getattr(MultiValueDict, name)

        def record(self: MultiValueDict, key: str, *args: Any, **kwargs: Any) -> Any:
            # Only a request's GET and POST: the URL resolver keeps its names in one too.
            if isinstance(self, QueryDict):
                inputs.keys.setdefault(str(key), None)
            return original(self, key, *args, **kwargs)

        return record

    form_init = forms.BaseForm.__init__

    def init(self: forms.BaseForm, *args: Any, **kwargs: Any) -> None:
        form_init(self, *args, **kwargs)
        if self.is_bound:
            inputs.bound_forms.append(self)

    for name in originals:
        setattr(MultiValueDict, name, recorder(name))
    forms.BaseForm.__init__ = init  # type: ignore[method-assign]
    try:
        yield inputs
    finally:
        for name, original in originals.items():
            if original is None:  # inherited from dict: drop the recorder, dict's shows again
                delattr(MultiValueDict, name)
            else:
                setattr(MultiValueDict, name, original)
        forms.BaseForm.__init__ = form_init  # type: ignore[method-assign]


def foreign_id(form_field: forms.ModelChoiceField) -> str:
    """The id of a row of the field's model that the field does not offer (another org's)."""
    queryset = form_field.queryset
    if queryset is None:
        return NOT_FOUND_ID
    model = queryset.model
    pk = model._default_manager.exclude(pk__in=queryset.values("pk")).values_list("pk").first()
    return str(pk[0]) if pk else NOT_FOUND_ID


def over_long(form_field: forms.Field) -> str:
    """Text one character longer than the field allows (or very long where it sets no limit)."""
    limit = getattr(form_field, "max_length", None) or 10_000
    return "x" * (limit + 1)


def junk_file(kind: str) -> SimpleUploadedFile:
    """An upload that is not what any form expects: a NUL-led blob, empty, or a huge name."""
    if kind == "past":
        return SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf")
    name = ("x" * 300 + ".pdf") if kind == "over-long" else f"{UNICODE}.json"
    return SimpleUploadedFile(name, b"\x00\xffnot what you think{", content_type="application/pdf")


# Junk by field type, in isinstance order (a model choice is a choice, a date-time a date...).
TYPED_JUNK: list[tuple[type[forms.Field], dict[str, Any]]] = [
    (
        forms.ModelMultipleChoiceField,
        {"wrong-type": ["abc"], "huge": [HUGE], "past": ["-1"], "foreign-id": foreign_id},
    ),
    (
        forms.ModelChoiceField,
        {"wrong-type": "abc", "huge": HUGE, "past": "-1", "foreign-id": foreign_id},
    ),
    (forms.MultipleChoiceField, {"wrong-type": ["not-a-choice"], "huge": [HUGE]}),
    (forms.ChoiceField, {"wrong-type": "not-a-choice", "huge": HUGE, "past": "-1"}),
    (forms.NullBooleanField, {"wrong-type": "maybe"}),
    (forms.BooleanField, {"wrong-type": "maybe"}),
    (forms.IntegerField, {"wrong-type": "abc", "huge": HUGE, "past": "-" + HUGE}),
    (forms.DecimalField, {"wrong-type": "abc", "huge": "1e400", "past": "-" + HUGE + ".999"}),
    (forms.FloatField, {"wrong-type": "abc", "huge": "1e400", "past": "nan"}),
    (forms.SplitDateTimeField, {}),  # its two halves are keys of their own: generic junk
    (
        forms.DateTimeField,
        {"wrong-type": "abc", "huge": "9999-12-31 23:59", "past": "0001-01-01 00:00"},
    ),
    (forms.DateField, {"wrong-type": "2030-02-31", "huge": "9999-12-31", "past": "0001-01-01"}),
    (forms.TimeField, {"wrong-type": "25:61", "huge": "23:59:59.9999999", "past": "-1:00"}),
    (forms.DurationField, {"wrong-type": "abc", "huge": "999999999 00:00:00", "past": "-1"}),
    (forms.FileField, dict.fromkeys(("wrong-type", "past", "over-long"), junk_file)),
    (forms.JSONField, {"wrong-type": "{", "huge": "1e400", "past": "[[[[[[[[[[]]]]]]]]]]"}),
    (forms.EmailField, {"wrong-type": "not-an-email", "past": "a@b"}),
    (forms.URLField, {"wrong-type": "javascript:alert(1)", "past": "http://"}),
]


def junk_value(name: str, form_field: forms.Field | None, kind: str) -> Any:
    """The junk of `kind` for one input, by its field's type; None to leave the input out."""
    if form_field is None:
        return GENERIC_JUNK[kind]
    if kind == "over-long":
        return over_long(form_field)
    if kind == "unicode":
        return UNICODE
    for field_type, values in TYPED_JUNK:
        if isinstance(form_field, field_type):
            value = values.get(kind)
            if callable(value):
                return value(kind) if field_type is forms.FileField else value(form_field)
            return value
    return {"wrong-type": "abc", "huge": HUGE, "past": "-1"}.get(kind)


def junk_payload(inputs: Inputs, kind: str) -> dict[str, Any]:
    """Every input the view read, with junk of one kind where the kind applies to it."""
    payload = {}
    for name in inputs.names:
        value = junk_value(name, inputs.fields.get(name), kind)
        if value is not None:
            payload[name] = value
    return payload


def describe(payload: dict[str, Any]) -> str:
    """A payload short enough for a failure message (long values cut, files by name)."""
    parts = []
    for name, value in payload.items():
        if isinstance(value, SimpleUploadedFile):
            shown = f"<file {value.name[:40]!r}, {value.size} bytes>"
        else:
            text = repr(value)
            shown = text if len(text) <= 60 else f"{text[:40]}... ({len(str(value))} chars)"
        parts.append(f"{name}={shown}")
    return "{" + ", ".join(parts) + "}"


def table_counts_query() -> str:
    """One SELECT that counts the rows of every table of the project's models."""
    tables = sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
        - VOLATILE_TABLES
    )
    quote = connection.ops.quote_name
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(table)}) AS {quote(table)}" for table in tables
    )
    return f"SELECT {counts}"


def count_rows(query: str) -> dict[str, int]:
    """The number of rows of each table, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(query)
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    return dict(zip(names, row, strict=True))


def changed_tables(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    """The tables whose row count differs, with both counts."""
    return {
        table: (count, after[table]) for table, count in before.items() if after[table] != count
    }
