"""Report pages: who may open each one, drafting, publishing and freezing, exports, facts."""

import csv
import io
import re
from datetime import date, datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from agora.core.models import AuditEntry
from agora.events.models import Event
from agora.events.tests.factories import EventFactory, SlotFactory
from agora.members.tests.factories import MembershipFactory
from agora.reports import services
from agora.reports.adapter import compute_figures
from agora.reports.indicators.membership import compound_growth
from agora.reports.models import AnnualReport
from agora.reports.tests.factories import rated_meeting

ROLES = ["representative", "member", "outsider", "expert"]


def last_year() -> int:
    return timezone.localdate().year - 1


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def staff_client(client, staff_with_totp):
    client.force_login(staff_with_totp)
    return client


@pytest.fixture
def draft(cast) -> AnnualReport:
    return services.save_report_draft(
        actor=cast.staff,
        year=last_year(),
        texts={"introduction_en": "A good year.", "introduction_fr": "Une année réussie."},
    )


@pytest.fixture
def published(cast, media) -> AnnualReport:
    """A published report with a stand-in PDF (printing real ones is tested below, once)."""
    year = last_year() - 1
    report = AnnualReport(
        year=year,
        highlights_en="Two members.",
        highlights_fr="Deux membres, déjà.",
        figures=compute_figures(year=year).to_dict(),
        state=AnnualReport.State.PUBLISHED,
        published_at=timezone.now(),
    )
    report.pdf.save("en.pdf", ContentFile(b"%PDF-1.4 en"), save=False)
    report.pdf_fr.save("fr.pdf", ContentFile(b"%PDF-1.4 fr"), save=False)
    report.save()
    return report


def url(name: str, published: AnnualReport, draft: AnnualReport) -> str:
    kwargs = {
        "reports:report-detail": {"year": published.year},
        "reports:report-pdf": {"year": published.year},
        "reports:indicator-detail": {"code": "members"},
        "reports:report-edit": {"year": draft.year},
        "reports:report-preview-pdf": {"year": draft.year},
        "reports:indicator-export": {"code": "members", "extension": "csv"},
    }
    return reverse(name, kwargs=kwargs.get(name, {}))


PUBLIC = [
    "reports:report-list",
    "reports:report-detail",
    "reports:report-pdf",
    "reports:indicator-list",
    "reports:indicator-detail",
]
STAFF_ONLY = [
    "reports:dashboard",
    "reports:report-edit",
    "reports:report-preview-pdf",
    "reports:indicator-export",
]


@pytest.mark.parametrize("name", PUBLIC)
@pytest.mark.parametrize("role", [None, *ROLES])
def test_published_reports_and_definitions_are_public(client, cast, published, draft, role, name):
    if role:
        client.force_login(getattr(cast, role))
    response = client.get(url(name, published, draft))

    assert response.status_code == 200
    response.close()


@pytest.mark.parametrize("name", STAFF_ONLY)
def test_anonymous_visitors_are_sent_to_log_in(client, published, draft, name):
    response = client.get(url(name, published, draft))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", STAFF_ONLY)
@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_are_hidden_from_other_users(client, cast, published, draft, role, name):
    client.force_login(getattr(cast, role))

    assert client.get(url(name, published, draft)).status_code == 404


@pytest.mark.parametrize("name", STAFF_ONLY)
def test_staff_open_the_staff_pages(staff_client, published, draft, name):
    assert staff_client.get(url(name, published, draft)).status_code == 200


@pytest.mark.parametrize("role", [None, *ROLES, "staff"])
def test_a_draft_is_not_public(client, cast, staff_with_totp, draft, role):
    if role:
        client.force_login(getattr(cast, role))

    assert client.get(reverse("reports:report-detail", args=[draft.year])).status_code == 404
    assert client.get(reverse("reports:report-pdf", args=[draft.year])).status_code == 404


@pytest.mark.parametrize("action", ["report-edit", "report-regenerate", "report-publish"])
@pytest.mark.parametrize("role", [None, *ROLES])
def test_others_cannot_change_a_report(client, cast, draft, role, action):
    if role:
        client.force_login(getattr(cast, role))
    response = client.post(
        reverse(f"reports:{action}", args=[draft.year]), {"introduction_en": "Hacked"}
    )

    assert response.status_code == (302 if role is None else 404)
    draft.refresh_from_db()
    assert (draft.introduction_en, draft.state) == ("A good year.", "draft")


