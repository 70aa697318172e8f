"""The reports objects the URL permission matrix points at, and what denied writes must keep.

Two annual reports: the one of two years ago is published (its figures frozen, a stand-in PDF in
each language), last year's is a staff draft. Helix's representative enters helix's facts for
last year, a year the portal offers.
"""

from django.core.files.base import ContentFile
from django.utils import timezone

from agora.reports import services
from agora.reports.adapter import compute_figures
from agora.reports.models import AnnualReport, YearlyFacts


def make_reports_world(cast) -> dict:
    """A published report, a draft and the year whose facts the representative may enter."""
    last_year = timezone.localdate().year - 1
    published = AnnualReport(
        year=last_year - 1,
        highlights_en="Two members.",
        highlights_fr="Deux membres.",
        figures=compute_figures(year=last_year - 1).to_dict(),
        state=AnnualReport.State.PUBLISHED,
        published_at=timezone.now(),
    )
    published.pdf.save("en.pdf", ContentFile(b"%PDF-1.4 en"), save=False)
    published.pdf_fr.save("fr.pdf", ContentFile(b"%PDF-1.4 fr"), save=False)
    published.save()
    draft = services.save_report_draft(
        actor=cast.staff, year=last_year, texts={"introduction_en": "A good year."}
    )
    return {"published_report": published, "draft_report": draft, "facts_year": last_year}


def reports_snapshot() -> tuple:
    """The reports rows a denied write must leave as they were."""
    return (
        list(
            AnnualReport.objects.values_list(
                "pk", "state", "introduction_en", "highlights_en", "published_at"
            ).order_by("pk")
        ),
        list(YearlyFacts.objects.values_list("pk", "year", "employees").order_by("pk")),
    )
