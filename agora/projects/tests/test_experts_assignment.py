"""Automatic assignment: conflicts never assigned, capacity, locks kept, swaps, invitations."""

import pytest
from django.core import mail

from agora.core.errors import ConflictError, DomainError
from agora.core.models import AuditEntry
from agora.projects.assignment_adapter import fetch_problem
from agora.projects.models import Assignment, DeclaredConflict
from agora.projects.services.evaluation import (
    invite_experts,
    remove_assignment,
    run_assignment,
    set_assignment_lock,
    swap_expert,
)
from agora.projects.tests.evaluation_world import (
    eligible_project,
    make_expert,
    member_organisation,
)
from agora.projects.tests.factories import AssignmentFactory, CallFactory, ProjectFactory


@pytest.fixture
def world(cast):
    """A call of three experts per project; HELIX by helix with a partner, and OTHER."""
    call = CallFactory(experts_per_project=3)
    partner = member_organisation("Partner Lab SA")
    helix = eligible_project(call, "HELIX", cast.organisation, partner)
    other = eligible_project(call, "OTHER", member_organisation("Far Away SA"))
    experts = {
        "own": make_expert("Own", cast.organisation),
        "partner": make_expert("Partner", partner),
        "declared_organisation": make_expert("Declared"),
        "declared_project": make_expert("Project"),
        "free": make_expert("Free"),
        "free_too": make_expert("Freetoo"),
    }
    DeclaredConflict.objects.create(
        expert=experts["declared_organisation"], organisation=partner, reason="Former employer"
    )
    DeclaredConflict.objects.create(
        expert=experts["declared_project"], project=helix, reason="Co-author"
    )
    return {"call": call, "helix": helix, "other": other, "partner_lab": partner, **experts}


def experts_of(project):
    return set(
        Assignment.objects.filter(project=project).values_list(
            "expert__person__last_name", flat=True
        )
    )


def test_conflicted_experts_are_never_assigned(world, cast):
    result = run_assignment(actor=cast.staff, call=world["call"])
    assert experts_of(world["helix"]) == {"Free", "Freetoo"}
    assert len(experts_of(world["other"])) == 3
    assert result.assigned == 5
    assert result.unfilled == [
        {
            "project": world["helix"].pk,
            "acronym": "HELIX",
            "missing": 1,
            "reason": "2 of 3 experts assigned: only 2 experts free of conflicts of interest",
        }
    ]
    entry = AuditEntry.objects.get(action="projects.call.experts_assigned")
    assert entry.object_id == str(world["call"].pk)
    assert entry.data["unfilled"] == result.unfilled
    assert entry.data["assigned"] == 5
    assert set(Assignment.objects.values_list("state", flat=True)) == {"proposed"}


def test_a_decline_is_a_conflict_for_the_next_run(world, cast):
    AssignmentFactory(project=world["helix"], expert=world["free"], state="declined")
    run_assignment(actor=cast.staff, call=world["call"])
    assert experts_of(world["helix"]) == {"Free", "Freetoo"}
    declined = Assignment.objects.get(project=world["helix"], expert=world["free"])
    assert declined.state == "declined"
    assert Assignment.objects.filter(project=world["helix"]).exclude(state="declined").count() == 1


def test_only_eligible_and_evaluated_projects_get_experts(world, cast):
    draft = ProjectFactory(call=world["call"], acronym="DRAFT")
    run_assignment(actor=cast.staff, call=world["call"])
    assert Assignment.objects.filter(project=draft).count() == 0


def test_capacity_counts_this_years_assignments_on_other_calls(world, cast):
    for name in ("own", "partner", "declared_organisation", "declared_project"):
        world[name].is_active = False
        world[name].save(update_fields=["is_active"])
    world["free"].max_evaluations = 1
    world["free"].save(update_fields=["max_evaluations"])
    AssignmentFactory(expert=world["free"])  # on another call, this year
    result = run_assignment(actor=cast.staff, call=world["call"])
    assert experts_of(world["helix"]) == {"Freetoo"}
    assert experts_of(world["other"]) == {"Freetoo"}
    assert Assignment.objects.filter(expert=world["free"], project__call=world["call"]).count() == 0
    assert [item["missing"] for item in result.unfilled] == [2, 2]


