"""The annual_report command writes the report as HTML and PDF and prints its key figures."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from agora.members.models import Organisation
from agora.reports.bench import run


def test_annual_report_writes_html_and_pdf(cast, tmp_path):
    year = timezone.localdate().year - 1
    out = StringIO()
    call_command(
        "annual_report", str(year), html=tmp_path / "r.html", pdf=tmp_path / "r.pdf", stdout=out
    )

    assert out.getvalue().startswith(f"{year}: 2 members at year end, 0 new, 0 left")
    assert f"Annual report {year}" in (tmp_path / "r.html").read_text()
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_bench_builds_times_and_rolls_back(db):
    timings = run(organisations=30, years=3)

    assert timings.organisations == 30
    assert timings.periods > 0
    assert timings.states >= 30  # a creation each, a move for some
    assert not Organisation.objects.exists()
    assert not Organisation.history.exists()
