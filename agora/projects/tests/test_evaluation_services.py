"""The declaration, the evaluation (draft, submission), consolidated scores and the exports."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from agora.core.errors import ConflictError, DomainError, PermissionDeniedError
from agora.core.models import AuditEntry
from agora.projects import exports_evaluation
from agora.projects.consolidation import summarise, weighted_score
from agora.projects.models import Assignment, DeclaredConflict, Evaluation, Score
from agora.projects.selectors.evaluation import get_results, list_submitted_evaluations
from agora.projects.services.evaluation import (
    decline_assignment,
    save_evaluation,
    sign_declaration,
)
from agora.projects.tests.evaluation_world import (
    SIGNED_AT,
    eligible_project,
    make_expert,
    member_organisation,
    submitted_evaluation,
)
from agora.projects.tests.factories import AssignmentFactory, CallFactory, ExpertFactory


@pytest.fixture
def expert(cast):
    return ExpertFactory(person=cast.expert.person)


@pytest.fixture
def project(cast):
    return eligible_project(CallFactory(), "HELIX", cast.organisation)


@pytest.fixture
def invited(project, expert):
    return AssignmentFactory(project=project, expert=expert, state=Assignment.State.INVITED)


@pytest.fixture
def accepted(project, expert):
    return AssignmentFactory(
        project=project,
        expert=expert,
        state=Assignment.State.ACCEPTED,
        declaration_signed_at=SIGNED_AT,
    )


def criteria_pks(project):
    return list(project.call.criteria.values_list("pk", flat=True))


def test_signing_the_declaration_accepts(cast, invited):
    assignment = sign_declaration(actor=cast.expert, assignment=invited)
    assert assignment.state == Assignment.State.ACCEPTED
    assert assignment.declaration_signed_at is not None
    assert AuditEntry.objects.filter(action="projects.assignment.accepted").count() == 1


def test_only_the_invited_expert_signs(cast, invited):
    with pytest.raises(PermissionDeniedError):
        sign_declaration(actor=cast.outsider, assignment=invited)
    invited.refresh_from_db()
    assert (invited.state, invited.declaration_signed_at) == (Assignment.State.INVITED, None)


def test_a_proposal_cannot_be_signed(cast, project, expert):
    proposed = AssignmentFactory(project=project, expert=expert)
    with pytest.raises(ConflictError) as error:
        sign_declaration(actor=cast.expert, assignment=proposed)
    assert error.value.message == "This invitation is no longer open."


def test_declining_for_a_conflict_declares_it(cast, invited, project, expert):
    decline_assignment(
        actor=cast.expert,
        assignment=invited,
        reason="  I advise the coordinator. ",
        is_conflict=True,
    )
    invited.refresh_from_db()
    assert invited.state == Assignment.State.DECLINED
    conflict = DeclaredConflict.objects.get()
    assert (conflict.expert, conflict.project, conflict.reason) == (
        expert,
        project,
        "I advise the coordinator.",
    )


def test_declining_for_lack_of_time_declares_no_conflict(cast, invited):
    decline_assignment(actor=cast.expert, assignment=invited, reason="No time", is_conflict=False)
    assert DeclaredConflict.objects.count() == 0
    entry = AuditEntry.objects.get(action="projects.assignment.declined")
    assert entry.data["reason"] == "No time"


def test_a_draft_keeps_partial_scores(cast, accepted, project):
    first, second, _third = criteria_pks(project)
    evaluation = save_evaluation(
        actor=cast.expert,
        assignment=accepted,
        scores={first: (7, "Solid"), second: (None, "")},
        comments="So far",
        submit=False,
    )
    assert list(evaluation.scores.values_list("criterion_id", "value", "comment")) == [
        (first, 7, "Solid")
    ]
    accepted.refresh_from_db()
    assert (accepted.state, evaluation.submitted_at) == (Assignment.State.ACCEPTED, None)


def test_submitting_needs_every_score(cast, accepted, project):
    first, second, _third = criteria_pks(project)
    with pytest.raises(DomainError) as error:
        save_evaluation(
            actor=cast.expert,
            assignment=accepted,
            scores={first: (7, ""), second: (8, "")},
            comments="",
            submit=True,
        )
    assert error.value.message == "Score every criterion before submitting."
    assert Evaluation.objects.count() == 0


def test_a_score_above_ten_is_refused(cast, accepted, project):
    with pytest.raises(DomainError) as error:
        save_evaluation(
            actor=cast.expert,
            assignment=accepted,
            scores={criteria_pks(project)[0]: (11, "")},
            comments="",
            submit=False,
        )
    assert error.value.message == "Scores go from 0 to 10."
    assert Score.objects.count() == 0


def test_a_submitted_evaluation_cannot_change(cast, accepted, project):
    scores = {pk: (value, "") for pk, value in zip(criteria_pks(project), [8, 6, 5], strict=True)}
    save_evaluation(
        actor=cast.expert, assignment=accepted, scores=scores, comments="Good", submit=True
    )
    accepted.refresh_from_db()
    assert accepted.state == Assignment.State.SUBMITTED
    with pytest.raises(ConflictError) as error:
        save_evaluation(
            actor=cast.expert, assignment=accepted, scores={}, comments="Changed", submit=False
        )
    assert error.value.message == "This evaluation was submitted; it can no longer be changed."
    assert Evaluation.objects.get().comments == "Good"
    assert sorted(Score.objects.values_list("value", flat=True)) == [5, 6, 8]


def test_weighted_score_and_spread_exact_values():
    weights = {1: Decimal(40), 2: Decimal(35), 3: Decimal(25)}
    assert weighted_score({1: 8, 2: 6, 3: 5}, weights) == 6.55
    summary = summarise([{1: 8, 2: 6, 3: 5}, {1: 6, 2: 9, 3: 7}], weights)
    assert summary.weighted_mean == pytest.approx(6.925, abs=1e-12)
    assert summary.spread == pytest.approx(0.375, abs=1e-12)
    assert summary.evaluations == 2
    assert [(line.mean, line.spread) for line in summary.criteria] == [
        (7.0, 1.0),
        (7.5, 1.5),
        (6.0, 1.0),
    ]


def test_results_rank_projects_by_weighted_mean(cast):
    call = CallFactory()
    first = eligible_project(call, "FIRST", cast.organisation)
    second = eligible_project(call, "SECOND", member_organisation("Second SA"))
    experts = [make_expert("Alpha"), make_expert("Beta")]
    submitted_evaluation(first, experts[0], [8, 6, 5])
    submitted_evaluation(first, experts[1], [6, 9, 7])
    submitted_evaluation(second, experts[0], [9, 9, 9])
    draft = AssignmentFactory(project=second, expert=experts[1], state="accepted")
    Evaluation.objects.create(assignment=draft)
    results = get_results(call)
    assert [(result.project.acronym, result.summary.evaluations) for result in results] == [
        ("SECOND", 1),
        ("FIRST", 2),
    ]
    assert results[0].summary.weighted_mean == 9.0
    assert results[1].summary.weighted_mean == pytest.approx(6.925, abs=1e-12)


@pytest.fixture
def exported(cast):
    call = CallFactory()
    project = eligible_project(call, "HELIX", cast.organisation, title="Antibodies")
    submitted_evaluation(project, make_expert("Alpha"), [8, 6, 5], comments="=HYPERLINK()")
    submitted_evaluation(project, make_expert("Beta"), [6, 9, 7], comments="Fine")
    return call


def test_csv_export_has_one_row_per_evaluation(exported):
    text = exports_evaluation.evaluations_csv(
        list_submitted_evaluations(exported), list(exported.criteria.all())
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Project",
        "Title",
        "Expert",
        "Submitted",
        "Scientific excellence (score)",
        "Scientific excellence (comment)",
        "Impact (score)",
        "Impact (comment)",
        "Consortium quality (score)",
        "Consortium quality (comment)",
        "Weighted score",
        "Overall comments",
    ]
    assert rows[1:] == [
        ["HELIX", "Antibodies", "Dr Alpha", "2030-01-10 00:00", "8", "8 points", "6",
         "6 points", "5", "5 points", "6.55", "'=HYPERLINK()"],
        ["HELIX", "Antibodies", "Dr Beta", "2030-01-10 00:00", "6", "6 points", "9",
         "9 points", "7", "7 points", "7.3", "Fine"],
    ]  # fmt: skip


def test_xlsx_export_keeps_numbers_as_numbers(exported):
    content = exports_evaluation.evaluations_xlsx(
        list_submitted_evaluations(exported), list(exported.criteria.all())
    )
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(rows) == 3
    assert rows[0][0] == "Project"
    assert rows[1][2:] == [
        "Dr Alpha", "2030-01-10 00:00", 8, "8 points", 6, "6 points", 5, "5 points", 6.55,
        "'=HYPERLINK()",
    ]  # fmt: skip
    assert rows[2][-2:] == [7.3, "Fine"]
