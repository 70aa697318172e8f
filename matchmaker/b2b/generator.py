"""Realistic partnering-event instances, deterministic by seed, for tests and benchmarks.

What makes them realistic, from what partnering events look like: popularity is heavy-tailed (a
few big-pharma business developers and investors are asked for far more meetings than they have
slots), people attend the whole event, one day or one half-day, a few companies have a booth (a
home table), about 5 % of meetings bring a colleague (3 participants), about 0.5 % are pinned,
and mutual requests weigh 2. Every meeting is valid: distinct participants of different
organizations with a common available slot; pinned meetings are jointly feasible.

Usage: python -m matchmaker.b2b.generator PRESET|PEOPLE,MEETINGS,SLOTS,TABLES -o OUT.json [--seed N]
"""

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from matchmaker.b2b.io import problem_to_dict
from matchmaker.b2b.model import Meeting, Participant, Problem, Slot, Table

# people, meetings, slots, tables
PRESETS: dict[str, tuple[int, int, int, int]] = {
    "cluster-day": (500, 300, 12, 30),
    "bio-europe": (4_300, 25_000, 48, 600),
    "bio-international": (18_000, 48_000, 64, 900),
    "oversubscribed": (2_000, 20_000, 24, 700),
}

SLOT_MINUTES = 30
FIRST_DAY = date(2026, 3, 16)
EVENT_ZONE = timezone(timedelta(hours=1))
HOT_SHARE = 0.02  # big-pharma business developers and investors
HOT_POPULARITY = 8.0  # how much more often they are asked than an ordinary person
POPULARITY_CAP = 30.0  # keeps the largest agendas at a few times the slot count
GROUP_SHARE = 0.05
PINNED_SHARE = 0.005
MUTUAL_SHARE = 0.15
CAPPED_SHARE = 0.25
ATTEMPTS_PER_MEETING = 50  # draws before giving up on a hard-to-fit request


@dataclass
class _Person:
    id: str
    organization: str
    half_days: int  # bit mask of the half-days attended
    popularity: float
    activity: float
    max_meetings: int | None = None
    table: str | None = None


def generate(people: int, meetings: int, slots: int, tables: int, seed: int = 0) -> Problem:
    """A partnering-event instance of that size; the same arguments give the same instance."""
    if people < 2 or meetings < 0 or slots < 1 or tables < 1:
        raise ValueError("need at least 2 people, 1 slot and 1 table, and meetings >= 0")
    rng = random.Random(seed)
    slot_list, half_day_of = _slots(slots)
    half_days = max(half_day_of) + 1
    cast = _people(rng, people, half_days, slots, tables)
    pairs = _requests(rng, cast, meetings)
    meeting_list = _meetings(rng, cast, pairs, slot_list, half_day_of, tables)
    by_half_day = [
        frozenset(s.id for s, h in zip(slot_list, half_day_of, strict=True) if h == half_day)
        for half_day in range(half_days)
    ]
    participants = tuple(
        Participant(
            id=person.id,
            organization=person.organization,
            available=_available(person.half_days, by_half_day),
            max_meetings=person.max_meetings,
            table=person.table,
        )
        for person in cast
    )
    return Problem(
        slots=tuple(slot_list),
        tables=tuple(Table(id=f"T{number:03d}") for number in range(1, tables + 1)),
        participants=participants,
        meetings=meeting_list,
        name=f"generated {people}x{meetings} on {slots} slots, {tables} tables, seed {seed}",
    )


def generate_preset(name: str, seed: int = 0) -> Problem:
    """The instance of a named preset (see PRESETS)."""
    return generate(*PRESETS[name], seed=seed)


