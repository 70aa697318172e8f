"""`manage.py annual_report YEAR [--pdf PATH] [--html PATH] [--language fr]`: the report, scripted.

It prints the year's key figures; a published report's frozen figures and texts are used,
otherwise today's figures with the draft's texts (or highlights written from the figures).
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation

from agora.reports import selectors
from agora.reports.highlights import write_highlights
from agora.reports.rendering import render_report_html, render_report_pdf


class Command(BaseCommand):
    help = "Compute a year's annual report; optionally write it as PDF and HTML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", type=int)
        parser.add_argument("--pdf", type=Path, help="Write the report as PDF to this path.")
        parser.add_argument("--html", type=Path, help="Write the report as HTML to this path.")
        parser.add_argument("--language", choices=["en", "fr"], default="en")

    def handle(
        self, *args: Any, year: int, pdf: Path | None, html: Path | None, **options: Any
    ) -> None:
        language = options["language"]
        report = selectors.get_report(year)
        figures = (
            selectors.get_report_figures(report) if report else selectors.get_live_figures(year)
        )
        with translation.override(language):
            highlights = (
                report.highlights_in(language) if report else write_highlights(figures, language)
            )
            if html:
                html.write_text(render_report_html(report, figures, highlights), encoding="utf-8")
            if pdf:
                pdf.write_bytes(render_report_pdf(report, figures, highlights))
        membership = figures.current.membership
        self.stdout.write(
            f"{year}: {membership.members_end} members at year end, {membership.new} new, "
            f"{membership.left} left; compound growth since {figures.cagr_start}: "
            f"{(figures.cagr or 0) * 100:.1f} % a year."
        )
        for line in highlights:
            self.stdout.write(f"- {line}")
