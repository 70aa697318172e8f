"""The 2018 report on the demo cluster: the published figures, the highlights, the PDF."""

import io
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from pypdf import PdfReader

from agora.members.demo import DemoContext, reset_all
from agora.members.demo.plan import members_at_year_end
from agora.projects.models import Decision, Project
from agora.reports import services
from agora.reports.adapter import compute_figures, fetch_records
from agora.reports.highlights import write_highlights
from agora.reports.models import AnnualReport, YearlyFacts
from agora.reports.rendering import render_report_pdf
from agora.reports.selectors import list_published_reports

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, deleted afterwards so other modules start empty."""
    with django_db_blocker.unblock():
        call_command("load_demo", today=TODAY.isoformat(), stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        reset_all(DemoContext(today=None, write=lambda text: None))


@pytest.fixture
def figures_2018(demo, db):
    return compute_figures(year=2018, known_on=TODAY)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_2018_has_the_clusters_published_membership_figures(figures_2018):
    membership = figures_2018.current.membership

    assert (membership.members_end, membership.new, membership.left) == (154, 29, 2)
    assert figures_2018.previous.membership.members_end == 127
    assert figures_2018.previous.membership.new == 27
    assert (figures_2018.cagr_start, round(figures_2018.cagr, 3)) == (2015, 0.219)


def test_every_year_ends_with_the_plans_members(demo, db):
    figures = compute_figures(year=2026, known_on=TODAY)

    counts = {each.year: each.membership.members_end for each in figures.years}
    assert counts == members_at_year_end(2026)
    for each in figures.years:
        assert each.membership.new == each.membership.arrived


def test_the_same_figures_as_of_31_december_2018(demo, db):
    as_of = compute_figures(year=2018, known_on=date(2018, 12, 31)).current.membership

    assert (as_of.members_end, as_of.new, as_of.left) == (154, 29, 2)


def test_2018_events_are_the_cluster_day(figures_2018):
    events = figures_2018.current.events

    assert (events.held, events.participants, events.meetings_held) == (1, 500, 299)
    assert events.largest.title == "Cluster Day 2018"
    assert events.meetings_accepted == 300


def test_2018_projects_are_those_the_jury_labelled_that_year(figures_2018):
    labelled = Decision.objects.filter(outcome="labelled", decided_at__year=2018)
    submitted = Project.objects.filter(submitted_at__year=2018)

    projects = figures_2018.current.projects
    assert (projects.submitted, projects.labelled, projects.co_labelled) == (20, 5, 1)
    assert projects.labelled == labelled.count()
    assert projects.co_labelled == labelled.exclude(project__co_labelling_partner=None).count()
    assert projects.submitted == submitted.count()


def test_members_entered_their_facts(figures_2018):
    facts = figures_2018.current.facts

    assert facts.reporting == YearlyFacts.objects.filter(year=2018).count() > 50
    assert facts.employees > 0


def test_highlights_in_english_and_french(figures_2018):
    english = write_highlights(figures_2018, "en")
    french = write_highlights(figures_2018, "fr")

    assert english[0] == "29 new members joined in 2018, 7.4 % more than the year before."
    assert "a growth of 21.9 % a year since 2015" in english[1]
    assert "5 R&D projects labelled, one jointly with a partner cluster." in english
    assert "500 participants and 299 B2B meetings at Cluster Day 2018." in english
    assert french[0].startswith("29 nouveaux membres ont adhéré en 2018")
    assert "5 projets de R&D labellisés, dont un conjointement avec un pôle partenaire." in french
    assert "21,9\u00a0%" in french[1]  # a no-break space: the sign never starts a line


def test_the_adapter_reads_in_a_fixed_number_of_queries(demo, db, django_assert_num_queries):
    with django_assert_num_queries(14):
        records = fetch_records()

    assert len(records.organisations) == 378


# English labels of the report (section titles, table headers, chart titles, axes and legends,
# breakdown labels, highlights) that the French PDF must show in French.
ENGLISH_LABELS = (
    "Annual report",
    "draft with today's figures",
    "Introduction by the chair",
    "Highlights",
    "Membership",
    "Members at year end",
    "New members",
    "Leavers",
    "Growth on the year before",
    "Co-members",
    "Compound annual growth",
    "By region",
    "By kind",
    "By strategic domain",
    "Wallonia",
    "Abroad",
    "Large company",
    "Hospital",
    "Biopharmacy",
    "Cell therapy",
    "R&D projects",
    "Projects submitted",
    "Submitted",
    "Labelled",
    "Budget of the labelled projects",
    "External partners",
    "Events and B2B meetings",
    "Events held",
    "Member organisations reached",
    "B2B meetings",
    "Outcomes recorded",
    "Answers",
    "Members' growth",
    "Employees",
    "Turnover",
    "Investment raised",
    "like for like",
    "new members joined",
    "member organisations at the end",
    "jointly with",
    "participants and",
)
FRENCH_LABELS = (
    "Rapport annuel 2018",
    "Faits marquants 2018",
    "Membres en fin d'année",
    "Nouveaux membres et départs",
    "Par domaine stratégique",
    "Wallonie",
    "Étranger",
    "Thérapie cellulaire",
    "Projets soumis et labellisés",
    "Soumis",
    "Labellisés",
    "Rendez-vous B2B tenus",
    "Croissance des organisations membres",
    "Chiffre d'affaires, à périmètre constant",
)


@pytest.fixture
def french_pdf(figures_2018) -> bytes:
    report = AnnualReport.objects.get(year=2018)
    with translation.override("fr"):
        return render_report_pdf(report, figures_2018, report.highlights_in("fr"))


@pytest.fixture
def french_pdf_text(french_pdf) -> str:
    return pdf_text(french_pdf)


def fonts(resources) -> set[str]:
    """The fonts of a page's resources and of the drawings (charts) in it, untagged."""
    found = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for font in resources.get("/Font", {}).values()
    }
    for drawing in resources.get("/XObject", {}).values():
        inner = drawing.get_object().get("/Resources")
        if inner is not None:
            found |= fonts(inner.get_object())
    return found


