"""Amounts in euros as people read them, in the active language."""

from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.translation import pgettext


def amount(value: Decimal | int | None) -> str:
    """Thousands grouped, cents only when there are some ("1,500 €", "1 500,50 €"), never split
    from its sign."""
    return f"{floatformat(value or 0, '-2g')}\u00a0€"


def price(value: Decimal | int | None) -> str:
    """What something costs, shown on its own: "Free" when it costs nothing. (In a sentence,
    "you pay 0 €" reads better: use `amount` there.)"""
    return amount(value) if value else pgettext("price", "Free")
