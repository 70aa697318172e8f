"""Consolidated scores of a project for the jury: pure arithmetic, no Django.

An evaluation's weighted score is Σ weight × score / Σ weight over the call's criteria; a
project's score is the mean of its submitted evaluations' weighted scores. The spread is the
population standard deviation (the experts who evaluated are the whole population, not a sample).
"""

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class CriterionSummary:
    criterion: int
    mean: float | None
    spread: float | None


@dataclass(frozen=True)
class ProjectSummary:
    weighted_mean: float | None
    spread: float | None  # of the evaluations' weighted scores
    evaluations: int
    criteria: tuple[CriterionSummary, ...]


def weighted_score(scores: Mapping[int, int], weights: Mapping[int, Decimal]) -> float | None:
    """Σ weight × score / Σ weight over the criteria; None without scores or weights."""
    total = sum((weights[criterion] for criterion in scores), start=Decimal(0))
    if not scores or total == 0:
        return None
    weighted = sum((weights[criterion] * value for criterion, value in scores.items()), Decimal(0))
    return float(weighted / total)


def mean_and_spread(values: Sequence[float]) -> tuple[float | None, float | None]:
    """The mean and the population standard deviation; None for no values."""
    if not values:
        return None, None
    return statistics.fmean(values), statistics.pstdev(values)


def summarise(
    evaluations: Sequence[Mapping[int, int]], weights: Mapping[int, Decimal]
) -> ProjectSummary:
    """A project's consolidated scores from its submitted evaluations (criterion → score)."""
    weighted = [
        score
        for score in (weighted_score(scores, weights) for scores in evaluations)
        if score is not None
    ]
    mean, spread = mean_and_spread(weighted)
    criteria = []
    for criterion in weights:
        values = [scores[criterion] for scores in evaluations if criterion in scores]
        criterion_mean, criterion_spread = mean_and_spread(values)
        criteria.append(CriterionSummary(criterion, criterion_mean, criterion_spread))
    return ProjectSummary(mean, spread, len(evaluations), tuple(criteria))
