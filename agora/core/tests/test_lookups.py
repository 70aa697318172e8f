"""Integer `in` lookups with values out of the column's range match nothing instead of crashing."""

import pytest
from django import forms
from django.contrib.contenttypes.models import ContentType

from agora.core.models import AuditEntry

HUGE = 99999999999999999999  # past a 64-bit integer


@pytest.mark.parametrize("values", [[HUGE], [-HUGE], [HUGE, -HUGE]])
def test_in_with_only_out_of_range_ids_matches_nothing(db, values):
    assert list(ContentType.objects.filter(pk__in=values)) == []


def test_in_keeps_the_ids_in_range(db):
    audit = ContentType.objects.get_for_model(AuditEntry)

    found = ContentType.objects.filter(pk__in=[HUGE, audit.pk])

    assert list(found) == [audit]


def test_multiple_choice_of_a_huge_id_is_an_invalid_choice(db):
    field = forms.ModelMultipleChoiceField(queryset=ContentType.objects.all())

    with pytest.raises(forms.ValidationError) as error:
        field.clean([str(HUGE)])

    assert error.value.messages == [
        f"Select a valid choice. {HUGE} is not one of the available choices."
    ]
