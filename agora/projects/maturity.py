"""Maturity levels from the criteria a project meets: the counting rule, comparison and gaps.

Pure computation over the scale in agora.projects.maturity_scale; no Django. A level counts only
when every one of its criteria is met and every lower level counts too, so a dimension's level
is the length of the unbroken run of complete levels from level 1. See
docs/algorithms/maturity-diagnosis.md.
"""

from collections.abc import Iterable, Mapping

from agora.projects.maturity_scale import DIMENSION_CODES, Criterion, get_dimension

Profile = dict[str, int]


def level(dimension: str, met_codes: Iterable[str]) -> int:
    """The highest level L of the dimension such that every criterion of levels 1..L is met."""
    met = set(met_codes)
    reached = 0
    for step in get_dimension(dimension).levels:
        if any(criterion.code not in met for criterion in step.criteria):
            break
        reached = step.number
    return reached


def profile(met_codes: Iterable[str]) -> Profile:
    """The level of every dimension, in the scale's order (0 where level 1 is not complete)."""
    met = set(met_codes)
    return {dimension: level(dimension, met) for dimension in DIMENSION_CODES}


def compare(previous: Mapping[str, int], current: Mapping[str, int]) -> dict[str, int]:
    """Per dimension, the current level minus the previous one (negative when it went down)."""
    return {
        dimension: current.get(dimension, 0) - previous.get(dimension, 0)
        for dimension in DIMENSION_CODES
    }


def gaps(current: Mapping[str, int], targets: Mapping[str, int]) -> dict[str, int]:
    """Per dimension with a target, the levels still to climb (0 once the target is reached)."""
    return {
        dimension: max(targets[dimension] - current.get(dimension, 0), 0)
        for dimension in DIMENSION_CODES
        if dimension in targets
    }


def missing_for_next(dimension: str, met_codes: Iterable[str]) -> tuple[Criterion, ...]:
    """The unmet criteria of the lowest incomplete level: what stands before the next level."""
    met = set(met_codes)
    for step in get_dimension(dimension).levels:
        missing = tuple(criterion for criterion in step.criteria if criterion.code not in met)
        if missing:
            return missing
    return ()