def test_locked_and_invited_pairs_are_kept_and_proposals_replaced(world, cast):
    run_assignment(actor=cast.staff, call=world["call"])
    locked = Assignment.objects.get(project=world["helix"], expert=world["free"])
    set_assignment_lock(actor=cast.staff, assignment=locked, is_locked=True)
    invited = Assignment.objects.filter(project=world["other"]).first()
    invited.state = "invited"
    invited.save(update_fields=["state"])
    proposed = set(
        Assignment.objects.filter(state="proposed", is_locked=False).values_list("pk", flat=True)
    )
    run_assignment(actor=cast.staff, call=world["call"])
    assert Assignment.objects.filter(pk=locked.pk, is_locked=True).exists()
    assert Assignment.objects.filter(pk=invited.pk, state="invited").exists()
    assert not Assignment.objects.filter(pk__in=proposed).exists()
    assert experts_of(world["helix"]) == {"Free", "Freetoo"}
    assert Assignment.objects.filter(project=world["other"]).count() == 3


@pytest.mark.parametrize("state", ["invited", "submitted"])
def test_an_expert_made_inactive_keeps_their_seat_and_nobody_is_added(world, cast, state):
    """Inactive experts get no new proposals, but what they were invited to stays theirs: the
    project still gets the call's three experts in all, not a fourth beside them."""
    run_assignment(actor=cast.staff, call=world["call"])
    kept = Assignment.objects.filter(project=world["other"]).order_by("pk").first()
    kept.state = state
    kept.save(update_fields=["state"])
    kept.expert.is_active = False
    kept.expert.save(update_fields=["is_active"])
    run_assignment(actor=cast.staff, call=world["call"])
    assert Assignment.objects.filter(pk=kept.pk, state=state).exists()
    assert Assignment.objects.filter(project=world["other"]).count() == 3
    problem = fetch_problem(world["call"])
    needed = {project.id: project.experts_needed for project in problem.instance.projects}
    assert needed[f"p{world['other'].pk}"] == 2


def test_a_locked_pair_that_became_a_conflict_stops_the_run(world, cast):
    AssignmentFactory(project=world["helix"], expert=world["free"], is_locked=True)
    DeclaredConflict.objects.create(expert=world["free"], project=world["helix"], reason="Friend")
    with pytest.raises(DomainError) as error:
        run_assignment(actor=cast.staff, call=world["call"])
    assert error.value.message.startswith("The assignment cannot run: ")
    assert Assignment.objects.count() == 1
    assert not AuditEntry.objects.filter(action="projects.call.experts_assigned").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "own",
            "Dr Own cannot evaluate HELIX: works for Helix Therapeutics SA, a partner of the "
            "consortium.",
        ),
        (
            "partner",
            "Dr Partner cannot evaluate HELIX: works for Partner Lab SA, a partner of the "
            "consortium.",
        ),
        (
            "declared_organisation",
            "Dr Declared cannot evaluate HELIX: declared a conflict with Partner Lab SA.",
        ),
        ("declared_project", "Dr Project cannot evaluate HELIX: declared a conflict with HELIX."),
    ],
)
def test_swap_to_a_conflicted_expert_is_refused(world, cast, name, message):
    assignment = AssignmentFactory(project=world["helix"], expert=world["free"])
    with pytest.raises(DomainError) as error:
        swap_expert(actor=cast.staff, assignment=assignment, expert=world[name])
    assert error.value.message == message
    assignment.refresh_from_db()
    assert assignment.expert == world["free"]
    assert assignment.is_locked is False


def test_swap_to_an_expert_at_capacity_is_refused(world, cast):
    world["free_too"].max_evaluations = 2
    world["free_too"].save(update_fields=["max_evaluations"])
    AssignmentFactory(expert=world["free_too"])
    AssignmentFactory(expert=world["free_too"], project=world["other"])
    assignment = AssignmentFactory(project=world["helix"], expert=world["free"])
    with pytest.raises(DomainError) as error:
        swap_expert(actor=cast.staff, assignment=assignment, expert=world["free_too"])
    assert error.value.message == "Dr Freetoo is at capacity: 2 of 2 evaluations this year."
    assert Assignment.objects.get(pk=assignment.pk).expert == world["free"]


def test_swap_to_an_expert_already_on_the_project_is_refused(world, cast):
    assignment = AssignmentFactory(project=world["helix"], expert=world["free"])
    AssignmentFactory(project=world["helix"], expert=world["free_too"])
    with pytest.raises(ConflictError) as error:
        swap_expert(actor=cast.staff, assignment=assignment, expert=world["free_too"])
    assert error.value.message == "Dr Freetoo is already assigned to HELIX."


