"""Maturity services: revisions start from the previous one, evidence is required, history stays."""

from datetime import date

import pytest

from agora.core.errors import ConflictError, DomainError
from agora.core.models import AuditEntry
from agora.projects.models import ActionPoint, CriterionAnswer, Diagnosis, Target
from agora.projects.services.maturity import (
    add_action_point,
    complete_action_point,
    save_answers,
    set_target,
    start_diagnosis,
)
from agora.projects.tests.maturity_world import codes_up_to, make_diagnosis, make_project


@pytest.fixture
def project(cast):
    return make_project(cast)


def test_the_first_diagnosis_starts_empty(cast, project):
    diagnosis = start_diagnosis(
        actor=cast.representative, project=project, diagnosed_on=date(2026, 3, 1)
    )

    assert (diagnosis.diagnosed_on, diagnosis.created_by) == (date(2026, 3, 1), cast.representative)
    assert diagnosis.answers.count() == 0
    entry = AuditEntry.objects.get(action="projects.diagnosis.started")
    assert (entry.actor, entry.data) == (
        cast.representative,
        {"project": project.pk, "previous": None},
    )


def test_a_new_revision_copies_answers_targets_and_open_actions(cast, project):
    previous = make_diagnosis(project, date(2026, 1, 10), {"TECH": 3})
    CriterionAnswer.objects.create(diagnosis=previous, criterion="IP-1-1", evidence="Draft")
    Target.objects.create(diagnosis=previous, dimension="TECH", level=5, due_on=date(2026, 12, 31))
    ActionPoint.objects.create(diagnosis=previous, dimension="TECH", text="Repeat the assay")
    ActionPoint.objects.create(
        diagnosis=previous, dimension="IP", text="Sign NDAs", done_on=date(2026, 1, 20)
    )

    diagnosis = start_diagnosis(actor=cast.member, project=project, diagnosed_on=date(2026, 6, 1))

    answers = {a.criterion: (a.is_met, a.evidence) for a in diagnosis.answers.all()}
    assert answers == {
        **{code: (True, f"Preuve {code}") for code in codes_up_to("TECH", 3)},
        "IP-1-1": (False, "Draft"),
    }
    assert [(t.dimension, t.level, t.due_on) for t in diagnosis.targets.all()] == [
        ("TECH", 5, date(2026, 12, 31))
    ]
    assert [a.text for a in diagnosis.actions.all()] == ["Repeat the assay"]
    assert previous.answers.count() == 8


def test_a_revision_cannot_be_dated_before_the_previous_one(cast, project):
    make_diagnosis(project, date(2026, 5, 1), {})

    with pytest.raises(DomainError, match="2026-05-01"):
        start_diagnosis(actor=cast.member, project=project, diagnosed_on=date(2026, 4, 30))

    assert Diagnosis.objects.count() == 1


def test_save_answers_records_evidence_and_returns_the_new_level(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {"TECH": 1})
    answers = dict.fromkeys(codes_up_to("TECH", 2), (True, "Lab notebook p. 12"))
    answers["TECH-3-1"] = (True, "Report R-3")
    answers["TECH-3-2"] = (False, "")

    level = save_answers(actor=cast.member, diagnosis=diagnosis, dimension="TECH", answers=answers)

    assert level == 2
    assert diagnosis.answers.get(criterion="TECH-1-1").evidence == "Lab notebook p. 12"
    assert diagnosis.answers.filter(is_met=True).count() == 6
    entry = AuditEntry.objects.get(action="projects.diagnosis.answered")
    assert entry.data == {"dimension": "TECH", "level_before": 1, "level_after": 2}


def test_evidence_is_required_for_every_criterion_marked_met(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {})
    answers = {"TECH-1-1": (True, "Article"), "TECH-1-2": (True, "  ")}

    with pytest.raises(DomainError) as refusal:
        save_answers(actor=cast.member, diagnosis=diagnosis, dimension="TECH", answers=answers)

    assert refusal.value.message == (
        "Give the evidence for every criterion marked as met: TECH-1-2 “At least one possible "
        "health application of the principle is written down.”"
    )
    assert diagnosis.answers.count() == 0


def test_answers_must_belong_to_the_dimension(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {})

    with pytest.raises(DomainError, match="IP-1-1, NOPE"):
        save_answers(
            actor=cast.member,
            diagnosis=diagnosis,
            dimension="TECH",
            answers={"IP-1-1": (False, ""), "NOPE": (False, "")},
        )


def test_only_the_latest_revision_changes(cast, project):
    older = make_diagnosis(project, date(2026, 1, 10), {})
    make_diagnosis(project, date(2026, 2, 10), {})

    with pytest.raises(ConflictError):
        save_answers(
            actor=cast.member, diagnosis=older, dimension="TECH", answers={"TECH-1-1": (False, "")}
        )
    with pytest.raises(ConflictError):
        set_target(
            actor=cast.member, diagnosis=older, dimension="TECH", level=3, due_on=date(2027, 1, 1)
        )
    assert older.answers.count() == 0
    assert Target.objects.count() == 0


def test_set_target_replaces_the_dimension_target(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {})
    set_target(
        actor=cast.member, diagnosis=diagnosis, dimension="REG", level=4, due_on=date(2026, 9, 1)
    )

    target = set_target(
        actor=cast.member, diagnosis=diagnosis, dimension="REG", level=6, due_on=date(2027, 3, 1)
    )

    assert [(t.dimension, t.level, t.due_on) for t in Target.objects.all()] == [
        ("REG", 6, date(2027, 3, 1))
    ]
    assert target.pk == Target.objects.get().pk
    assert AuditEntry.objects.filter(action="projects.diagnosis.target_set").count() == 2


@pytest.mark.parametrize(
    ("dimension", "level", "due_on", "message"),
    [
        ("TECH", 0, date(2027, 1, 1), "between 1 and 9"),
        ("TECH", 10, date(2027, 1, 1), "between 1 and 9"),
        ("TECH", 3, date(2025, 12, 31), "before the diagnosis"),
        ("MOON", 3, date(2027, 1, 1), "Unknown dimension"),
    ],
)
def test_set_target_refuses_bad_values(cast, project, dimension, level, due_on, message):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {})

    with pytest.raises(DomainError, match=message):
        set_target(
            actor=cast.member, diagnosis=diagnosis, dimension=dimension, level=level, due_on=due_on
        )

    assert Target.objects.count() == 0


def test_action_points_are_added_and_completed_once(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {})
    action = add_action_point(
        actor=cast.member, diagnosis=diagnosis, dimension="FUNDING", text=" Apply to the region "
    )

    complete_action_point(actor=cast.member, action=action, done_on=date(2026, 2, 1))

    action.refresh_from_db()
    assert (action.text, action.done_on) == ("Apply to the region", date(2026, 2, 1))
    with pytest.raises(ConflictError):
        complete_action_point(actor=cast.member, action=action)
    assert list(
        AuditEntry.objects.filter(action__startswith="projects.diagnosis.action")
        .values_list("action", flat=True)
        .order_by("pk")
    ) == ["projects.diagnosis.action_added", "projects.diagnosis.action_completed"]


def test_an_action_point_needs_a_text(cast, project):
    diagnosis = make_diagnosis(project, date(2026, 1, 10), {})

    with pytest.raises(DomainError):
        add_action_point(actor=cast.member, diagnosis=diagnosis, dimension="TEAM", text="   ")

    assert ActionPoint.objects.count() == 0
