"""Every write of the reports domain: report drafts, publishing, members' yearly facts."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agora.accounts.models import User
from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.members.models import Organisation
from agora.reports.adapter import compute_figures
from agora.reports.models import AnnualReport, YearlyFacts
from agora.reports.rendering import render_report_pdf
from agora.reports.selectors import list_facts_years

REPORT_TEXTS = ("introduction_en", "introduction_fr", "highlights_en", "highlights_fr")
PUBLISHED_FIELDS = [
    "figures",
    "state",
    "published_at",
    "published_by",
    "pdf",
    "pdf_fr",
    "updated_at",
]


def check_report_year(year: int) -> None:
    """Refuse a report of a year that is not over yet."""
    if year >= timezone.localdate().year:
        raise DomainError(_("A year's report can be written once the year is over."))


@transaction.atomic
def save_report_draft(*, actor: User, year: int, texts: dict[str, str]) -> AnnualReport:
    """Create or update the draft report of a year with the staff's texts."""
    check_report_year(year)
    report, created = AnnualReport.objects.select_for_update().get_or_create(year=year)
    if report.is_published:
        raise ConflictError(_("The report of %(year)s is published.") % {"year": year})
    for name in REPORT_TEXTS:
        setattr(report, name, texts.get(name, "").strip())
    report.updated_at = timezone.now()
    report.save(update_fields=[*REPORT_TEXTS, "updated_at"])
    verb = "created" if created else "updated"
    log_action(f"reports.annual_report.{verb}", target=report, actor=actor)
    return report


@transaction.atomic
def publish_report(*, actor: User, year: int) -> AnnualReport:
    """Freeze a draft's figures, print its PDF in English and French and make it public."""
    report = AnnualReport.objects.select_for_update().filter(year=year).first()
    if report is None:
        raise DomainError(_("Save the draft before publishing it."))
    if report.is_published:
        raise ConflictError(_("The report of %(year)s is already published.") % {"year": year})
    check_report_year(year)
    figures = compute_figures(year=year)
    for language, field in (("en", report.pdf), ("fr", report.pdf_fr)):
        with translation.override(language):
            content = render_report_pdf(report, figures, report.highlights_in(language))
        field.save(f"annual-report-{year}-{language}.pdf", ContentFile(content), save=False)
    report.figures = figures.to_dict()
    report.state = AnnualReport.State.PUBLISHED
    report.published_at = report.updated_at = timezone.now()
    report.published_by = actor
    report.save(update_fields=PUBLISHED_FIELDS)
    log_action(
        "reports.annual_report.published",
        target=report,
        actor=actor,
        data={"members_end": figures.current.membership.members_end},
    )
    return report


def check_facts_year(*, actor: User, year: int) -> None:
    """Representatives enter the last complete years; staff may correct any past year."""
    allowed = list_facts_years()
    if year in allowed or (actor.is_staff and year <= allowed[0]):
        return
    raise DomainError(
        _("Facts can be entered for %(years)s.") % {"years": ", ".join(map(str, allowed))},
        field="year",
    )


@transaction.atomic
def save_yearly_facts(
    *,
    actor: User,
    organisation: Organisation,
    year: int,
    employees: int | None,
    turnover: int | None,
    investment_raised: int | None,
) -> YearlyFacts:
    """Record an organisation's employees, turnover and investment raised of one year."""
    check_facts_year(actor=actor, year=year)
    facts, _created = YearlyFacts.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    facts.employees = employees
    facts.turnover = turnover
    facts.investment_raised = investment_raised
    facts.entered_by = actor
    facts.entered_at = timezone.now()
    facts.save(
        update_fields=["employees", "turnover", "investment_raised", "entered_by", "entered_at"]
    )
    log_action(
        "reports.yearly_facts.saved",
        target=facts,
        actor=actor,
        data={"year": year, "employees": employees},
    )
    return facts
