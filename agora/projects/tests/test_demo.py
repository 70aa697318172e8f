"""The projects demo: the 2018 call's exact figures, assignments free of conflicts of interest."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from agora.members.demo import DemoContext, reset_all
from agora.members.models import Affiliation
from agora.members.selectors import current_affiliations
from agora.projects import maturity
from agora.projects.models import (
    Assignment,
    Call,
    Decision,
    DeclaredConflict,
    Diagnosis,
    Evaluation,
    Expert,
    Project,
    Score,
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, deleted afterwards so other modules start empty."""
    with django_db_blocker.unblock():
        call_command("load_demo", today="2026-11-26", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        reset_all(DemoContext(today=None, write=lambda text: None))


@pytest.fixture
def call_2018(demo, db) -> Call:
    return Call.objects.get(slug="rd-call-2018")


def test_the_2018_call_has_twenty_submissions_in_their_final_states(call_2018):
    states = Counter(call_2018.projects.values_list("state", flat=True))

    assert call_2018.title == "2018 call for R&D projects"
    assert call_2018.is_open is False
    assert states == {
        "not_labelled": 12,
        "ineligible": 3,
        "funded": 2,
        "follow_up": 1,
        "labelled": 1,
        "not_funded": 1,
    }
    assert call_2018.projects.filter(submitted_at__year=2018).count() == 20


def test_the_2018_call_has_four_weighted_criteria(call_2018):
    weights = [int(criterion.weight) for criterion in call_2018.criteria.all()]

    assert weights == [35, 30, 20, 15]


def test_five_projects_are_labelled_one_with_nordsante(call_2018):
    labelled = Decision.objects.filter(outcome="labelled", project__call=call_2018)
    co_labelled = call_2018.projects.filter(co_labelling_partner__isnull=False)

    assert sorted(labelled.values_list("project__acronym", flat=True)) == [
        "CARDIOWATCH",
        "CARTECH",
        "HEPACELL",
        "NANOTB",
        "RADIOPEP",
    ]
    assert Decision.objects.filter(outcome="not_labelled").count() == 12
    assert [(p.acronym, p.co_labelling_partner.slug) for p in co_labelled] == [
        ("NANOTB", "nordsante")
    ]
    assert all(decision.letter for decision in Decision.objects.all())


def test_decisions_agree_with_the_project_states(call_2018):
    after_label = {"labelled", "funded", "not_funded", "follow_up"}

    for decision in Decision.objects.select_related("project"):
        expected = after_label if decision.outcome == "labelled" else {"not_labelled"}
        assert decision.project.state in expected
        assert decision.project.decided_at == decision.decided_at
    assert not call_2018.projects.filter(state="ineligible", decision__isnull=False).exists()


def test_every_consortium_has_one_coordinator_and_two_to_four_members(call_2018):
    for project in call_2018.projects.prefetch_related("partners"):
        partners = [partner for partner in project.partners.all() if partner.organisation_id]
        assert sum(partner.is_coordinator for partner in project.partners.all()) == 1
        assert 2 <= len(partners) <= 4


def test_the_expert_pool_and_its_evaluations(call_2018):
    evaluated = call_2018.projects.exclude(state="ineligible")

    assert Expert.objects.count() == 25
    assert DeclaredConflict.objects.count() == 4
    assert Assignment.objects.count() == 51
    assert Evaluation.objects.filter(submitted_at__isnull=False).count() == 51
    assert Score.objects.count() == 51 * 4
    assert not Score.objects.filter(comment="").exists()
    assert not Evaluation.objects.filter(comments="").exists()
    assert all(project.assignments.count() == 3 for project in evaluated)


def test_no_expert_evaluates_a_project_they_are_in_conflict_with(call_2018):
    organisations = {
        (person, organisation)
        for person, organisation in Affiliation.objects.filter(current_affiliations()).values_list(
            "person_id", "organisation_id"
        )
    }
    declared = set(DeclaredConflict.objects.values_list("expert_id", "organisation_id"))
    declared_projects = set(DeclaredConflict.objects.values_list("expert_id", "project_id"))
    for assignment in Assignment.objects.select_related("expert", "project"):
        consortium = set(
            assignment.project.partners.exclude(organisation=None).values_list(
                "organisation_id", flat=True
            )
        )
        own = {org for person, org in organisations if person == assignment.expert.person_id}
        assert own.isdisjoint(consortium)
        assert not {(assignment.expert_id, org) for org in consortium} & declared
        assert (assignment.expert_id, assignment.project_id) not in declared_projects


def test_the_expert_login_has_submitted_evaluations(call_2018):
    assignments = Assignment.objects.filter(expert__person__email="expert@agora.example")

    assert sorted(assignments.values_list("project__acronym", flat=True)) == [
        "HEPACELL",
        "NANOTB",
        "OSTEOGRAFT",
    ]
    assert {assignment.state for assignment in assignments} == {"submitted"}
    assert Evaluation.objects.filter(assignment__in=assignments).count() == 3


def test_maturity_histories_go_up_and_one_dimension_goes_down(demo, db):
    hepacell = Project.objects.get(acronym="HEPACELL")
    levels = [
        maturity.profile(diagnosis.answers.filter(is_met=True).values_list("criterion", flat=True))
        for diagnosis in hepacell.diagnoses.order_by("diagnosed_on")
    ]

    assert Diagnosis.objects.count() == 12
    assert [profile["TECH"] for profile in levels] == [3, 5, 5]
    assert [profile["MARKET"] for profile in levels] == [2, 2, 1]
    assert hepacell.diagnoses.first().targets.count() == 3
    assert hepacell.diagnoses.first().actions.filter(done_on=None).count() == 1
    first = hepacell.diagnoses.order_by("diagnosed_on").first()
    assert hepacell.submitted_diagnosis == first
    assert Project.objects.filter(submitted_diagnosis__isnull=False).count() == 4


def test_an_open_call_and_a_standalone_draft_of_meusalis(demo, db):
    draft = Project.objects.get(acronym="MEUSABONE")

    assert Call.objects.get(slug="rd-call-2027").title == "2027 call for R&D projects"
    assert draft.call is None
    assert draft.state == Project.State.DRAFT
    assert draft.partners.get(is_coordinator=True).organisation.slug == "meusalis"
    assert draft.diagnoses.count() == 2


def test_the_other_representative_sits_on_the_jury_and_reads_its_results(call_2018, client):
    juror = call_2018.jury.get(email="representative2@agora.example")
    assert sorted(call_2018.jury.values_list("email", flat=True)) == [
        "representative2@agora.example",
        "staff@agora.example",
    ]
    client.force_login(juror)
    assert client.get(f"/projects/calls/{call_2018.slug}/results/").status_code == 200
    labelled = Project.objects.filter(call=call_2018, state=Project.State.LABELLED).first()
    assert client.get(f"/projects/{labelled.pk}/decision/").status_code == 200
    assert client.get(f"/projects/{labelled.pk}/").status_code == 404
