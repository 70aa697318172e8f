"""Lookups that Django leaves unguarded: junk input must not reach the database as a crash."""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import IntegerField
from django.db.models.lookups import In
from django.db.models.sql.compiler import SQLCompiler


class IntegerFieldIn(In):
    """`in` on an integer column, leaving out the values no such column can hold.

    Django guards `exact`, `gt`, `lt` and their kin against integers out of the column's range,
    not `in`: a 20-digit id posted to a multiple-choice field reached SQLite as an
    OverflowError, a 500. Out of range, a value matches no row, as `exact` says.
    """

    def process_rhs(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> Any:
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [value for value in self.rhs if not out_of_range(value, low, high)]
        return super().process_rhs(compiler, connection)


def out_of_range(value: Any, low: int | None, high: int | None) -> bool:
    """Whether an integer lies outside [low, high] (None: no bound); other values never do."""
    if not isinstance(value, int):
        return False
    return (low is not None and value < low) or (high is not None and value > high)


def register_lookups() -> None:
    """Put the guarded lookups in place of Django's, for every integer field and primary key."""
    IntegerField.register_lookup(IntegerFieldIn)
