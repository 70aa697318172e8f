"""Reads of the reports domain; `access_*` functions check permission and 404 otherwise."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from agora.accounts.models import AnyUser
from agora.events.models import MeetingFeedback
from agora.members.models import Organisation, Region, StrategicDomain
from agora.members.selectors import is_representative_of, list_represented_organisations
from agora.reports.adapter import compute_figures
from agora.reports.catalogue import BY_CODE, Indicator
from agora.reports.indicators import ReportFigures
from agora.reports.models import AnnualReport, YearlyFacts

FACTS_YEARS = 3  # representatives enter the facts of the last three complete years


def list_published_reports() -> QuerySet[AnnualReport]:
    """Published annual reports, newest first."""
    return AnnualReport.objects.filter(state=AnnualReport.State.PUBLISHED).order_by("-year")


def access_published_report(year: int) -> AnnualReport:
    """A published report, or 404."""
    report = list_published_reports().filter(year=year).first()
    if report is None:
        raise Http404
    return report


def get_report(year: int) -> AnnualReport | None:
    """The report of a year, draft or published, if staff started it."""
    return AnnualReport.objects.filter(year=year).first()


def list_reports() -> QuerySet[AnnualReport]:
    """Every annual report, newest first."""
    return AnnualReport.objects.order_by("-year")


def get_live_figures(year: int, known_on: date | None = None) -> ReportFigures:
    """A year's figures computed now from the data (not the frozen ones)."""
    return compute_figures(year=year, known_on=known_on)


def get_report_figures(report: AnnualReport) -> ReportFigures:
    """The figures a report shows: frozen once published, live while a draft."""
    if report.is_published and report.figures:
        return ReportFigures.from_dict(report.figures)
    return get_live_figures(report.year)


def access_indicator(code: str) -> Indicator:
    """An indicator of the catalogue, or 404."""
    if code not in BY_CODE:
        raise Http404
    return BY_CODE[code]


def list_code_labels() -> dict[str, str]:
    """Labels of the codes breakdowns are keyed by, in the active language (export headers)."""
    return {
        **{code: str(label) for code, label in Region.choices},
        **{code: str(label) for code, label in Organisation.Kind.choices},
        **{domain.code: domain.label for domain in StrategicDomain.objects.all()},
        **{f"outcome_{code}": str(label) for code, label in MeetingFeedback.Outcome.choices},
    }


def list_facts_years(today: date | None = None) -> list[int]:
    """The years representatives may enter facts for, newest first."""
    year = (today or timezone.localdate()).year
    return list(range(year - 1, year - 1 - FACTS_YEARS, -1))


@dataclass(frozen=True)
class FactsRow:
    """An organisation and its facts of the years that can be entered."""

    organisation: Organisation
    years: list[tuple[int, YearlyFacts | None]]


def list_facts_rows(organisations: QuerySet[Organisation]) -> list[FactsRow]:
    """The facts of the given organisations for the years that can be entered."""
    years = list_facts_years()
    organisations = organisations.order_by("legal_name")
    facts = {
        (f.organisation_id, f.year): f
        for f in YearlyFacts.objects.filter(organisation__in=organisations, year__in=years)
    }
    return [
        FactsRow(organisation, [(year, facts.get((organisation.pk, year))) for year in years])
        for organisation in organisations
    ]


def list_facts_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations whose facts the user enters: all for staff, those they represent."""
    if user.is_staff:
        return Organisation.objects.filter(memberships__confirmed_on__isnull=False).distinct()
    return list_represented_organisations(user)


def access_organisation_for_facts(user: AnyUser, slug: str) -> Organisation:
    """An organisation the user may enter facts for (its representatives, staff), or 404."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not (user.is_staff or is_representative_of(user, organisation)):
        raise Http404
    return organisation


def get_yearly_facts(organisation: Organisation, year: int) -> YearlyFacts | None:
    """An organisation's facts of one year, if entered."""
    return YearlyFacts.objects.filter(organisation=organisation, year=year).first()