def test_a_new_draft_starts_with_highlights_from_the_figures(staff_client, cast):
    response = staff_client.get(reverse("reports:report-edit", args=[last_year()]))

    assert response.status_code == 200
    highlights = response.context["form"]["highlights_en"].value()
    assert "2 member organisations at the end of" in highlights
    assert not AnnualReport.objects.exists()


def test_staff_save_a_draft(staff_client):
    data = {"introduction_en": "Dear members", "highlights_en": "One\nTwo", "highlights_fr": "Un"}
    response = staff_client.post(reverse("reports:report-edit", args=[last_year()]), data)

    assert response.status_code == 302
    report = AnnualReport.objects.get(year=last_year())
    assert report.highlights_in("en") == ["One", "Two"]
    assert AuditEntry.objects.filter(action="reports.annual_report.created").count() == 1
    page = staff_client.get(response["Location"]).text
    history = page.split("History</h2>", 1)[1].split("</ul>", 1)[0]
    assert 'title="reports.annual_report.created">Draft created' in history


def test_a_too_long_text_is_refused_and_nothing_saved(staff_client, draft):
    data = {"introduction_en": "x" * 20_001}
    response = staff_client.post(reverse("reports:report-edit", args=[draft.year]), data)

    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.introduction_en == "A good year."


def test_the_report_of_the_year_in_progress_is_refused(staff_client):
    year = timezone.localdate().year
    response = staff_client.post(reverse("reports:report-edit", args=[year]), {})

    assert response.status_code == 400
    assert "once the year is over" in response.content.decode()
    assert not AnnualReport.objects.exists()


def public_page(year: int) -> str:
    """The published report as a visitor sees it, without the page's one-time CSRF tokens."""
    content = Client().get(reverse("reports:report-detail", args=[year])).content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", content)


def test_publishing_freezes_the_figures_and_the_page(staff_client, draft, media):
    response = staff_client.post(reverse("reports:report-publish", args=[draft.year]))
    assert response.status_code == 302
    before = public_page(draft.year)
    for _ in range(3):
        MembershipFactory(start_date=date(draft.year, 1, 1), confirmed_on=date(draft.year, 1, 1))

    after = public_page(draft.year)
    draft.refresh_from_db()
    assert draft.state == "published"
    assert draft.figures["years"][-1]["membership"]["members_end"] == 2
    assert compute_figures(year=draft.year).current.membership.members_end == 5
    assert after == before
    entry = AuditEntry.objects.get(action="reports.annual_report.published")
    assert entry.data == {"members_end": 2}
    with draft.pdf_fr.open("rb") as pdf:
        text = PdfReader(pdf).pages[0].extract_text()
    assert "Une année réussie." in text


def test_publishing_twice_is_refused(staff_client, published):
    response = staff_client.post(reverse("reports:report-publish", args=[published.year]))

    assert response.status_code == 409
    assert not AuditEntry.objects.filter(action="reports.annual_report.published").exists()


def test_publishing_needs_a_saved_draft(staff_client):
    response = staff_client.post(reverse("reports:report-publish", args=[last_year()]))

    assert response.status_code == 400
    assert not AnnualReport.objects.exists()


def test_a_published_report_cannot_be_edited(staff_client, published):
    response = staff_client.post(
        reverse("reports:report-edit", args=[published.year]), {"introduction_en": "Changed"}
    )

    assert response.status_code == 409
    published.refresh_from_db()
    assert published.introduction_en == ""


def test_the_pdf_download_follows_the_language(client, published):
    client.cookies["django_language"] = "fr"
    response = client.get(reverse("reports:report-pdf", args=[published.year]))

    assert response["Content-Type"] == "application/pdf"
    assert f"annual-report-{published.year}-fr.pdf" in response["Content-Disposition"]
    response.close()


def test_the_public_report_reads_a_fixed_number_of_queries(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("reports:report-detail", args=[published.year]))

    assert response.status_code == 200


