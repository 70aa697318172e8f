"""The B2B scheduling problem and its schedule, as frozen dataclasses.

They mirror ../shared/specs/b2b-format.md (b2b-instance/1, b2b-solution/1) field for field;
`matchmaker.b2b.io` reads and writes the JSON form.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class IdleMeasure(StrEnum):
    SLOTS = "slots"  # empty slots between a participant's first and last meeting
    BREAKS = "breaks"  # maximal runs of empty slots


class IdleScope(StrEnum):
    SESSION = "session"
    ALL = "all"


class Status(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Slot:
    id: str
    session: str = ""
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Table:
    id: str


@dataclass(frozen=True)
class Participant:
    id: str
    organization: str | None = None
    available: frozenset[str] | None = None  # None: every slot
    max_meetings: int | None = None  # None: no cap
    table: str | None = None  # home table


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, ...]
    weight: float = 1.0
    slot: str | None = None  # pinned slot
    allowed_slots: frozenset[str] | None = None  # None: any slot


@dataclass(frozen=True)
class Objective:
    idle: IdleMeasure = IdleMeasure.SLOTS
    idle_scope: IdleScope = IdleScope.SESSION
    fairness: int | None = None
    schedule_all: bool = False


@dataclass(frozen=True)
class Problem:
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    objective: Objective = field(default_factory=Objective)
    name: str = ""


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: str


@dataclass(frozen=True)
class Unscheduled:
    meeting: str
    reason: str


@dataclass(frozen=True)
class Schedule:
    status: Status
    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...]
    upper_bound: float | None = None
    reason: str | None = None  # why the whole instance is infeasible, when it is
    stats: dict[str, float] = field(default_factory=dict, compare=False)
