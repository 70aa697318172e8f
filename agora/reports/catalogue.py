"""The indicators staff can look up and export: what each counts, from which data, its columns."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from agora.reports.indicators.figures import YearFigures

Value = int | float | None
Columns = Callable[[YearFigures], dict[str, Value]]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: Promise
    counts: Promise  # what it counts
    source: Promise  # from which data
    columns: Columns
    # Export headers of the fixed columns; the others are breakdowns, headed by their code's label.
    labels: dict[str, Promise] = field(default_factory=dict)


def cents_to_euros(cents: int) -> float:
    return cents / 100


def rounded(mean: float | None) -> float | None:
    """A mean to two decimals: more would be noise in a spreadsheet."""
    return round(mean, 2) if mean is not None else None


INDICATORS = (
    Indicator(
        "members",
        _("Members at year end"),
        _(
            "Organisations with a confirmed membership period covering 31 December that was not "
            "cancelled by then; for the year in progress, the members of today. Also: new members "
            "(first membership period starts that year), leavers (members at the end of the "
            "previous year that are not any more) and the growth on the previous year."
        ),
        _("Membership periods: start, end, confirmation and cancellation dates."),
        lambda y: {
            "members_end": y.membership.members_end,
            "new": y.membership.new,
            "left": y.membership.left,
            "growth": y.membership.growth,
        },
        {
            "members_end": _("Members at year end"),
            "new": _("New members"),
            "left": _("Leavers"),
            "growth": _("Growth on the year before"),
        },
    ),
    Indicator(
        "co-members",
        _("Co-members through partner clusters"),
        _(
            "Members at year end whose membership period is a co-membership under a partner "
            "cluster's agreement, per partner cluster, and new members who joined that way."
        ),
        _("Membership periods and co-membership agreements."),
        lambda y: {
            "co_members_end": y.membership.co_members_end,
            "co_members_new": y.membership.co_members_new,
            **y.membership.by_partner,
        },
        {
            "co_members_end": _("Co-members through partner clusters"),
            "co_members_new": _("New members through partner clusters"),
        },
    ),
    Indicator(
        "members-by-region",
        _("Members by region"),
        _(
            "Members at year end by the region of the organisation: Wallonia, Brussels, "
            "Flanders, abroad."
        ),
        _(
            "Membership periods; the organisation's region on the day counted, from its "
            "recorded history."
        ),
        lambda y: dict(y.membership.by_region),
    ),
    Indicator(
        "members-by-kind",
        _("Members by kind"),
        _(
            "Members at year end by kind of organisation: large company, SME, start-up, "
            "university, hospital and others."
        ),
        _(
            "Membership periods; the organisation's kind on the day counted, from its "
            "recorded history."
        ),
        lambda y: dict(y.membership.by_kind),
    ),
    Indicator(
        "members-by-domain",
        _("Members by strategic domain"),
        _(
            "Members at year end active in each strategic domain; an organisation active in "
            "several domains counts in each."
        ),
        _(
            "Membership periods; the organisation's strategic domains on the day counted, from its "
            "recorded history."
        ),
        lambda y: dict(y.membership.by_domain),
    ),
    Indicator(
        "projects",
        _("R&D projects"),
        _(
            "Projects submitted during the year, projects the jury labelled during the year, and "
            "of those the ones co-labelled with a partner cluster; the labelled projects' total "
            "budget and the organisations and external partners in their consortia."
        ),
        _(
            "Projects (submission date, co-labelling partner), jury decisions, consortium "
            "partners and their budgets."
        ),
        lambda y: {
            "submitted": y.projects.submitted,
            "labelled": y.projects.labelled,
            "co_labelled": y.projects.co_labelled,
            "labelled_budget_euros": cents_to_euros(y.projects.labelled_budget_cents),
            "partner_organisations": y.projects.partner_organisations,
            "external_partners": y.projects.external_partners,
        },
        {
            "submitted": _("Projects submitted"),
            "labelled": _("Projects labelled"),
            "co_labelled": _("Co-labelled with a partner cluster"),
            "labelled_budget_euros": _("Budget of the labelled projects (euros)"),
            "partner_organisations": _("Organisations in their consortia"),
            "external_partners": _("External partners"),
        },
    ),
    Indicator(
        "events",
        _("Events and participants"),
        _(
            "Published events that started during the year, their participants (registrations "
            "not cancelled; the waiting list does not count) and the member organisations "
            "reached (credited with a participant while a member on the day of the event)."
        ),
        _("Events, registrations, membership periods."),
        lambda y: {
            "held": y.events.held,
            "participants": y.events.participants,
            "member_organisations_reached": y.events.member_organisations_reached,
        },
        {
            "held": _("Events held"),
            "participants": _("Participants"),
            "member_organisations_reached": _("Member organisations reached"),
        },
    ),
    Indicator(
        "b2b-meetings",
        _("B2B meetings"),
        _(
            "Meeting requests sent for the year's events, those accepted, and meetings held "
            "(placed in a published schedule and not cancelled), with the outcomes the "
            "participants recorded afterwards (one per participant who gave feedback)."
        ),
        _("Meeting requests, meetings, schedules and meeting feedback."),
        lambda y: {
            "requested": y.events.meetings_requested,
            "accepted": y.events.meetings_accepted,
            "held": y.events.meetings_held,
            **{f"outcome_{name}": count for name, count in y.events.outcomes.items()},
        },
        {
            "requested": _("B2B meetings requested"),
            "accepted": _("B2B meetings accepted"),
            "held": _("B2B meetings held"),
        },
    ),
    Indicator(
        "meeting-ratings",
        _("B2B meeting ratings"),
        _(
            "The ratings from 1 to 5 that participants gave the meetings held at the year's "
            "events (one per participant who gave feedback; a cancelled or unscheduled meeting "
            "does not count) and their average."
        ),
        _("Meetings, schedules and meeting feedback."),
        lambda y: {"ratings": y.events.ratings, "rating_mean": rounded(y.events.rating_mean)},
        {"ratings": _("Meeting ratings"), "rating_mean": _("Average meeting rating (out of 5)")},
    ),
    Indicator(
        "member-facts",
        _("Members' employees, turnover and investment"),
        _(
            "Totals of the yearly facts members' representatives entered: employees, turnover "
            "and investment raised, the number of organisations that entered them, and the "
            "growth of employees and turnover over the organisations that entered both years."
        ),
        _("Yearly facts entered by representatives in the member portal."),
        lambda y: {
            "reporting": y.facts.reporting,
            "employees": y.facts.employees,
            "turnover_euros": y.facts.turnover,
            "investment_raised_euros": y.facts.investment_raised,
            "employees_growth": y.facts.employees_growth,
            "turnover_growth": y.facts.turnover_growth,
        },
        {
            "reporting": _("Members that reported their figures"),
            "employees": _("Employees"),
            "turnover_euros": _("Turnover (euros)"),
            "investment_raised_euros": _("Investment raised (euros)"),
            "employees_growth": _("Employees, like for like"),
            "turnover_growth": _("Turnover, like for like"),
        },
    ),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


def table(
    indicator: Indicator, years: tuple[YearFigures, ...], code_labels: dict[str, str]
) -> tuple[list[str], list[list]]:
    """The indicator's values: a header (year, then every column seen) and one row a year.

    The header is in the active language: a fixed column's label, else the label of the
    breakdown's code (a region, a kind, a domain, an outcome), else the code (a partner cluster).
    """
    values = [(figures.year, indicator.columns(figures)) for figures in years]
    names: list[str] = []
    for _year, columns in values:
        names.extend(name for name in columns if name not in names)
    rows = [[year, *(columns.get(name, 0) for name in names)] for year, columns in values]
    headers = [str(indicator.labels.get(name) or code_labels.get(name, name)) for name in names]
    return [str(_("Year")), *headers], rows
