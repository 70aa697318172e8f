"""The reports part of `manage.py load_demo`: members' yearly facts, the report of 2017 as
published and the one of 2018 as a draft.

It runs after the members and events parts (see agora/members/demo). Facts are written in bulk,
like fixtures; the reports' highlights are written from the figures, as staff would get them,
and 2017's is published through the service (figures frozen, PDFs printed), so that members
have a report to read and staff one to publish.
"""

from datetime import date, datetime, time

from django.utils import timezone

from agora.members.demo import DemoContext, empty_tables
from agora.reports.adapter import compute_figures, fetch_periods
from agora.reports.highlights import write_all_highlights
from agora.reports.indicators.membership import build_histories
from agora.reports.models import AnnualReport, YearlyFacts
from agora.reports.services import publish_report

FIRST_FACTS_YEAR = 2016
REPORTING_TENTHS = 7  # seven members in ten enter their figures
DRAFT_YEARS = (2018,)
PUBLISHED_YEARS = (2017,)

# 2017, before the cluster ran its events and calls in Agora: its report speaks of members.
INTRODUCTIONS_2017 = {
    "en": (
        "2017 was the year our membership passed 125 organisations, from start-ups to hospitals. "
        "I thank every member, our partner clusters and the region for their trust.\n\nThe "
        "figures below are computed by Agora from the data the cluster holds."
    ),
    "fr": (
        "En 2017, notre pôle a dépassé les 125 organisations membres, des start-up aux hôpitaux. "
        "Je remercie chaque membre, nos pôles partenaires et la Région pour leur confiance.\n\n"
        "Les chiffres ci-dessous sont calculés par Agora à partir des données du pôle."
    ),
}
INTRODUCTION_EN = (
    "{year} was a year of growth for our cluster: more members, more meetings between them, and "
    "more projects carried together. I thank every member, our partner clusters and the region "
    "for their trust.\n\nThe figures below are computed by Agora from the data the cluster holds."
)
INTRODUCTION_FR = (
    "{year} a été une année de croissance pour notre pôle : davantage de membres, davantage de "
    "rencontres entre eux et davantage de projets menés ensemble. Je remercie chaque membre, nos "
    "pôles partenaires et la Région pour leur confiance.\n\nLes chiffres ci-dessous sont "
    "calculés par Agora à partir des données du pôle."
)


def facts_rows(context: DemoContext) -> list[YearlyFacts]:
    """Facts of most members for each complete year they ended as members, growing gently.

    An organisation either reports every year or never, so that the totals move with the
    members, not with who happened to answer.
    """
    rng = context.random("reports-facts")
    histories = build_histories(fetch_periods(), context.today)
    employees = {org.pk: org.employees or 5 for org in context.organisations.values()}
    rows = []
    for year in range(FIRST_FACTS_YEAR, context.today.year):
        entered_at = timezone.make_aware(datetime.combine(date(year + 1, 3, 15), time(10)))
        for pk in sorted(histories):
            if year not in histories[pk].year_ends or pk not in employees:
                continue
            employees[pk] = max(1, round(employees[pk] * rng.uniform(0.95, 1.12)))
            if pk % 10 >= REPORTING_TENTHS:
                continue
            rows.append(
                YearlyFacts(
                    organisation_id=pk,
                    year=year,
                    employees=employees[pk],
                    turnover=employees[pk] * rng.randrange(80_000, 160_000, 1_000),
                    investment_raised=rng.choice([0, 0, 0, 250_000, 1_000_000, 4_000_000]),
                    entered_at=entered_at,
                )
            )
    return rows


def load(context: DemoContext) -> None:
    """Members' yearly facts, a published report and the draft staff start from."""
    facts = YearlyFacts.objects.bulk_create(facts_rows(context))
    for year in PUBLISHED_YEARS + DRAFT_YEARS:
        highlights = write_all_highlights(compute_figures(year=year, known_on=context.today))
        AnnualReport.objects.create(
            year=year,
            introduction_en=introduction(year, "en"),
            introduction_fr=introduction(year, "fr"),
            highlights_en=highlights["en"],
            highlights_fr=highlights["fr"],
        )
    for year in PUBLISHED_YEARS:
        publish_report(actor=context.users["staff"], year=year)
    context.write(
        f"Reports: {len(facts)} yearly facts, the report of {_years(PUBLISHED_YEARS)} "
        f"published, of {_years(DRAFT_YEARS)} in draft."
    )


def introduction(year: int, language: str) -> str:
    """The chair's introduction: growth in general, or 2017's own."""
    if year == 2017:
        return INTRODUCTIONS_2017[language]
    return (INTRODUCTION_FR if language == "fr" else INTRODUCTION_EN).format(year=year)


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(map(str, years))


def reset(context: DemoContext) -> None:
    """Empty the reports tables (yearly facts point at organisations) and delete the published
    reports' PDFs, which a reload prints again."""
    for report in AnnualReport.objects.exclude(pdf="").only("pdf", "pdf_fr"):
        report.pdf.delete(save=False)
        report.pdf_fr.delete(save=False)
    empty_tables((YearlyFacts, AnnualReport))
    context.write("Reports: demo data deleted.")
