import pytest

from matchmaker.assignment.model import (
    Affinity,
    Conflict,
    Expert,
    Instance,
    InstanceError,
    LockedPair,
    Project,
)
from matchmaker.assignment.solver import SolveTimeoutError, assign, assign_rest, lock_pairs


def pairs(solution):
    return {(a.expert, a.project) for a in solution.assignments}


def affinities(scores):
    return tuple(Affinity(e, p, s) for (e, p), s in scores.items())


def test_it_prefers_the_best_total_over_the_greedy_choice():
    instance = Instance(
        experts=(Expert("e1"), Expert("e2")),
        projects=(Project("p1"), Project("p2")),
        affinities=affinities(
            {("e1", "p1"): 0.9, ("e1", "p2"): 0.8, ("e2", "p1"): 0.85, ("e2", "p2"): 0.1}
        ),
    )
    solution = assign(instance)
    assert pairs(solution) == {("e1", "p2"), ("e2", "p1")}
    assert solution.total_score == pytest.approx(1.65, abs=1e-12)
    assert solution.unfilled == ()


def test_it_fills_every_place_before_raising_the_score():
    # Giving e1 to p1 scores 1.0 but leaves p2 without anyone: coverage comes first.
    instance = Instance(
        experts=(Expert("e1"), Expert("e2")),
        projects=(Project("p1"), Project("p2")),
        affinities=affinities({("e1", "p1"): 1.0}),
        conflicts=(Conflict("e2", "p2"),),
    )
    solution = assign(instance)
    assert pairs(solution) == {("e1", "p2"), ("e2", "p1")}
    assert solution.total_score == 0.0
    assert solution.missing == 0


def test_it_uses_pairs_without_affinity_when_nothing_better_fits():
    instance = Instance(experts=(Expert("e1"),), projects=(Project("p1"),))
    solution = assign(instance)
    assert [(a.expert, a.project, a.score) for a in solution.assignments] == [("e1", "p1", 0.0)]


def test_it_never_assigns_an_expert_sharing_an_organisation():
    instance = Instance(
        experts=(Expert("e1", organisations=("o1",)), Expert("e2")),
        projects=(Project("p1", organisations=("o2", "o1")),),
        affinities=affinities({("e1", "p1"): 1.0, ("e2", "p1"): 0.2}),
    )
    assert pairs(assign(instance)) == {("e2", "p1")}


def test_it_never_assigns_a_declared_conflict():
    instance = Instance(
        experts=(Expert("e1"), Expert("e2")),
        projects=(Project("p1"),),
        affinities=affinities({("e1", "p1"): 1.0, ("e2", "p1"): 0.2}),
        conflicts=(Conflict("e1", "p1", "co-author"),),
    )
    assert pairs(assign(instance)) == {("e2", "p1")}


def test_it_keeps_a_locked_pair_and_counts_it_against_capacity():
    instance = Instance(
        experts=(Expert("e1"), Expert("e2")),
        projects=(Project("p1"), Project("p2")),
        affinities=affinities({("e1", "p1"): 0.9, ("e1", "p2"): 0.1, ("e2", "p1"): 0.3}),
        locked=(LockedPair("e1", "p2"),),
    )
    solution = assign(instance)
    assert pairs(solution) == {("e1", "p2"), ("e2", "p1")}
    assert solution.total_score == pytest.approx(0.4, abs=1e-12)


def test_it_gives_an_expert_no_more_projects_than_capacity():
    instance = Instance(
        experts=(Expert("star", capacity=2), Expert("e2", capacity=5)),
        projects=(Project("p1"), Project("p2"), Project("p3")),
        affinities=affinities({("star", "p1"): 0.9, ("star", "p2"): 0.8, ("star", "p3"): 0.7}),
    )
    solution = assign(instance)
    assert pairs(solution) == {("star", "p1"), ("star", "p2"), ("e2", "p3")}


def test_it_gives_a_project_at_most_the_experts_needed():
    instance = Instance(
        experts=tuple(Expert(f"e{i}") for i in range(5)),
        projects=(Project("p1", experts_needed=3), Project("p0", experts_needed=0)),
    )
    solution = assign(instance)
    assert sorted(a.project for a in solution.assignments) == ["p1", "p1", "p1"]


def test_it_explains_a_project_with_too_few_experts_free_of_conflicts():
    instance = Instance(
        experts=(Expert("e1", organisations=("o1",)), Expert("e2"), Expert("e3")),
        projects=(Project("p1", organisations=("o1",), experts_needed=3),),
    )
    solution = assign(instance)
    assert [(u.project, u.missing, u.reason) for u in solution.unfilled] == [
        ("p1", 1, "2 of 3 experts assigned: only 2 experts free of conflicts of interest")
    ]


def test_it_explains_a_project_whose_eligible_experts_have_no_capacity():
    instance = Instance(
        experts=(Expert("e1", capacity=0), Expert("e2", capacity=0)),
        projects=(Project("p1", experts_needed=1),),
    )
    assert assign(instance).unfilled[0].reason == (
        "0 of 1 experts assigned: none of the 2 experts free of conflicts has capacity"
    )


