"""Staff pages: the live dashboard, drafting and publishing reports, indicator exports."""

import csv

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from openpyxl import Workbook

from agora.accounts.requests import SignedInHttpRequest
from agora.core.audit import list_audit_entries
from agora.core.errors import DomainError
from agora.core.forms import form_status, submit_form
from agora.core.permissions import staff_required
from agora.reports import selectors, services
from agora.reports.catalogue import table
from agora.reports.forms import ReportForm, YearForm
from agora.reports.highlights import write_all_highlights
from agora.reports.indicators import ReportFigures, compound_growth_since
from agora.reports.models import AnnualReport, split_lines
from agora.reports.rendering import render_report_pdf, report_context

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """Live indicators of a year against the year before, with year-over-year charts."""
    today = timezone.localdate()
    years = list(range(today.year, today.year - 16, -1))
    form = YearForm(data=request.GET or {"year": today.year}, years=years)
    valid = form.is_valid()
    year = form.cleaned_data["year"] if valid else today.year
    since = form.cleaned_data["since"] if valid else None
    figures = selectors.get_live_figures(year)
    context = {
        **report_context(None, figures, []),
        "form": form,
        "since": since,
        "growth_since": compound_growth_since(figures, since) if since else None,
        "reports": {report.year: report for report in selectors.list_reports()},
        "report_years": [each.year for each in reversed(figures.years) if each.year < today.year],
    }
    return render(request, "reports/dashboard.html", context, status=form_status(form))


def editor_page(
    request: HttpRequest, year: int, report: AnnualReport | None, form: ReportForm
) -> HttpResponse:
    """The draft's form next to its preview with live figures (frozen once published)."""
    figures = selectors.get_report_figures(report) if report else selectors.get_live_figures(year)
    language = translation.get_language() or "en"
    field = form["highlights_fr" if language == "fr" else "highlights_en"]
    highlights = split_lines(field.value() or "")
    context = {
        **report_context(report, figures, highlights),
        "form": form,
        "audit_entries": list_audit_entries(report) if report else [],
    }
    return render(request, "reports/report_edit.html", context, status=form_status(form))


def initial_texts(figures: ReportFigures) -> dict[str, str]:
    """A new draft starts with the highlights written from the figures."""
    highlights = write_all_highlights(figures)
    return {"highlights_en": highlights["en"], "highlights_fr": highlights["fr"]}


@staff_required
@require_http_methods(["GET", "POST"])
def report_edit(request: SignedInHttpRequest, year: int) -> HttpResponse:
    """Write the draft of a year's report (POST saves it); a published one is shown read-only."""
    report = selectors.get_report(year)
    if request.method == "GET":
        initial = None if report else initial_texts(selectors.get_live_figures(year))
        return editor_page(request, year, report, ReportForm(instance=report, initial=initial))
    form = ReportForm(data=request.POST, instance=report)
    saved = submit_form(
        form,
        lambda: services.save_report_draft(actor=request.user, year=year, texts=form.cleaned_data),
    )
    if saved is None:
        return editor_page(request, year, selectors.get_report(year), form)
    messages.success(request, _("The draft is saved."))
    return redirect("reports:report-edit", year=year)


@staff_required
@require_POST
def report_regenerate(request: HttpRequest, year: int) -> HttpResponse:
    """Show the form again with highlights written afresh from today's figures (not saved)."""
    report = selectors.get_report(year)
    data = {**(request.POST.dict()), **initial_texts(selectors.get_live_figures(year))}
    form = ReportForm(data=data, instance=report)
    form.is_valid()
    return editor_page(request, year, report, form)


@staff_required
@require_POST
def report_publish(request: SignedInHttpRequest, year: int) -> HttpResponse:
    """Publish a draft: its figures are frozen and it appears on the public site."""
    try:
        services.publish_report(actor=request.user, year=year)
    except DomainError as error:
        messages.error(request, error.message)
        report = selectors.get_report(year)
        response = editor_page(request, year, report, ReportForm(instance=report))
        response.status_code = error.status_code
        return response
    messages.success(request, _("The report of %(year)s is published.") % {"year": year})
    return redirect("reports:report-detail", year=year)


@staff_required
@require_GET
def report_preview_pdf(request: HttpRequest, year: int) -> HttpResponse:
    """The draft as a PDF with today's figures, in the staff member's language."""
    report = selectors.get_report(year)
    figures = selectors.get_report_figures(report) if report else selectors.get_live_figures(year)
    language = translation.get_language() or "en"
    highlights = report.highlights_in(language) if report else []
    response = HttpResponse(
        render_report_pdf(report, figures, highlights), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="annual-report-{year}-draft.pdf"'
    return response


@staff_required
@require_GET
def indicator_export(request: HttpRequest, code: str, extension: str) -> HttpResponse:
    """An indicator's values for every year, as CSV or XLSX."""
    indicator = selectors.access_indicator(code)
    figures = selectors.get_live_figures(timezone.localdate().year)
    header, rows = table(indicator, figures.years, selectors.list_code_labels())
    filename = f"indicator-{code}.{extension}"
    if extension == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(header)
        writer.writerows(rows)
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = code[:31]
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        response = HttpResponse(content_type=XLSX)
        workbook.save(response)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
