"""Amounts in euros as people read them, in the active language."""

from decimal import Decimal

from django.template.defaultfilters import floatformat


def price(value: Decimal | int | None) -> str:
    """Thousands grouped, cents only when there are some ("1,500 €", "1 500,50 €"), never split
    from its sign."""
    return f"{floatformat(value or 0, '-2g')}\u00a0€"
