import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from matchmaker.assignment.io import instance_to_dict, solution_to_dict
from matchmaker.assignment.model import (
    Affinity,
    Conflict,
    Expert,
    Instance,
    LockedPair,
    Project,
)
from matchmaker.assignment.solver import assign, assign_rest, lock_pairs

CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "assignment_check.py"
ORGANISATIONS = ("o1", "o2", "o3")
SMALL = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def is_conflict(expert, project, declared):
    shared = set(expert.organisations) & set(project.organisations)
    return bool(shared) or (expert.id, project.id) in declared


@st.composite
def instances(draw):
    """Small random instances; scores are tenths so the cross-check can work in integers."""
    experts = [
        Expert(
            f"e{i}",
            tuple(draw(st.sets(st.sampled_from(ORGANISATIONS), max_size=1))),
            draw(st.integers(0, 3)),
        )
        for i in range(draw(st.integers(1, 5)))
    ]
    projects = [
        Project(
            f"p{i}",
            tuple(draw(st.sets(st.sampled_from(ORGANISATIONS), max_size=2))),
            draw(st.integers(0, 3)),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    all_pairs = [(e.id, p.id) for e in experts for p in projects]
    scored = draw(st.sets(st.sampled_from(all_pairs), max_size=len(all_pairs)))
    affinities = [Affinity(e, p, draw(st.integers(0, 10)) / 10) for e, p in sorted(scored)]
    declared = draw(st.sets(st.sampled_from(all_pairs), max_size=3))
    wanted = draw(st.sets(st.sampled_from(all_pairs), max_size=3))
    return Instance(
        experts=tuple(experts),
        projects=tuple(projects),
        affinities=tuple(affinities),
        conflicts=tuple(Conflict(e, p) for e, p in sorted(declared)),
        locked=locks_that_fit(experts, projects, sorted(wanted), declared),
    )


def locks_that_fit(experts, projects, wanted, declared):
    """Keep the wanted locked pairs that are no conflict and fit capacities and needs."""
    expert_of = {e.id: e for e in experts}
    project_of = {p.id: p for p in projects}
    load = dict.fromkeys(expert_of, 0)
    filled = dict.fromkeys(project_of, 0)
    locked = []
    for e, p in wanted:
        expert, project = expert_of[e], project_of[p]
        if is_conflict(expert, project, declared):
            continue
        if load[e] < expert.capacity and filled[p] < project.experts_needed:
            load[e] += 1
            filled[p] += 1
            locked.append(LockedPair(e, p))
    return tuple(locked)


def lexicographic_optimum(instance):
    """Return (missing, total score in tenths) of the best solution, found by CP-SAT."""
    model = cp_model.CpModel()
    declared = {(c.expert, c.project) for c in instance.conflicts}
    tenths = {(a.expert, a.project): round(a.score * 10) for a in instance.affinities}
    chosen = {
        (e.id, p.id): model.new_bool_var(f"{e.id}-{p.id}")
        for e in instance.experts
        for p in instance.projects
        if not is_conflict(e, p, declared)
    }
    for e in instance.experts:
        model.add(sum(v for (ei, _), v in chosen.items() if ei == e.id) <= e.capacity)
    for p in instance.projects:
        model.add(sum(v for (_, pi), v in chosen.items() if pi == p.id) <= p.experts_needed)
    for lock in instance.locked:
        model.add(chosen[(lock.expert, lock.project)] == 1)
    weight = 10 * len(chosen) + 1  # one more place filled outweighs any score difference
    model.maximize(sum((weight + tenths.get(pair, 0)) * v for pair, v in chosen.items()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(model) == cp_model.OPTIMAL
    placed = sum(solver.value(v) for v in chosen.values())
    score = sum(tenths.get(pair, 0) * solver.value(v) for pair, v in chosen.items())
    return sum(p.experts_needed for p in instance.projects) - placed, score


@pytest.mark.skipif(not CHECKER.exists(), reason="the shared checker is not next to the repository")
# Fewer examples here: each one starts the checker in a new Python process.
@settings(SMALL, max_examples=25)
@given(instance=instances())
def test_every_solution_passes_the_independent_checker(instance, tmp_path):
    solution = assign(instance)
    instance_path, solution_path = tmp_path / "instance.json", tmp_path / "solution.json"
    instance_path.write_text(json.dumps(instance_to_dict(instance)), encoding="utf-8")
    solution_path.write_text(json.dumps(solution_to_dict(solution)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CHECKER), str(instance_path), str(solution_path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    figures = json.loads(result.stdout)
    assert figures["missing"] == solution.missing
    assert figures["total_score"] == pytest.approx(solution.total_score, abs=1e-6)


@SMALL
@given(instance=instances())
def test_the_solution_matches_an_independent_lexicographic_optimum(instance):
    solution = assign(instance)
    missing, tenths = lexicographic_optimum(instance)
    assert solution.missing == missing
    assert solution.total_score == pytest.approx(tenths / 10, abs=1e-9)
    assert solution.total_score - 1e-9 <= solution.upper_bound <= solution.total_score + 1e-6


@SMALL
@given(instance=instances(), data=st.data())
def test_assign_rest_keeps_the_pairs_and_is_optimal_for_the_rest(instance, data):
    first = assign(instance)
    chosen = [(a.expert, a.project) for a in first.assignments]
    flags = data.draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
    keep = {pair for pair, kept in zip(chosen, flags, strict=True) if kept}
    solution = assign_rest(instance, sorted(keep))
    assert keep <= {(a.expert, a.project) for a in solution.assignments}
    missing, tenths = lexicographic_optimum(lock_pairs(instance, sorted(keep)))
    assert solution.missing == missing == first.missing
    assert solution.total_score == pytest.approx(tenths / 10, abs=1e-9)
