"""Assign experts to projects: fewest missing assignments first, then the highest total score.

A maximum flow of minimum cost on the network source -> expert (capacity) -> project (one arc
per pair free of conflicts, capacity 1, cost -score) -> sink (experts needed). The constraint
matrix is a network matrix, so the optimum is integral; docs/algorithms/expert-assignment.md
gives the model, the bound and the limits.
"""

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
from ortools.graph.python import min_cost_flow

from matchmaker.assignment.model import (
    Assignment,
    Instance,
    LockedPair,
    Solution,
    Unfilled,
)
from matchmaker.assignment.validate import check_instance

# Scores become integer costs (the flow solver is exact on integers). Rounding moves each
# arc's score by at most 0.5 / SCALE; upper_bound adds the largest such move back, per
# assignment, so it stays a proven bound for the true scores.
SCALE = 10**8
# Margin for the float product score * SCALE, far above its error and far below one cost unit.
_PRODUCT_MARGIN = 1e-6


class SolveTimeoutError(TimeoutError):
    """The time limit ran out before the flow could be solved."""


@dataclass(frozen=True)
class _Arrays:
    """The instance as index arrays: rows are projects, columns experts."""

    conflict: np.ndarray  # bool, declared or shared organisation
    score: np.ndarray  # float64, 0 where the instance gives no affinity
    locked: np.ndarray  # bool
    capacity: np.ndarray  # int64, original capacity of each expert
    needed: np.ndarray  # int64, original experts_needed of each project


def assign(instance: Instance, *, time_limit: float = 30.0) -> Solution:
    """Return an optimal assignment: fewest missing assignments, then the highest total score.

    Raises InstanceError when the instance is inconsistent, and SolveTimeoutError when preparing
    the network alone used up `time_limit` seconds (the flow solve itself is not interruptible).
    """
    started = time.monotonic()
    if not time_limit > 0:
        raise ValueError(f"time_limit must be positive, not {time_limit}")
    check_instance(instance)
    arrays = _arrays(instance)
    rest_capacity = arrays.capacity - arrays.locked.sum(axis=0)
    rest_needed = arrays.needed - arrays.locked.sum(axis=1)
    usable = ~arrays.conflict & ~arrays.locked
    usable &= (rest_needed[:, None] > 0) & (rest_capacity[None, :] > 0)
    projects, experts = np.nonzero(usable)  # row-major: a fixed order, so a fixed result
    scaled = arrays.score[projects, experts] * SCALE
    costs = -np.rint(scaled).astype(np.int64)
    rounding = float(np.max(scaled + costs, initial=0.0)) + _PRODUCT_MARGIN
    if time.monotonic() - started > time_limit:
        raise SolveTimeoutError(f"time limit of {time_limit} s reached while building the network")
    flows, optimal_cost = _solve_flow(experts, projects, costs, rest_capacity, rest_needed)
    chosen = arrays.locked.copy()
    chosen[projects[flows > 0], experts[flows > 0]] = True
    bound = (-optimal_cost + rounding * int(flows.sum())) / SCALE
    return _solution(instance, arrays, chosen, bound)


def lock_pairs(instance: Instance, pairs: Iterable[tuple[str, str]]) -> Instance:
    """Return the instance with these (expert, project) pairs added to its locked pairs."""
    locked = list(instance.locked)
    seen = {(lock.expert, lock.project) for lock in locked}
    for expert, project in pairs:
        if (expert, project) not in seen:
            seen.add((expert, project))
            locked.append(LockedPair(expert, project))
    return replace(instance, locked=tuple(locked))


def assign_rest(
    instance: Instance, keep: Iterable[tuple[str, str]], *, time_limit: float = 30.0
) -> Solution:
    """Keep these (expert, project) pairs and the locked ones fixed, re-optimise all others."""
    return assign(lock_pairs(instance, keep), time_limit=time_limit)


def _arrays(instance: Instance) -> _Arrays:
    expert_index = {expert.id: i for i, expert in enumerate(instance.experts)}
    project_index = {project.id: i for i, project in enumerate(instance.projects)}
    shape = (len(instance.projects), len(instance.experts))
    experts_of: dict[str, list[int]] = {}
    for i, expert in enumerate(instance.experts):
        for organisation in set(expert.organisations):
            experts_of.setdefault(organisation, []).append(i)
    conflict = np.zeros(shape, dtype=bool)
    for row, project in enumerate(instance.projects):
        for organisation in set(project.organisations):
            conflict[row, experts_of.get(organisation, [])] = True
    for item in instance.conflicts:
        conflict[project_index[item.project], expert_index[item.expert]] = True
    score = np.zeros(shape, dtype=np.float64)
    for affinity in instance.affinities:
        score[project_index[affinity.project], expert_index[affinity.expert]] = affinity.score
    locked = np.zeros(shape, dtype=bool)
    for lock in instance.locked:
        locked[project_index[lock.project], expert_index[lock.expert]] = True
    return _Arrays(
        conflict=conflict,
        score=score,
        locked=locked,
        capacity=np.array([e.capacity for e in instance.experts], dtype=np.int64),
        needed=np.array([p.experts_needed for p in instance.projects], dtype=np.int64),
    )