def test_the_french_pdf_uses_only_the_page_font(french_pdf):
    reader = PdfReader(io.BytesIO(french_pdf))
    used = set().union(*(fonts(page["/Resources"]) for page in reader.pages))

    # DejaVu Sans has every French glyph; a fallback font would mean a glyph was missing.
    assert used == {"DejaVu-Sans", "DejaVu-Sans-Bold"}


def test_the_french_pdf_has_the_figures_and_its_accents(french_pdf_text):
    assert "29 nouveaux membres ont adhéré en 2018" in french_pdf_text
    assert "154" in french_pdf_text
    assert "pôles partenaires" in french_pdf_text
    assert "Cluster Day 2018" in french_pdf_text


def test_the_french_pdf_has_no_english_label(french_pdf_text):
    assert [label for label in ENGLISH_LABELS if label in french_pdf_text] == []
    assert [label for label in FRENCH_LABELS if label not in french_pdf_text] == []
    assert "Soumise" not in french_pdf_text  # the chart's legend counts projects (masculine)


def test_publishing_freezes_the_figures(demo, db, settings, tmp_path, cast):
    settings.MEDIA_ROOT = tmp_path
    report = services.publish_report(actor=cast.staff, year=2018)
    YearlyFacts.objects.filter(year=2018).delete()

    report.refresh_from_db()
    assert report.figures["years"][-1]["membership"]["members_end"] == 154
    assert report.figures["years"][-1]["facts"]["reporting"] > 0
    with report.pdf.open("rb") as pdf:
        assert "29 new members joined in 2018" in pdf_text(pdf.read())


def test_members_have_2017_published_and_staff_2018_to_publish(demo, db):
    assert [(report.year, report.state) for report in AnnualReport.objects.order_by("year")] == [
        (2017, AnnualReport.State.PUBLISHED),
        (2018, AnnualReport.State.DRAFT),
    ]
    assert [report.year for report in list_published_reports()] == [2017]
    report = AnnualReport.objects.get(year=2017)
    assert report.figures["years"][-1]["membership"]["members_end"] == 127
    with report.pdf.open("rb") as pdf:
        assert "27 new members joined in 2017" in pdf_text(pdf.read())