def _slots(count: int) -> tuple[list[Slot], list[int]]:
    """Slots of 30 minutes in whole days of two half-days, and the half-day of each slot."""
    days = max(1, round(count / 16))
    half_days = 2 * days if count >= 2 * days else 1
    slots: list[Slot] = []
    half_day_of: list[int] = []
    for half_day in range(half_days):
        length = count // half_days + (1 if half_day < count % half_days else 0)
        day = FIRST_DAY + timedelta(days=half_day // 2)
        start = datetime(day.year, day.month, day.day, 9 if half_day % 2 == 0 else 14,
                         tzinfo=EVENT_ZONE)  # fmt: skip
        for index in range(length):
            begin = start + timedelta(minutes=SLOT_MINUTES * index)
            end = begin + timedelta(minutes=SLOT_MINUTES)
            slots.append(
                Slot(
                    id=f"d{half_day // 2 + 1}-{begin:%H%M}",
                    session=f"d{half_day // 2 + 1}-{'am' if half_day % 2 == 0 else 'pm'}",
                    start=begin.isoformat(),
                    end=end.isoformat(),
                )
            )
            half_day_of.append(half_day)
    return slots, half_day_of


def _attendance(rng: random.Random, half_days: int) -> int:
    """Most people stay the whole event; some come for one day, a few for one half-day."""
    everything = (1 << half_days) - 1
    draw = rng.random()
    if draw < 0.70 or half_days == 1:
        return everything
    if draw < 0.88 and half_days > 2:
        day = rng.randrange(half_days // 2)
        return 0b11 << (2 * day)
    return 1 << rng.randrange(half_days)


def _people(
    rng: random.Random, count: int, half_days: int, slots: int, tables: int
) -> list[_Person]:
    cast: list[_Person] = []
    organization = 0
    while len(cast) < count:
        organization += 1
        size = min(count - len(cast), rng.choice((1, 1, 1, 1, 2, 2, 3)))
        for _ in range(size):
            hot = rng.random() < HOT_SHARE
            cast.append(
                _Person(
                    id=f"p{len(cast) + 1:05d}",
                    organization=f"o{organization:05d}",
                    half_days=_attendance(rng, half_days) if not hot else (1 << half_days) - 1,
                    # Pareto tails: most people are asked a few times, some very often.
                    popularity=min(rng.paretovariate(1.5), POPULARITY_CAP)
                    * (HOT_POPULARITY if hot else 1.0),
                    activity=rng.paretovariate(2.5),
                )
            )
    for person in cast:
        if rng.random() < CAPPED_SHARE:
            person.max_meetings = rng.randint(max(1, slots // 4), max(1, slots * 3 // 4))
    _give_home_tables(rng, cast, tables)
    return cast


def _give_home_tables(rng: random.Random, cast: list[_Person], tables: int) -> None:
    """A few organizations (one in 15 tables) hold a booth: its people meet at its table."""
    booths = min(tables // 15, len(cast) // 20)
    owners = rng.sample(range(len(cast)), booths)
    for number, index in enumerate(sorted(owners), start=1):
        organization = cast[index].organization
        for person in cast:
            if person.organization == organization:
                person.table = f"T{number:03d}"


def _requests(rng: random.Random, cast: list[_Person], count: int) -> list[tuple[int, int]]:
    """Distinct pairs of people of different organizations who share an available half-day."""
    requester_weights = _cumulative([person.activity for person in cast])
    target_weights = _cumulative([person.popularity for person in cast])
    everyone = range(len(cast))
    seen: set[tuple[int, int]] = set()
    pairs: list[tuple[int, int]] = []
    for _ in range(count * ATTEMPTS_PER_MEETING):
        if len(pairs) == count:
            break
        asker = rng.choices(everyone, cum_weights=requester_weights)[0]
        asked = rng.choices(everyone, cum_weights=target_weights)[0]
        key = (min(asker, asked), max(asker, asked))
        first, second = cast[asker], cast[asked]
        if (
            key in seen
            or first.organization == second.organization
            or not first.half_days & second.half_days
        ):
            continue
        seen.add(key)
        pairs.append((asker, asked))
    return pairs


def _cumulative(weights: list[float]) -> list[float]:
    total = 0.0
    cumulative = []
    for weight in weights:
        total += weight
        cumulative.append(total)
    return cumulative


def _meetings(
    rng: random.Random,
    cast: list[_Person],
    pairs: list[tuple[int, int]],
    slots: list[Slot],
    half_day_of: list[int],
    tables: int,
) -> tuple[Meeting, ...]:
    colleagues: dict[str, list[int]] = {}
    for index, person in enumerate(cast):
        colleagues.setdefault(person.organization, []).append(index)
    pins = _PinBoard(cast, tables)
    meetings = []
    for number, (asker, asked) in enumerate(pairs, start=1):
        group = [asker, asked]
        if rng.random() < GROUP_SHARE:
            group += _colleague(rng, cast, colleagues, group)
        pinned = None
        if rng.random() < PINNED_SHARE:
            pinned = pins.place(rng, group, slots, half_day_of)
        meetings.append(
            Meeting(
                id=f"m{number:06d}",
                participants=tuple(cast[index].id for index in group),
                weight=2.0 if rng.random() < MUTUAL_SHARE else 1.0,
                slot=pinned,
            )
        )
    return tuple(meetings)


def _colleague(
    rng: random.Random, cast: list[_Person], colleagues: dict[str, list[int]], group: list[int]
) -> list[int]:
    """A colleague of either side who can attend with them, as a one-item list, or none."""
    common = cast[group[0]].half_days & cast[group[1]].half_days
    options = [
        index
        for side in group
        for index in colleagues[cast[side].organization]
        if index not in group and cast[index].half_days & common
    ]
    return [rng.choice(options)] if options else []


class _PinBoard:
    """Pinned meetings placed so far, so that the pins never contradict one another."""

    def __init__(self, cast: list[_Person], tables: int) -> None:
        self.cast = cast
        self.busy: set[tuple[int, int]] = set()  # (person, slot)
        self.count: dict[int, int] = {}  # person -> pinned meetings
        self.per_slot: dict[int, int] = {}
        self.home_busy: set[tuple[str, int]] = set()  # (home table, slot)
        self.free_tables = tables - len({p.table for p in cast if p.table})

    def place(
        self, rng: random.Random, group: list[int], slots: list[Slot], half_day_of: list[int]
    ) -> str | None:
        """A slot id that keeps all pins feasible for this meeting, or None."""
        people = [self.cast[index] for index in group]
        if any(p.max_meetings is not None and self.count.get(i, 0) >= p.max_meetings
               for i, p in zip(group, people, strict=True)):  # fmt: skip
            return None
        common = people[0].half_days
        for person in people[1:]:
            common &= person.half_days
        homes = sorted({p.table for p in people if p.table})
        candidates = [
            index
            for index, half_day in enumerate(half_day_of)
            if common >> half_day & 1
            and all((i, index) not in self.busy for i in group)
            and self._has_table(homes, index)
        ]
        if not candidates:
            return None
        index = rng.choice(candidates)
        for i in group:
            self.busy.add((i, index))
            self.count[i] = self.count.get(i, 0) + 1
        if homes:
            self.home_busy.add((next(h for h in homes if (h, index) not in self.home_busy), index))
        else:
            self.per_slot[index] = self.per_slot.get(index, 0) + 1
        return slots[index].id

    def _has_table(self, homes: list[str], index: int) -> bool:
        if homes:
            return any((home, index) not in self.home_busy for home in homes)
        return self.per_slot.get(index, 0) < self.free_tables


def _available(mask: int, by_half_day: list[frozenset[str]]) -> frozenset[str] | None:
    if mask == (1 << len(by_half_day)) - 1:
        return None
    return frozenset().union(*(s for h, s in enumerate(by_half_day) if mask >> h & 1))


def _size(text: str) -> tuple[int, int, int, int]:
    if text in PRESETS:
        return PRESETS[text]
    people, meetings, slots, tables = (int(part) for part in text.split(","))
    return people, meetings, slots, tables


def main(argv: list[str] | None = None) -> int:
    """Write a generated instance as b2b-instance/1 JSON."""
    parser = argparse.ArgumentParser(prog="python -m matchmaker.b2b.generator", description=__doc__)
    parser.add_argument("size", type=_size, help=f"one of {', '.join(PRESETS)} or P,M,S,T")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args(argv)
    people, meetings, slots, tables = arguments.size
    problem = generate(people, meetings, slots, tables, seed=arguments.seed)
    arguments.output.write_text(json.dumps(problem_to_dict(problem)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
