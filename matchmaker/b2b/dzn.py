"""Read the published B2B benchmark (Bofill et al., MiniZinc `.dzn`) as a `Problem`.

The mapping follows ../shared/anchors/b2b/README.md and the last section of the exchange format:
every meeting must be scheduled, breaks are counted over the whole day, fairness d = 2, one
session per half-day, per-meeting sessions become `allowed_slots`, forbidden slots the complement
of `available`, fixed slots `slot`, and `nTables` interchangeable tables. Precedences have no
field in our format, so files that use them are refused unless the caller accepts to drop them.

Usage: python -m matchmaker.b2b.dzn FILE.dzn -o OUT.json [--ignore-precedences]
"""

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matchmaker.b2b.io import ProblemError, problem_to_dict
from matchmaker.b2b.model import (
    IdleMeasure,
    IdleScope,
    Meeting,
    Objective,
    Participant,
    Problem,
    Slot,
    Table,
)

BENCHMARK_OBJECTIVE = Objective(
    idle=IdleMeasure.BREAKS, idle_scope=IdleScope.ALL, fairness=2, schedule_all=True
)
MORNING, AFTERNOON, EITHER = 1, 2, 3


class DznError(ProblemError):
    """A `.dzn` file that is malformed, inconsistent or uses what our format cannot express."""


@dataclass(frozen=True)
class _Fields:
    businesses: int
    tables: int
    slots: int
    morning_slots: int | None
    requested: list[list[int]]
    forbidden: list[frozenset[int]]
    fixed: list[int]
    meetings_by_business: list[frozenset[int]] | None
    precedences: list[frozenset[int]] | None


def slot_id(number: int) -> str:
    """Our id of the benchmark's 1-based slot `number`."""
    return f"s{number:02d}"


def participant_id(number: int) -> str:
    """Our id of the benchmark's 1-based participant `number`."""
    return f"p{number:03d}"


def meeting_id(number: int) -> str:
    """Our id of the benchmark's 1-based meeting `number`."""
    return f"m{number:03d}"


def parse_dzn(text: str) -> dict[str, Any]:
    """Parse the assignments `name = value;` of a MiniZinc data file (ints, arrays, sets)."""
    text = re.sub(r"%[^\n]*", "", text)
    values: dict[str, Any] = {}
    for statement in text.split(";"):
        if not statement.strip():
            continue
        name, equals, expression = statement.partition("=")
        name = name.strip()
        if not equals or not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise DznError(f"cannot read the statement {statement.strip()[:60]!r}")
        values[name] = _parse_value(name, expression.strip())
    return values


def _parse_value(name: str, expression: str) -> Any:
    try:
        if expression.startswith("[|"):
            rows = expression[2:].rstrip("]").rstrip().rstrip("|").split("|")
            return [_integers(row) for row in rows if row.strip()]
        if expression.startswith("["):
            inner = expression[1:-1]
            if "{" in inner:
                return [frozenset(_integers(body)) for body in re.findall(r"\{([^}]*)\}", inner)]
            return _integers(inner)
        return int(expression)
    except ValueError as error:
        raise DznError(f"{name}: cannot read {expression[:60]!r} ({error})") from error


def _integers(text: str) -> list[int]:
    return [int(part) for part in text.replace("\n", " ").split(",") if part.strip()]


def _fields(values: dict[str, Any]) -> _Fields:
    missing = sorted(
        {"nBusiness", "nTables", "nTotalSlots", "requested", "forbidden", "fixed"} - set(values)
    )
    if missing:
        raise DznError(f"missing field(s): {', '.join(missing)}")
    return _Fields(
        businesses=_typed(values, "nBusiness", int),
        tables=_typed(values, "nTables", int),
        slots=_typed(values, "nTotalSlots", int),
        morning_slots=_typed(values, "nMorningSlots", int) if "nMorningSlots" in values else None,
        requested=_typed(values, "requested", list),
        forbidden=_typed(values, "forbidden", list),
        fixed=_typed(values, "fixed", list),
        meetings_by_business=_typed(values, "meetingsxBusiness", list, optional=True),
        precedences=_typed(values, "precedences", list, optional=True),
    )


def _typed(values: dict[str, Any], name: str, kind: type, *, optional: bool = False) -> Any:
    if optional and name not in values:
        return None
    value = values[name]
    if not isinstance(value, kind):
        raise DznError(f"{name}: expected {kind.__name__}, found {value!r:.60}")
    return value


def _sessions(fields: _Fields) -> tuple[tuple[Slot, ...], dict[int, frozenset[str] | None]]:
    """The slots with their half-day session, and the `allowed_slots` of each session code."""
    morning = fields.morning_slots
    if morning is None or morning >= fields.slots:
        # One session only (tic-*, forumt-*): the session codes restrict nothing.
        slots = tuple(Slot(id=slot_id(t), session="day") for t in range(1, fields.slots + 1))
        return slots, {MORNING: None, AFTERNOON: None, EITHER: None}
    slots = tuple(
        Slot(id=slot_id(t), session="am" if t <= morning else "pm")
        for t in range(1, fields.slots + 1)
    )
    return slots, {
        MORNING: frozenset(slot.id for slot in slots if slot.session == "am"),
        AFTERNOON: frozenset(slot.id for slot in slots if slot.session == "pm"),
        EITHER: None,
    }


