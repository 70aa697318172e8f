"""Public pages: published annual reports and their PDF, and what each indicator counts."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from agora.reports import selectors
from agora.reports.catalogue import INDICATORS
from agora.reports.rendering import report_context


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    """The published annual reports, newest first."""
    context = {"reports": selectors.list_published_reports()}
    return render(request, "reports/report_list.html", context)


@require_GET
def report_detail(request: HttpRequest, year: int) -> HttpResponse:
    """A published report with its frozen figures, in the visitor's language."""
    report = selectors.access_published_report(year)
    figures = selectors.get_report_figures(report)
    language = translation.get_language() or "en"
    context = report_context(report, figures, report.highlights_in(language))
    return render(request, "reports/report_detail.html", context)


@require_GET
def report_pdf(request: HttpRequest, year: int) -> FileResponse:
    """The PDF printed when the report was published, in the visitor's language."""
    report = selectors.access_published_report(year)
    pdf = report.pdf_in(translation.get_language() or "en")
    if not pdf:
        raise Http404
    language = "fr" if pdf == report.pdf_fr else "en"
    return FileResponse(
        pdf.open("rb"),
        as_attachment=True,
        filename=f"annual-report-{year}-{language}.pdf",
        content_type="application/pdf",
    )


@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    """Every indicator: what it counts and from which data."""
    return render(request, "reports/indicator_list.html", {"indicators": INDICATORS})


@require_GET
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One indicator's definition; staff also see its values and export links."""
    indicator = selectors.access_indicator(code)
    return render(request, "reports/indicator_detail.html", {"indicator": indicator})