def test_the_draft_page_reads_a_bounded_number_of_queries(
    staff_client, draft, django_assert_max_num_queries
):
    with django_assert_max_num_queries(24):
        response = staff_client.get(reverse("reports:report-edit", args=[draft.year]))

    assert response.status_code == 200


def test_export_as_csv_gives_every_year(staff_client, cast):
    response = staff_client.get(reverse("reports:indicator-export", args=["members", "csv"]))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Year",
        "Members at year end",
        "New members",
        "Leavers",
        "Growth on the year before",
    ]
    assert rows[1] == ["2020", "2", "2", "0", ""]


def test_export_headers_follow_the_language(staff_client, cast):
    staff_client.cookies["django_language"] = "fr"
    response = staff_client.get(
        reverse("reports:indicator-export", args=["members-by-region", "csv"])
    )

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Année", "Wallonie"]
    assert rows[1] == ["2020", "2"]


def test_export_as_xlsx(staff_client, cast):
    response = staff_client.get(reverse("reports:indicator-export", args=["members", "xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][:3] == [2020, 2, 2]


def test_an_unknown_indicator_is_not_found(staff_client):
    assert staff_client.get(reverse("reports:indicator-detail", args=["nope"])).status_code == 404
    assert staff_client.get("/reports/indicators/members.pdf").status_code == 404


def test_the_dashboard_gives_the_growth_over_a_chosen_period(staff_client, cast):
    MembershipFactory(start_date=date(2023, 1, 1), confirmed_on=date(2023, 1, 1))
    MembershipFactory(start_date=date(2023, 1, 1), confirmed_on=date(2023, 1, 1))

    response = staff_client.get(reverse("reports:dashboard"), {"year": "2024", "since": "2022"})

    assert response.status_code == 200
    assert response.context["growth_since"] == compound_growth(2, 4, 2)
    assert "from 2022 to 2024: +41.4 % a year." in response.content.decode()


def test_the_growth_period_must_start_before_the_year(staff_client, cast):
    response = staff_client.get(reverse("reports:dashboard"), {"year": "2024", "since": "2024"})

    assert response.status_code == 400
    assert "must start before the year shown" in response.content.decode()
    assert response.context["growth_since"] is None


def test_the_dashboard_refuses_an_unknown_year(staff_client):
    response = staff_client.get(reverse("reports:dashboard"), {"year": "1900"})

    assert response.status_code == 400


def test_a_published_report_draws_its_charts_once_per_language(client, published, monkeypatch):
    published.figures["years"][-1]["events"]["held"] = 1  # the events' two charts
    published.figures["years"][-1]["projects"]["submitted"] = 1  # the projects' one
    published.save(update_fields=["figures"])
    first = charts_of(client.get(reverse("reports:report-detail", args=[published.year])))
    # A second view must not draw: make drawing fail and the charts must still come out the same.
    monkeypatch.setattr("agora.reports.rendering.draw_charts", broken_drawing)
    second = charts_of(client.get(reverse("reports:report-detail", args=[published.year])))
    assert (len(first), second) == (5, first)
    client.cookies["django_language"] = "fr"
    with pytest.raises(AssertionError, match="drawn again"):
        client.get(reverse("reports:report-detail", args=[published.year]))


def charts_of(response) -> list[str]:
    return re.findall(r"<svg.*?</svg>", response.content.decode(), flags=re.DOTALL)


def broken_drawing(*_args, **_kwargs):
    raise AssertionError("drawn again")


def rating_row(content: str) -> str:
    """The cells of the report's row of the average meeting rating, tags stripped."""
    row = re.search(r"<tr><th>[^<]*(?:rating|moyenne)[^<]*</th>(.*?)</tr>", content)
    assert row is not None
    return re.sub(r"<[^>]+>", "|", row.group(1)).replace("||", "|")


def test_the_report_gives_the_average_meeting_rating_in_english_and_french(client, published):
    published.figures["years"][-1]["events"].update(ratings=12, rating_mean=53 / 12)
    published.save(update_fields=["figures"])
    page = reverse("reports:report-detail", args=[published.year])

    english = client.get(page).content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get(page).content.decode()

    assert "<th>Average meeting rating</th>" in english
    assert rating_row(english) == "|—|4.4\u00a0/\u00a05 (12 ratings)|"
    assert "<th>Note moyenne des rendez-vous</th>" in french
    assert rating_row(french) == "|—|4,4\u00a0/\u00a05 (12 notes)|"


def test_a_single_rating_is_singular(client, published):
    published.figures["years"][-1]["events"].update(ratings=1, rating_mean=5)
    published.save(update_fields=["figures"])

    content = client.get(reverse("reports:report-detail", args=[published.year])).content
    assert rating_row(content.decode()) == "|—|5.0\u00a0/\u00a05 (1 rating)|"


def test_a_report_frozen_before_meetings_were_rated_still_renders(client, staff_client, published):
    for each in published.figures["years"]:
        del each["events"]["ratings"], each["events"]["rating_mean"]
    published.figures["years"][-1]["events"]["held"] = 1
    published.save(update_fields=["figures"])

    response = client.get(reverse("reports:report-detail", args=[published.year]))
    editor = staff_client.get(reverse("reports:report-edit", args=[published.year]))

    assert response.status_code == editor.status_code == 200
    assert rating_row(response.content.decode()) == "|—|—|"
    assert rating_row(editor.content.decode()) == "|—|—|"
    assert response.context["current"].events.ratings == 0


def test_the_dashboard_gives_the_average_meeting_rating(staff_client):
    for year, ratings in ((2023, (4, 3)), (2024, (5, 4, 2))):
        starts = timezone.make_aware(datetime(year, 10, 3, 9))
        event = EventFactory(starts_at=starts, schedule_state=Event.ScheduleState.PUBLISHED)
        slot = SlotFactory(event=event, starts_at=starts, ends_at=starts)
        rated_meeting(event, slot, ratings=ratings[:2])
        rated_meeting(event, slot, ratings=ratings[2:])
    staff_client.cookies["django_language"] = "fr"

    response = staff_client.get(reverse("reports:dashboard"), {"year": "2024"})

    assert rating_row(response.content.decode()) == (
        "|3,5\u00a0/\u00a05 (2 notes)|3,7\u00a0/\u00a05 (3 notes)|"
    )


def test_the_meeting_ratings_are_defined_and_exported(client, staff_client, cast):
    starts = timezone.make_aware(datetime(2024, 10, 3, 9))
    event = EventFactory(starts_at=starts, schedule_state=Event.ScheduleState.PUBLISHED)
    slot = SlotFactory(event=event, starts_at=starts, ends_at=starts)
    rated_meeting(event, slot, ratings=(5, 4))
    rated_meeting(event, slot, ratings=(2,))

    definition = client.get(reverse("reports:indicator-detail", args=["meeting-ratings"]))
    export = reverse("reports:indicator-export", args=["meeting-ratings", "csv"])
    response = staff_client.get(export)

    assert "a cancelled or unscheduled meeting does not count" in definition.content.decode()
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Year", "Meeting ratings", "Average meeting rating (out of 5)"]
    assert rows[1] == ["2020", "0", ""]
    assert ["2024", "3", "3.67"] in rows


def test_a_section_with_nothing_in_the_years_of_its_charts_says_so(staff_client, draft):
    page = staff_client.get(reverse("reports:report-edit", args=[draft.year])).text

    # The charts' years start with the first membership on record (the cast's start in 2020),
    # at most seven years back.
    first = max(2020, draft.year - 7)
    assert f"No R&D project is recorded for {first}–{draft.year}." in page
    assert f"No event is recorded for {first}–{draft.year}." in page
    assert "Projects submitted" not in page
    assert "Events held" not in page


def test_one_event_in_the_years_of_the_charts_brings_its_section_back(staff_client, draft):
    starts = timezone.make_aware(datetime(draft.year - 1, 10, 3, 9))
    EventFactory(starts_at=starts, schedule_state=Event.ScheduleState.PUBLISHED)
    staff_client.cookies["django_language"] = "fr"

    page = staff_client.get(reverse("reports:report-edit", args=[draft.year])).text

    assert "Événements organisés" in page
    assert "Aucun événement" not in page
    assert f"Aucun projet de R&D n'est enregistré pour {max(2020, draft.year - 7)}–" in page