def _solve_flow(
    experts: np.ndarray,
    projects: np.ndarray,
    costs: np.ndarray,
    capacity: np.ndarray,
    needed: np.ndarray,
) -> tuple[np.ndarray, int]:
    """Return the flow on each pair arc and the optimal cost of a maximum flow."""
    n_experts, n_projects = len(capacity), len(needed)
    source, sink = n_experts + n_projects, n_experts + n_projects + 1
    graph = min_cost_flow.SimpleMinCostFlow()
    expert_nodes = np.arange(n_experts, dtype=np.int32)
    project_nodes = np.arange(n_experts, n_experts + n_projects, dtype=np.int32)
    graph.add_arcs_with_capacity_and_unit_cost(
        np.full(n_experts, source, dtype=np.int32),
        expert_nodes,
        np.maximum(capacity, 0),
        np.zeros(n_experts, dtype=np.int64),
    )
    pair_arcs = graph.add_arcs_with_capacity_and_unit_cost(
        experts.astype(np.int32),
        (projects + n_experts).astype(np.int32),
        np.ones(len(experts), dtype=np.int64),
        costs,
    )
    graph.add_arcs_with_capacity_and_unit_cost(
        project_nodes,
        np.full(n_projects, sink, dtype=np.int32),
        np.maximum(needed, 0),
        np.zeros(n_projects, dtype=np.int64),
    )
    supply = int(np.maximum(capacity, 0).sum())
    graph.set_node_supply(source, supply)
    graph.set_node_supply(sink, -supply)
    status = graph.solve_max_flow_with_min_cost()
    if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:
        raise RuntimeError(f"min-cost flow solver returned {status!r}")
    return np.asarray(graph.flows(np.asarray(pair_arcs, dtype=np.int32))), graph.optimal_cost()


def _solution(instance: Instance, arrays: _Arrays, chosen: np.ndarray, bound: float) -> Solution:
    rows, columns = np.nonzero(chosen)
    assignments = tuple(
        Assignment(
            expert=instance.experts[column].id,
            project=instance.projects[row].id,
            score=float(arrays.score[row, column]),
        )
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True)
    )
    locked_score = math.fsum(arrays.score[arrays.locked].tolist())
    return Solution(
        assignments=assignments,
        unfilled=_unfilled(instance, arrays, chosen),
        total_score=math.fsum(a.score for a in assignments),
        upper_bound=locked_score + bound,
    )


def _unfilled(instance: Instance, arrays: _Arrays, chosen: np.ndarray) -> tuple[Unfilled, ...]:
    got = chosen.sum(axis=1)
    free = (~arrays.conflict).sum(axis=1)
    free_with_capacity = (~arrays.conflict & (arrays.capacity[None, :] > 0)).sum(axis=1)
    unfilled = []
    for row in np.nonzero(got < arrays.needed)[0].tolist():
        need, has = int(arrays.needed[row]), int(got[row])
        unfilled.append(
            Unfilled(
                project=instance.projects[row].id,
                missing=need - has,
                reason=f"{has} of {need} experts assigned: "
                + _reason(need, has, int(free[row]), int(free_with_capacity[row])),
            )
        )
    return tuple(unfilled)


def _reason(need: int, has: int, free: int, free_with_capacity: int) -> str:
    """Explain a shortfall; a maximum flow leaves no eligible expert with spare capacity idle."""
    if free == 0:
        return "no expert is free of conflicts of interest"
    if free < need:
        return f"only {_experts(free)} free of conflicts of interest"
    if free_with_capacity == 0:
        return f"none of the {_experts(free)} free of conflicts has capacity"
    if free_with_capacity < need:
        verb = "has" if free_with_capacity == 1 else "have"
        return (
            f"only {free_with_capacity} of the {_experts(free)} free of conflicts {verb} capacity"
        )
    others = free_with_capacity - has
    return f"all {_experts(others)} free of conflicts and not assigned here are at capacity"


def _experts(count: int) -> str:
    return f"{count} expert" if count == 1 else f"{count} experts"