def test_it_explains_a_project_whose_eligible_experts_are_taken_elsewhere():
    # e1 and e2 can only serve p1 or p2; p2 is locked to both, p1 also wants them.
    instance = Instance(
        experts=(Expert("e1"), Expert("e2"), Expert("e3", organisations=("o1",))),
        projects=(Project("p1", organisations=("o1",)), Project("p2", experts_needed=2)),
        locked=(LockedPair("e1", "p2"), LockedPair("e2", "p2")),
    )
    solution = assign(instance)
    assert [(u.project, u.missing, u.reason) for u in solution.unfilled] == [
        (
            "p1",
            1,
            "0 of 1 experts assigned: "
            "all 2 experts free of conflicts and not assigned here are at capacity",
        )
    ]


def test_the_upper_bound_is_the_optimum_when_every_place_is_filled():
    instance = Instance(
        experts=(Expert("e1", capacity=2), Expert("e2", capacity=2)),
        projects=(Project("p1", experts_needed=2), Project("p2")),
        affinities=affinities({("e1", "p1"): 0.123456789, ("e2", "p2"): 1 / 3}),
    )
    solution = assign(instance)
    assert solution.total_score == pytest.approx(0.123456789 + 1 / 3, abs=1e-12)
    assert solution.total_score <= solution.upper_bound <= solution.total_score + 1e-8


def test_it_returns_the_same_solution_twice():
    instance = Instance(
        experts=tuple(Expert(f"e{i}", capacity=2) for i in range(6)),
        projects=tuple(Project(f"p{i}", experts_needed=2) for i in range(5)),
    )
    assert assign(instance) == assign(instance)


def test_it_solves_an_empty_instance():
    solution = assign(Instance(experts=(), projects=()))
    assert (solution.assignments, solution.unfilled, solution.total_score) == ((), (), 0.0)


def test_assign_rest_keeps_the_given_pairs_and_reoptimises_the_others():
    instance = Instance(
        experts=(Expert("e1"), Expert("e2"), Expert("e3")),
        projects=(Project("p1"), Project("p2")),
        affinities=affinities({("e1", "p1"): 0.9, ("e2", "p2"): 0.9, ("e3", "p1"): 0.5}),
    )
    declined = Instance(
        experts=instance.experts,
        projects=instance.projects,
        affinities=instance.affinities,
        conflicts=(Conflict("e1", "p1", "declined"),),
    )
    solution = assign_rest(declined, [("e2", "p2")])
    assert pairs(solution) == {("e2", "p2"), ("e3", "p1")}


def test_lock_pairs_adds_each_pair_once():
    instance = Instance(
        experts=(Expert("e1"),), projects=(Project("p1"),), locked=(LockedPair("e1", "p1"),)
    )
    assert lock_pairs(instance, [("e1", "p1"), ("e1", "p1")]).locked == (LockedPair("e1", "p1"),)


def test_assign_rest_refuses_to_keep_a_pair_that_became_a_conflict():
    instance = Instance(
        experts=(Expert("e1"),), projects=(Project("p1"),), conflicts=(Conflict("e1", "p1"),)
    )
    with pytest.raises(InstanceError, match="locked pair e1 -> p1 is a declared conflict"):
        assign_rest(instance, [("e1", "p1")])


def test_a_time_limit_spent_before_the_solve_is_an_error():
    instance = Instance(experts=(Expert("e1"),), projects=(Project("p1"),))
    with pytest.raises(SolveTimeoutError, match="time limit of 1e-09 s reached"):
        assign(instance, time_limit=1e-9)


def test_a_time_limit_must_be_positive():
    with pytest.raises(ValueError, match="time_limit must be positive, not 0"):
        assign(Instance(experts=(), projects=()), time_limit=0)


def test_assign_checks_an_instance_built_in_code():
    instance = Instance(experts=(Expert("e1", capacity=-1),), projects=())
    with pytest.raises(InstanceError, match="expert e1: negative capacity -1"):
        assign(instance)


def test_it_explains_a_project_with_no_expert_free_of_conflicts():
    instance = Instance(
        experts=(Expert("e1", organisations=("o1",)), Expert("e2")),
        projects=(Project("p1", organisations=("o1",), experts_needed=2),),
        conflicts=(Conflict("e2", "p1"),),
    )
    assert assign(instance).unfilled[0].reason == (
        "0 of 2 experts assigned: no expert is free of conflicts of interest"
    )


def test_it_explains_a_project_with_fewer_experts_with_capacity_than_needed():
    instance = Instance(
        experts=(Expert("e1"), Expert("e2", capacity=0), Expert("e3", capacity=0)),
        projects=(Project("p1", experts_needed=2),),
    )
    assert assign(instance).unfilled[0].reason == (
        "1 of 2 experts assigned: only 1 of the 3 experts free of conflicts has capacity"
    )
