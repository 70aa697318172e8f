"""The expert-assignment problem and its solution, as frozen dataclasses.

They mirror ../shared/specs/assignment-format.md (assignment-instance/1, assignment-solution/1)
field for field; `matchmaker.assignment.io` reads and writes the JSON form.
"""

from dataclasses import dataclass


class InstanceError(ValueError):
    """An instance that cannot be solved as given; the message names the offending item."""


@dataclass(frozen=True)
class Expert:
    id: str
    organisations: tuple[str, ...] = ()
    capacity: int = 1  # the most projects this expert takes


@dataclass(frozen=True)
class Project:
    id: str
    organisations: tuple[str, ...] = ()  # the consortium
    experts_needed: int = 1


@dataclass(frozen=True)
class Affinity:
    expert: str
    project: str
    score: float  # in [0, 1]; a pair absent from the instance scores 0


@dataclass(frozen=True)
class Conflict:
    expert: str
    project: str
    reason: str = "declared"


@dataclass(frozen=True)
class LockedPair:
    expert: str
    project: str


@dataclass(frozen=True)
class Instance:
    experts: tuple[Expert, ...]
    projects: tuple[Project, ...]
    affinities: tuple[Affinity, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    locked: tuple[LockedPair, ...] = ()


@dataclass(frozen=True)
class Assignment:
    expert: str
    project: str
    score: float


@dataclass(frozen=True)
class Unfilled:
    project: str
    missing: int
    reason: str


@dataclass(frozen=True)
class Solution:
    assignments: tuple[Assignment, ...]
    unfilled: tuple[Unfilled, ...]
    total_score: float
    # Proven upper bound on the total score of any feasible solution with as few missing
    # assignments as this one (see docs/algorithms/expert-assignment.md).
    upper_bound: float

    @property
    def missing(self) -> int:
        """Number of expert places left empty over all projects."""
        return sum(item.missing for item in self.unfilled)
