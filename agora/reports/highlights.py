"""Highlights of an annual report: sentences written from its figures, in English and French."""

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agora.reports.indicators.figures import ReportFigures

LANGUAGES = ("en", "fr")


def percent(rate: float) -> str:
    """A rate as a percentage with one decimal, in the active language ("21.9 %", "21,9 %")."""
    return _("%(value)s %%") % {"value": number_format(abs(rate) * 100, decimal_pos=1)}


def number(value: int) -> str:
    """A whole number with the active language's thousands separator."""
    return number_format(value, force_grouping=True)


def new_members_sentence(figures: ReportFigures) -> str:
    new = figures.current.membership.new
    before = figures.previous.membership.new
    sentence = ngettext(
        "%(count)s new member joined in %(year)s",
        "%(count)s new members joined in %(year)s",
        new,
    ) % {"count": number(new), "year": figures.year}
    if before and new != before:
        change = new / before - 1
        comparison = _("more") if change > 0 else _("fewer")
        sentence += _(", %(change)s %(comparison)s than the year before") % {
            "change": percent(change),
            "comparison": comparison,
        }
    return sentence + "."


def members_sentence(figures: ReportFigures) -> str:
    membership = figures.current.membership
    sentence = _("%(count)s member organisations at the end of %(year)s") % {
        "count": number(membership.members_end),
        "year": figures.year,
    }
    if figures.cagr is not None and figures.cagr_start < figures.year:
        sentence += _(", a growth of %(rate)s a year since %(start)s") % {
            "rate": percent(figures.cagr),
            "start": figures.cagr_start,
        }
    if membership.co_members_new:
        sentence += ngettext(
            "; %(count)s joined through a partner cluster",
            "; %(count)s joined through partner clusters",
            membership.co_members_new,
        ) % {"count": number(membership.co_members_new)}
    return sentence + "."


def projects_sentence(figures: ReportFigures) -> str | None:
    projects = figures.current.projects
    if not projects.labelled:
        return None
    sentence = ngettext(
        "%(count)s R&D project labelled", "%(count)s R&D projects labelled", projects.labelled
    ) % {"count": number(projects.labelled)}
    if projects.co_labelled:
        # The singular is written out ("one jointly"), as a cluster's report would say it.
        sentence += ngettext(
            ", one jointly with a partner cluster",
            ", %(count)s jointly with partner clusters",
            projects.co_labelled,
        ) % {"count": number(projects.co_labelled)}
    return sentence + "."


def event_sentence(figures: ReportFigures) -> str | None:
    largest = figures.current.events.largest
    if largest is None:
        return None
    values = {
        "participants": number(largest.participants),
        "meetings": number(largest.meetings_held),
        "event": largest.title,
    }
    if largest.meetings_held:
        return _("%(participants)s participants and %(meetings)s B2B meetings at %(event)s.") % (
            values
        )
    return _("%(participants)s participants at %(event)s.") % values


def reach_sentence(figures: ReportFigures) -> str | None:
    events = figures.current.events
    if not events.held:
        return None
    return ngettext(
        "%(count)s event held, reaching %(reached)s member organisations.",
        "%(count)s events held, reaching %(reached)s member organisations.",
        events.held,
    ) % {"count": number(events.held), "reached": number(events.member_organisations_reached)}


def facts_sentence(figures: ReportFigures) -> str | None:
    facts = figures.current.facts
    if not facts.reporting or not facts.employees:
        return None
    sentence = _(
        "The %(count)s members that reported their figures employ %(employees)s people"
    ) % {
        "count": number(facts.reporting),
        "employees": number(facts.employees),
    }
    if facts.employees_growth:
        sentence += _(" (%(sign)s%(rate)s on a like-for-like basis)") % {
            "sign": "+" if facts.employees_growth > 0 else "−",
            "rate": percent(facts.employees_growth),
        }
    return sentence + "."


SENTENCES = (
    new_members_sentence,
    members_sentence,
    projects_sentence,
    event_sentence,
    reach_sentence,
    facts_sentence,
)


def write_highlights(figures: ReportFigures, language: str) -> list[str]:
    """The highlights of a report in one language."""
    with translation.override(language):
        return [text for sentence in SENTENCES if (text := sentence(figures))]


def write_all_highlights(figures: ReportFigures) -> dict[str, str]:
    """The highlights in every language, one sentence a line, by language code."""
    return {language: "\n".join(write_highlights(figures, language)) for language in LANGUAGES}