def test_swap_replaces_the_expert_and_locks_the_pair(world, cast):
    assignment = AssignmentFactory(project=world["helix"], expert=world["free"], score=0.9)
    swapped = swap_expert(actor=cast.staff, assignment=assignment, expert=world["free_too"])
    assert (swapped.expert, swapped.is_locked) == (world["free_too"], True)
    entry = AuditEntry.objects.get(action="projects.assignment.swapped")
    assert entry.data == {
        "assignment": assignment.pk,
        "from": world["free"].pk,
        "to": world["free_too"].pk,
    }
    run_assignment(actor=cast.staff, call=world["call"])
    assert Assignment.objects.filter(pk=assignment.pk, expert=world["free_too"]).exists()


def test_an_invited_assignment_can_be_neither_swapped_nor_removed(world, cast):
    assignment = AssignmentFactory(project=world["helix"], expert=world["free"], state="invited")
    message = "The expert was already invited; only a proposed assignment can be changed."
    with pytest.raises(ConflictError) as error:
        swap_expert(actor=cast.staff, assignment=assignment, expert=world["free_too"])
    assert error.value.message == message
    with pytest.raises(ConflictError) as error:
        remove_assignment(actor=cast.staff, assignment=assignment)
    assert error.value.message == message
    assert Assignment.objects.filter(pk=assignment.pk, expert=world["free"]).exists()


def test_remove_deletes_a_proposal(world, cast):
    assignment = AssignmentFactory(project=world["helix"], expert=world["free"])
    remove_assignment(actor=cast.staff, assignment=assignment)
    assert Assignment.objects.count() == 0
    assert AuditEntry.objects.filter(action="projects.assignment.removed").count() == 1


def test_invite_emails_each_proposed_expert(world, cast, django_capture_on_commit_callbacks):
    first = AssignmentFactory(project=world["helix"], expert=world["free"])
    second = AssignmentFactory(project=world["other"], expert=world["free_too"])
    accepted = AssignmentFactory(project=world["other"], expert=world["own"], state="accepted")
    with django_capture_on_commit_callbacks(execute=True):
        assert invite_experts(actor=cast.staff, call=world["call"]) == 2
    assert set(Assignment.objects.values_list("pk", "state")) == {
        (first.pk, "invited"),
        (second.pk, "invited"),
        (accepted.pk, "accepted"),
    }
    assert sorted(message.subject for message in mail.outbox) == [
        "Invitation to evaluate HELIX",
        "Invitation to evaluate OTHER",
    ]
    helix_mail = next(message for message in mail.outbox if "HELIX" in message.subject)
    assert helix_mail.to == [world["free"].person.email]
    assert f"/projects/evaluations/{first.pk}/declaration/" in helix_mail.body
    assert "Helix Therapeutics" not in helix_mail.body


def test_the_instance_carries_organisations_capacity_and_locks(world, cast):
    AssignmentFactory(expert=world["free"])  # another call, this year
    locked = AssignmentFactory(project=world["helix"], expert=world["free_too"], is_locked=True)
    problem = fetch_problem(world["call"])
    experts = {expert.id: expert for expert in problem.instance.experts}
    assert experts[f"e{world['own'].pk}"].organisations == (f"o{cast.organisation.pk}",)
    assert experts[f"e{world['free'].pk}"].capacity == 4
    assert experts[f"e{world['free_too'].pk}"].capacity == 5
    projects = {project.id: project for project in problem.instance.projects}
    assert projects[f"p{world['helix'].pk}"].organisations == (
        f"o{cast.organisation.pk}",
        f"o{world['partner_lab'].pk}",
    )
    assert projects[f"p{world['helix'].pk}"].experts_needed == 3
    assert [(pair.expert, pair.project) for pair in problem.instance.locked] == [
        (f"e{locked.expert_id}", f"p{locked.project_id}")
    ]
    assert sorted((item.expert, item.project) for item in problem.instance.conflicts) == sorted(
        [
            (f"e{world['declared_organisation'].pk}", f"p{world['helix'].pk}"),
            (f"e{world['declared_project'].pk}", f"p{world['helix'].pk}"),
        ]
    )


def test_a_call_without_projects_or_experts_runs_empty(cast):
    call = CallFactory()
    assert run_assignment(actor=cast.staff, call=call).unfilled == []
    eligible_project(call, "ALONE", cast.organisation)
    result = run_assignment(actor=cast.staff, call=call)
    assert result.assigned == 0
    assert [item["reason"] for item in result.unfilled] == [
        "0 of 2 experts assigned: no expert is free of conflicts of interest"
    ]
