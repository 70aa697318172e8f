"""Semantic checks of an expert-assignment instance, raising InstanceError on the first fault."""

import math
from collections import Counter
from collections.abc import Iterable

from matchmaker.assignment.model import Instance, InstanceError


def check_instance(instance: Instance) -> None:
    """Raise InstanceError naming the first item that makes the instance unsolvable as given."""
    experts = {expert.id: expert for expert in instance.experts}
    projects = {project.id: project for project in instance.projects}
    _check_unique("expert", (expert.id for expert in instance.experts))
    _check_unique("project", (project.id for project in instance.projects))
    for expert in instance.experts:
        if expert.capacity < 0:
            raise InstanceError(f"expert {expert.id}: negative capacity {expert.capacity}")
    for project in instance.projects:
        if project.experts_needed < 0:
            raise InstanceError(
                f"project {project.id}: negative experts_needed {project.experts_needed}"
            )
    for kind, items in (
        ("affinity", instance.affinities),
        ("conflict", instance.conflicts),
        ("locked pair", instance.locked),
    ):
        for item in items:
            if item.expert not in experts:
                raise InstanceError(f"{kind} {item.expert} -> {item.project}: unknown expert")
            if item.project not in projects:
                raise InstanceError(f"{kind} {item.expert} -> {item.project}: unknown project")
    _check_affinities(instance)
    _check_locked(instance)


def _check_unique(kind: str, ids: Iterable[str]) -> None:
    for item_id, count in Counter(ids).items():
        if count > 1:
            raise InstanceError(f"duplicate {kind} id {item_id!r}")


def _check_affinities(instance: Instance) -> None:
    seen: set[tuple[str, str]] = set()
    for affinity in instance.affinities:
        pair = (affinity.expert, affinity.project)
        if not (math.isfinite(affinity.score) and 0.0 <= affinity.score <= 1.0):
            raise InstanceError(
                f"affinity {pair[0]} -> {pair[1]}: score {affinity.score} outside [0, 1]"
            )
        if pair in seen:
            raise InstanceError(f"affinity {pair[0]} -> {pair[1]} given twice")
        seen.add(pair)


def _check_locked(instance: Instance) -> None:
    experts = {expert.id: expert for expert in instance.experts}
    projects = {project.id: project for project in instance.projects}
    declared = {(conflict.expert, conflict.project) for conflict in instance.conflicts}
    seen: set[tuple[str, str]] = set()
    for lock in instance.locked:
        pair = (lock.expert, lock.project)
        name = f"locked pair {lock.expert} -> {lock.project}"
        if pair in seen:
            raise InstanceError(f"{name} given twice")
        seen.add(pair)
        if pair in declared:
            raise InstanceError(f"{name} is a declared conflict")
        shared = set(experts[lock.expert].organisations) & set(projects[lock.project].organisations)
        if shared:
            raise InstanceError(f"{name} is a conflict: shares organisation {sorted(shared)}")
    for expert_id, count in Counter(lock.expert for lock in instance.locked).items():
        if count > experts[expert_id].capacity:
            raise InstanceError(
                f"expert {expert_id}: {count} locked pairs exceed capacity "
                f"{experts[expert_id].capacity}"
            )
    for project_id, count in Counter(lock.project for lock in instance.locked).items():
        if count > projects[project_id].experts_needed:
            raise InstanceError(
                f"project {project_id}: {count} locked pairs exceed experts_needed "
                f"{projects[project_id].experts_needed}"
            )
