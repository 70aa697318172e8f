"""Maturity pages at work: levels through the questionnaire, arrows, targets, PDF, queries."""

import io
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from agora.projects.models import ActionPoint, CriterionAnswer, Diagnosis, Target
from agora.projects.selectors.maturity import get_latest_profile
from agora.projects.tests.maturity_world import (
    client_for,
    codes_up_to,
    make_diagnosis,
    make_project,
)


@pytest.fixture
def project(cast):
    return make_project(cast)


def tech_answers(met: list[str], evidence: dict[str, str] | None = None) -> dict[str, str]:
    data = {"dimension": "TECH"}
    for code in met:
        data[f"met_{code}"] = "on"
        data[f"evidence_{code}"] = (evidence or {}).get(code, f"Rapport {code}")
    return data


def test_the_questionnaire_computes_the_level_from_the_answers(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {"MARKET": 2})
    client = client_for(cast.member)
    url = reverse("projects:diagnosis-detail", args=[diagnosis.pk])

    response = client.post(url, tech_answers([*codes_up_to("TECH", 3), "TECH-4-1", "TECH-5-1"]))

    assert response.status_code == 302
    assert response["Location"] == f"{url}#dimension-TECH"
    page = client.get(reverse("projects:diagnosis-list", args=[project.pk])).context["page"]
    assert page.current.profile == {
        "TECH": 3,
        "MARKET": 2,
        "BUSINESS": 0,
        "IP": 0,
        "TEAM": 0,
        "FUNDING": 0,
        "REG": 0,
    }
    assert (
        CriterionAnswer.objects.filter(diagnosis=diagnosis, criterion__startswith="TECH-").count()
        == 21
    )


