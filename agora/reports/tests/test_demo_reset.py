"""Resetting the reports' demo deletes the published reports' PDFs with their rows."""

from django.core.files.base import ContentFile

from agora.members.demo import DemoContext
from agora.reports import demo
from agora.reports.models import AnnualReport


def test_reset_deletes_the_pdfs_of_published_reports(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = AnnualReport.objects.create(year=2017, state=AnnualReport.State.PUBLISHED)
    report.pdf.save("annual-report-2017-en.pdf", ContentFile(b"%PDF-1.7"), save=False)
    report.pdf_fr.save("annual-report-2017-fr.pdf", ContentFile(b"%PDF-1.7"), save=True)
    AnnualReport.objects.create(year=2018)
    assert sorted(path.name for path in tmp_path.rglob("*.pdf")) == [
        "annual-report-2017-en.pdf",
        "annual-report-2017-fr.pdf",
    ]

    demo.reset(DemoContext(today=None, write=lambda text: None))

    assert not AnnualReport.objects.exists()
    assert list(tmp_path.rglob("*.pdf")) == []
