"""Amounts in euros, and labels before them, read in each language."""

from decimal import Decimal

import pytest
from django.utils import translation

from agora.core.money import amount, price
from agora.core.templatetags.agora_tags import colon


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (Decimal("6000.00"), "6,000\u00a0€", "6\u00a0000\u00a0€"),
        (Decimal("1500.50"), "1,500.50\u00a0€", "1\u00a0500,50\u00a0€"),
        (150, "150\u00a0€", "150\u00a0€"),
        (None, "0\u00a0€", "0\u00a0€"),
    ],
)
def test_an_amount_groups_thousands_and_shows_cents_only_when_there_are_some(
    value, english, french
):
    assert amount(value) == english
    with translation.override("fr"):
        assert amount(value) == french


def test_a_price_of_nothing_is_free_and_any_other_is_its_amount():
    assert [price(Decimal("0.00")), price(None), price(Decimal("70"))] == [
        "Free",
        "Free",
        "70\u00a0€",
    ]
    with translation.override("fr"):
        assert price(0) == "Gratuit"


def test_a_label_takes_its_colon_as_each_language_writes_it():
    assert colon("Price") == "Price:"
    with translation.override("fr"):
        assert colon("Prix") == "Prix\u00a0:"
