"""Figures as the report shows them: rates as percentages, amounts in euros, mean ratings."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

from agora.reports.highlights import number, percent
from agora.reports.indicators.figures import EventFigures

register = template.Library()


@register.filter
def rate(value: float | None) -> str:
    """A growth rate with its sign ("+21.3 %"), or a dash when there is none."""
    if value is None:
        return "—"
    return ("+" if value >= 0 else "−") + percent(value)


@register.filter
def grouped(value: int | None) -> str:
    """A whole number with thousands separators."""
    return number(value or 0)


@register.filter
def euros(value: int | None) -> str:
    """Whole euros with thousands separators ("1 250 000 €"), never split from their sign."""
    return f"{number(value or 0)}\u00a0€"


@register.filter
def cents_as_euros(value: int | None) -> str:
    """An amount in cents as whole euros."""
    return f"{number_format(round((value or 0) / 100), force_grouping=True)}\u00a0€"


@register.filter
def meeting_rating(events: EventFigures) -> str:
    """The mean rating of the held meetings and how many ("4.5 / 5 (12 ratings)"), or a dash."""
    if events.rating_mean is None:
        return "—"
    count = ngettext("%(count)s rating", "%(count)s ratings", events.ratings) % {
        "count": number(events.ratings)
    }
    # number_format truncates the decimals it drops: 4.96 would read 4.9.
    mean = number_format(round(events.rating_mean, 1), decimal_pos=1)
    return f"{mean}\u00a0/\u00a05 ({count})"