def _participants(fields: _Fields) -> tuple[Participant, ...]:
    if len(fields.forbidden) != fields.businesses:
        raise DznError(f"forbidden has {len(fields.forbidden)} sets for {fields.businesses}")
    every_slot = set(range(1, fields.slots + 1))
    participants = []
    for number, forbidden in enumerate(fields.forbidden, start=1):
        forbidden = forbidden - {0}  # 0 is the files' sentinel for "no forbidden slot"
        if not forbidden <= every_slot:
            raise DznError(
                f"participant {number}: forbidden slots {sorted(forbidden)} out of range"
            )
        available = None
        if forbidden:
            available = frozenset(slot_id(t) for t in sorted(every_slot - forbidden))
        participants.append(Participant(id=participant_id(number), available=available))
    return tuple(participants)


def _meetings(fields: _Fields, allowed: dict[int, frozenset[str] | None]) -> tuple[Meeting, ...]:
    if len(fields.fixed) != len(fields.requested):
        raise DznError(
            f"fixed has {len(fields.fixed)} entries for {len(fields.requested)} meetings"
        )
    meetings = []
    pairs = zip(fields.requested, fields.fixed, strict=True)
    for number, (row, fixed) in enumerate(pairs, start=1):
        if len(row) != 3 or row[2] not in allowed:
            raise DznError(f"requested row {number}: expected [p1, p2, session 1-3], found {row}")
        first, second, session = row
        if not (1 <= first <= fields.businesses and 1 <= second <= fields.businesses):
            raise DznError(f"meeting {number}: participant out of 1..{fields.businesses}")
        if first == second or not 0 <= fixed <= fields.slots:
            raise DznError(f"meeting {number}: same participant twice or fixed slot {fixed}")
        meetings.append(
            Meeting(
                id=meeting_id(number),
                participants=(participant_id(first), participant_id(second)),
                slot=slot_id(fixed) if fixed else None,
                allowed_slots=allowed[session],
            )
        )
    return tuple(meetings)


def _check_consistency(fields: _Fields, declared: dict[str, Any]) -> None:
    """Refuse a file whose redundant fields disagree with `requested`."""
    meetings = declared.get("nMeetings")
    if meetings is not None and meetings != len(fields.requested):
        raise DznError(f"nMeetings = {meetings} but requested has {len(fields.requested)} rows")
    if fields.meetings_by_business is None:
        return
    expected: list[set[int]] = [set() for _ in range(fields.businesses)]
    for number, row in enumerate(fields.requested, start=1):
        for business in row[:2]:
            expected[business - 1].add(number)
    if len(fields.meetings_by_business) != fields.businesses:
        raise DznError(f"meetingsxBusiness has {len(fields.meetings_by_business)} sets")
    for business, (listed, wanted) in enumerate(
        zip(fields.meetings_by_business, expected, strict=True), start=1
    ):
        # The files list meeting ids plus one, with 1 standing for "no meeting".
        if {number - 1 for number in listed} - {0} != wanted:
            raise DznError(f"meetingsxBusiness of participant {business} disagrees with requested")


def _check_precedences(fields: _Fields, ignore_precedences: bool) -> None:
    count = sum(len(before) for before in fields.precedences or [])
    if count and not ignore_precedences:
        raise DznError(
            f"{count} precedences between meetings: the b2b-instance/1 format cannot express them "
            "(--ignore-precedences drops them; the published optimum then no longer applies)"
        )


def problem_from_dzn(text: str, *, name: str = "", ignore_precedences: bool = False) -> Problem:
    """Build the `Problem` of a benchmark `.dzn` text; raise `DznError` when it is not one."""
    values = parse_dzn(text)
    fields = _fields(values)
    _check_consistency(fields, values)
    _check_precedences(fields, ignore_precedences)
    slots, allowed = _sessions(fields)
    return Problem(
        slots=slots,
        tables=tuple(Table(id=f"L{number:02d}") for number in range(1, fields.tables + 1)),
        participants=_participants(fields),
        meetings=_meetings(fields, allowed),
        objective=BENCHMARK_OBJECTIVE,
        name=name,
    )


def load_dzn(path: str | Path, *, ignore_precedences: bool = False) -> Problem:
    """Read a benchmark `.dzn` file as a `Problem` named after the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DznError(f"cannot read {path}: {error}") from error
    try:
        return problem_from_dzn(
            text, name=path.name.removesuffix(".dzn"), ignore_precedences=ignore_precedences
        )
    except DznError as error:
        raise DznError(f"{path.name}: {error}") from error


def main(argv: list[str] | None = None) -> int:
    """Convert one `.dzn` file to a b2b-instance/1 JSON file."""
    parser = argparse.ArgumentParser(prog="python -m matchmaker.b2b.dzn", description=__doc__)
    parser.add_argument("dzn", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--ignore-precedences", action="store_true")
    arguments = parser.parse_args(argv)
    try:
        problem = load_dzn(arguments.dzn, ignore_precedences=arguments.ignore_precedences)
    except DznError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    arguments.output.write_text(json.dumps(problem_to_dict(problem), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
