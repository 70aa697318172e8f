"""The annual report as a page and as a PDF, from its figures (frozen or live)."""

import base64
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from weasyprint import HTML

from agora.events.models import MeetingFeedback
from agora.members.models import Organisation, Region, StrategicDomain
from agora.reports import charts
from agora.reports.indicators.figures import ReportFigures
from agora.reports.models import AnnualReport

CHART_YEARS = 8  # the charts show the report's year and the seven before


@dataclass(frozen=True)
class Breakdown:
    title: str
    rows: list[tuple[str, int]]


def as_image(svg: str) -> str:
    """An SVG as an <img>: WeasyPrint draws it whole, without reading its styles as the page's."""
    data = base64.b64encode(svg.encode()).decode()
    return f'<img class="report-chart" alt="" src="data:image/svg+xml;base64,{data}">'


def draw_charts(figures: ReportFigures, *, for_pdf: bool = False) -> dict[str, SafeString]:
    """The report's charts as inline SVG (our own matplotlib output, safe to embed)."""
    shown = figures.years[-CHART_YEARS:]
    years = [each.year for each in shown]
    svgs = {
        "members": charts.bars_svg(
            years, [each.membership.members_end for each in shown], label=_("Members")
        ),
        "movements": charts.paired_bars_svg(
            years,
            [each.membership.new for each in shown],
            [each.membership.left for each in shown],
            labels=(_("New members"), _("Leavers")),
        ),
        "participants": charts.bars_svg(
            years, [each.events.participants for each in shown], label=_("Participants")
        ),
        "meetings": charts.bars_svg(
            years, [each.events.meetings_held for each in shown], label=_("B2B meetings")
        ),
        "projects": charts.paired_bars_svg(
            years,
            [each.projects.submitted for each in shown],
            [each.projects.labelled for each in shown],
            labels=(
                pgettext("projects of a year", "Submitted"),
                pgettext("projects of a year", "Labelled"),
            ),
        ),
    }
    if for_pdf:
        svgs = {name: as_image(svg) for name, svg in svgs.items()}
    return {name: mark_safe(svg) for name, svg in svgs.items()}


def ordered(counts: dict[str, int], labels: dict[str, Any]) -> list[tuple[str, int]]:
    """Counts in the order of their labels' list (regions, kinds, domains), unknown codes last."""
    rows = [(str(label), counts[code]) for code, label in labels.items() if code in counts]
    return rows + [(code, count) for code, count in counts.items() if code not in labels]


def breakdowns(figures: ReportFigures) -> list[Breakdown]:
    """The members at year end by region, kind and domain, with their labels."""
    membership = figures.current.membership
    domains = {domain.code: domain.label for domain in StrategicDomain.objects.all()}
    return [
        Breakdown(_("By region"), ordered(membership.by_region, dict(Region.choices))),
        Breakdown(_("By kind"), ordered(membership.by_kind, dict(Organisation.Kind.choices))),
        Breakdown(_("By strategic domain"), ordered(membership.by_domain, domains)),
    ]


def published_charts(report: AnnualReport, figures: ReportFigures) -> dict[str, SafeString]:
    """A published report's web charts, drawn once per language: its figures no longer change."""
    assert report.published_at is not None
    language = translation.get_language() or "en"
    key = f"reports:charts:{report.pk}:{report.published_at.timestamp()}:{language}"
    svgs = cache.get(key)
    if svgs is None:
        # matplotlib takes about a second for the five charts: not on every public view.
        svgs = {name: str(svg) for name, svg in draw_charts(figures).items()}
        cache.set(key, svgs, timeout=None)
    return {name: mark_safe(svg) for name, svg in svgs.items()}


def report_context(
    report: AnnualReport | None,
    figures: ReportFigures,
    highlights: list[str],
    *,
    for_pdf: bool = False,
) -> dict[str, Any]:
    """What the report's template needs, in the active language."""
    language = translation.get_language() or "en"
    return {
        "report": report,
        "year": figures.year,
        "figures": figures,
        "current": figures.current,
        "previous": figures.previous,
        "introduction": report.introduction_in(language) if report else "",
        "highlights": highlights,
        "charts": (
            published_charts(report, figures)
            if report is not None and report.published_at is not None and not for_pdf
            else draw_charts(figures, for_pdf=for_pdf)
        ),
        "breakdowns": breakdowns(figures),
        "recorded": recorded(figures),
        "chart_years": (figures.years[-CHART_YEARS:][0].year, figures.year),
        "outcome_labels": outcome_labels(),
        "cluster_name": settings.AGORA_CLUSTER_NAME,
    }


def recorded(figures: ReportFigures) -> dict[str, bool]:
    """Whether the years of the charts hold any project or event: a section with none says so
    in a sentence instead of a table of zeros and empty charts (a cluster that adopts Agora
    has no earlier events or projects in it)."""
    shown = figures.years[-CHART_YEARS:]
    return {
        "projects": any(_has_counts(each.projects) for each in shown),
        "events": any(_has_counts(each.events) for each in shown),
    }


def _has_counts(section: object) -> bool:
    """Whether any count of a section is not zero (its breakdowns and means follow them)."""
    return any(isinstance(value, int) and value for value in vars(section).values())


def outcome_labels() -> dict[str, str]:
    return {code: str(label) for code, label in MeetingFeedback.Outcome.choices}


def render_report_html(
    report: AnnualReport | None, figures: ReportFigures, highlights: list[str]
) -> str:
    """The report as a standalone HTML document, the one the PDF is printed from."""
    context = report_context(report, figures, highlights, for_pdf=True)
    return render_to_string("reports/report_document.html", context)


def render_report_pdf(
    report: AnnualReport | None, figures: ReportFigures, highlights: list[str]
) -> bytes:
    """The report as a PDF (WeasyPrint), in the active language."""
    html = render_report_html(report, figures, highlights)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