def test_unticking_a_criterion_lowers_the_level_through_htmx(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {"TECH": 4})
    url = reverse("projects:diagnosis-detail", args=[diagnosis.pk])

    response = client_for(cast.member).post(
        url,
        tech_answers([code for code in codes_up_to("TECH", 4) if code != "TECH-2-3"]),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert response.templates[0].name == "projects/maturity/_dimension.html"
    assert response.context["level"] == 1
    assert response.context["missing"] == ["TECH-2-3"]
    assert "Level 2 still needs: TECH-2-3." in response.content.decode()
    assert (
        '<span class="badge text-bg-primary fs-6" id="level-TECH">Level 1</span>'
        in response.content.decode()
    )
    assert not CriterionAnswer.objects.get(diagnosis=diagnosis, criterion="TECH-2-3").is_met


def test_a_criterion_marked_met_without_evidence_is_refused_by_name(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {"TECH": 1})
    url = reverse("projects:diagnosis-detail", args=[diagnosis.pk])
    data = tech_answers(codes_up_to("TECH", 2), evidence={"TECH-2-2": "  "})

    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = client_for(cast.member).post(url, data, **headers)

        assert response.status_code == 400
        assert (
            "Give the evidence for TECH-2-2 “A search of publications and patents shows how the "
            "concept differs from existing solutions.”, marked as met."
        ) in response.content.decode()
    assert set(diagnosis.answers.values_list("criterion", flat=True)) == {"TECH-1-1", "TECH-1-2"}


def test_an_unknown_dimension_is_a_bad_request(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {})
    url = reverse("projects:diagnosis-detail", args=[diagnosis.pk])

    assert client_for(cast.member).post(url, {"dimension": "MOON"}).status_code == 400


def test_a_new_revision_going_down_shows_a_down_arrow(cast, project):
    make_diagnosis(project, date(2026, 1, 5), {"TECH": 4, "TEAM": 2, "IP": 1})
    client = client_for(cast.representative)

    response = client.post(
        reverse("projects:diagnosis-create", args=[project.pk]), {"diagnosed_on": "2026-06-01"}
    )
    latest = Diagnosis.objects.get(diagnosed_on=date(2026, 6, 1))
    assert response["Location"] == reverse("projects:diagnosis-detail", args=[latest.pk])
    client.post(
        reverse("projects:diagnosis-detail", args=[latest.pk]),
        tech_answers([code for code in codes_up_to("TECH", 4) if code != "TECH-3-2"]),
    )
    CriterionAnswer.objects.create(
        diagnosis=latest, criterion="TEAM-3-1", is_met=True, evidence="x"
    )
    CriterionAnswer.objects.create(
        diagnosis=latest, criterion="TEAM-3-2", is_met=True, evidence="y"
    )
    response = client.get(reverse("projects:diagnosis-list", args=[project.pk]))

    rows = {
        row.code: (row.level, row.previous, row.delta)
        for row in response.context["page"].current.rows
    }
    assert rows == {
        "TECH": (2, 4, -2),
        "MARKET": (0, 0, 0),
        "BUSINESS": (0, 0, 0),
        "IP": (1, 1, 0),
        "TEAM": (3, 2, 1),
        "FUNDING": (0, 0, 0),
        "REG": (0, 0, 0),
    }
    html = response.content.decode()
    tech_row = html[html.index('id="row-TECH"') : html.index('id="row-MARKET"')]
    assert "▼ -2" in tech_row
    assert '<span class="visually-hidden"> down</span>' in tech_row
    team_row = html[html.index('id="row-TEAM"') : html.index('id="row-FUNDING"')]
    assert "▲ +1" in team_row
    assert "<svg" in html


def test_the_first_diagnosis_has_no_arrows(cast, project):
    client = client_for(cast.member)
    client.post(
        reverse("projects:diagnosis-create", args=[project.pk]), {"diagnosed_on": "2026-06-01"}
    )

    page = client.get(reverse("projects:diagnosis-list", args=[project.pk])).context["page"]

    assert {row.delta for row in page.current.rows} == {None}
    assert len(page.revisions) == 1


def test_targets_and_action_points_show_on_the_history_page(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {"REG": 2})
    client = client_for(cast.member)
    client.post(
        reverse("projects:target-set", args=[diagnosis.pk]),
        {"dimension": "REG", "level": "5", "due_on": "2027-06-30"},
    )
    client.post(
        reverse("projects:action-point-add", args=[diagnosis.pk]),
        {"dimension": "REG", "text": "Ask the FAMHP for scientific advice", "due_on": "2026-09-01"},
    )

    response = client.get(reverse("projects:diagnosis-list", args=[project.pk]))

    row = next(row for row in response.context["page"].current.rows if row.code == "REG")
    assert (row.level, row.target.level, row.target.due_on, row.gap) == (2, 5, date(2027, 6, 30), 3)
    assert "Ask the FAMHP for scientific advice" in response.content.decode()
    assert "3 levels to go" in response.content.decode()


def test_a_bad_target_is_refused_with_the_form(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {})

    response = client_for(cast.member).post(
        reverse("projects:target-set", args=[diagnosis.pk]),
        {"dimension": "REG", "level": "12", "due_on": "2027-06-30"},
    )

    assert response.status_code == 400
    assert response.context["target_form"].errors == {
        "level": ["Ensure this value is less than or equal to 9."]
    }
    assert Target.objects.count() == 0


def test_the_pdf_names_every_dimension_with_its_accents(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {"TECH": 2, "REG": 1})
    Target.objects.create(diagnosis=diagnosis, dimension="REG", level=4, due_on=date(2027, 1, 31))

    response = client_for(cast.member).get(
        reverse("projects:diagnosis-pdf", args=[diagnosis.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="maturity-HELIX-AB-2026-02-01.pdf"'
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for name in (
        "Technologie",
        "Client et marché",
        "Modèle d'affaires",
        "Propriété intellectuelle",
        "Équipe",
        "Financement",
        "Maturité réglementaire et clinique",
    ):
        assert name in text
    assert "Le principe scientifique à la base de l'idée est décrit par écrit" in text
    assert "Preuve TECH-2-3" in text
    assert "HELIX-AB" in text


def test_the_history_page_queries_do_not_grow_with_revisions(
    cast, project, django_assert_max_num_queries
):
    client = client_for(cast.member)
    url = reverse("projects:diagnosis-list", args=[project.pk])
    make_diagnosis(project, date(2026, 1, 1), {"TECH": 2})
    make_diagnosis(project, date(2026, 2, 1), {"TECH": 3})
    with django_assert_max_num_queries(15):  # one of them the navbar's organiser check
        client.get(url)
    for month in range(3, 9):
        make_diagnosis(project, date(2026, month, 1), {"TECH": month, "IP": 2})

    with django_assert_max_num_queries(15):  # one of them the navbar's organiser check
        response = client.get(url)

    assert len(response.context["page"].revisions) == 8


def test_the_questionnaire_queries_are_few(cast, project, django_assert_max_num_queries):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {"TECH": 9, "REG": 9, "TEAM": 5})
    client = client_for(cast.member)
    url = reverse("projects:diagnosis-detail", args=[diagnosis.pk])

    with django_assert_max_num_queries(14):  # one of them the navbar's organiser check
        response = client.get(url)

    assert [section["level"] for section in response.context["sections"]] == [9, 0, 0, 0, 5, 0, 9]


def test_the_project_page_snippet_shows_the_latest_profile(cast, project):
    make_diagnosis(project, date(2026, 1, 1), {"TECH": 4})
    make_diagnosis(project, date(2026, 5, 1), {"TECH": 5, "FUNDING": 1})

    html = render_to_string(
        "projects/maturity/_summary.html",
        {"summary": get_latest_profile(project, "en"), "project": project},
    )

    assert "Latest diagnosis: 1 May 2026" in html
    assert "▲ +1" in html
    assert reverse("projects:diagnosis-list", args=[project.pk]) in html
    assert get_latest_profile(make_project(cast, acronym="EMPTY")) is None


def test_an_older_revision_is_read_only_and_the_latest_asks_in_french(cast, project):
    older = make_diagnosis(project, date(2026, 1, 1), {"TECH": 1})
    latest = make_diagnosis(project, date(2026, 2, 1), {"TECH": 1})
    client = client_for(cast.member)

    old_page = client.get(reverse("projects:diagnosis-detail", args=[older.pk]))
    new_page = client.get(
        reverse("projects:diagnosis-detail", args=[latest.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert old_page.context["can_edit"] is False
    assert 'name="met_TECH-1-1"' not in old_page.content.decode()
    assert 'name="met_TECH-1-1"' in new_page.content.decode()
    assert "Les principales inconnues techniques sont listées." in new_page.content.decode()


def test_an_action_point_done_twice_is_a_conflict(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 2, 1), {})
    action = ActionPoint.objects.create(
        diagnosis=diagnosis, dimension="TEAM", text="Recruit", done_on=date(2026, 2, 2)
    )

    response = client_for(cast.member).post(
        reverse("projects:action-point-complete", args=[action.pk])
    )

    assert response.status_code == 409
    assert "This action point is already done." in response.content.decode()
    action.refresh_from_db()
    assert action.done_on == date(2026, 2, 2)
