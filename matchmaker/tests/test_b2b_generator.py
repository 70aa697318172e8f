import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from matchmaker.b2b.generator import PRESETS, generate, generate_preset, main
from matchmaker.b2b.io import problem_from_dict
from matchmaker.b2b.model import Problem
from matchmaker.b2b.validate import check_problem


@cache
def preset(name: str) -> Problem:
    """Each preset once per test run: problems are frozen, and the big ones take a second."""
    return generate_preset(name, seed=1)


def test_same_seed_gives_the_same_instance() -> None:
    assert generate(200, 150, 12, 10, seed=7) == generate(200, 150, 12, 10, seed=7)
    assert generate(200, 150, 12, 10, seed=7) != generate(200, 150, 12, 10, seed=8)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_have_their_exact_sizes_and_are_valid(name: str) -> None:
    problem = preset(name)
    people, meetings, slots, tables = PRESETS[name]
    assert len(problem.participants) == people
    assert len(problem.meetings) == meetings
    assert len(problem.slots) == slots
    assert len(problem.tables) == tables
    check_problem(problem)


def test_bio_europe_looks_like_a_partnering_event() -> None:
    problem = preset("bio-europe")
    meetings = problem.meetings
    per_person = Counter(person for m in meetings for person in m.participants)
    # Heavy tail: a few people are asked for far more meetings than the 48 slots.
    assert 10 <= sum(1 for count in per_person.values() if count > 48) <= 200
    assert max(per_person.values()) > 4 * 48
    assert 0.03 <= sum(len(m.participants) == 3 for m in meetings) / len(meetings) <= 0.06
    assert 0.002 <= sum(m.slot is not None for m in meetings) / len(meetings) <= 0.008
    assert {m.weight for m in meetings} == {1.0, 2.0}
    assert 0.1 <= sum(m.weight == 2.0 for m in meetings) / len(meetings) <= 0.2
    assert len({p.table for p in problem.participants if p.table}) == 40
    assert len({s.session for s in problem.slots}) == 6  # three days of two half-days
    partial = [p.available for p in problem.participants if p.available is not None]
    assert 0.2 <= len(partial) / len(problem.participants) <= 0.4
    assert {len(available) for available in partial} == {8, 16}  # a half-day or a day


def test_meetings_join_different_organizations_once() -> None:
    problem = preset("oversubscribed")
    organization = {p.id: p.organization for p in problem.participants}
    pairs = [m.participants[:2] for m in problem.meetings]
    assert all(organization[a] != organization[b] for a, b in pairs)
    assert len({frozenset(pair) for pair in pairs}) == len(pairs)


def test_pinned_meetings_fit_together() -> None:
    problem = preset("bio-international")
    people = {p.id: p for p in problem.participants}
    pinned = [m for m in problem.meetings if m.slot is not None]
    assert len(pinned) > 100
    seats = Counter((person, m.slot) for m in pinned for person in m.participants)
    assert max(seats.values()) == 1
    for meeting in pinned:
        for person in meeting.participants:
            available = people[person].available
            assert available is None or meeting.slot in available
    per_person = Counter(person for m in pinned for person in m.participants)
    assert all(
        people[p].max_meetings is None or count <= people[p].max_meetings
        for p, count in per_person.items()
    )


def test_group_meetings_bring_a_colleague_who_can_attend() -> None:
    problem = preset("bio-europe")
    people = {p.id: p for p in problem.participants}
    for meeting in (m for m in problem.meetings if len(m.participants) == 3):
        organizations = [people[p].organization for p in meeting.participants]
        assert len(set(organizations)) == 2
        open_slots = {s.id for s in problem.slots}
        for person in meeting.participants:
            open_slots &= people[person].available or open_slots
        assert open_slots


def test_command_writes_a_readable_instance(tmp_path: Path) -> None:
    output = tmp_path / "day.json"
    assert main(["cluster-day", "--seed", "4", "-o", str(output)]) == 0
    assert problem_from_dict(json.loads(output.read_text())) == generate_preset("cluster-day", 4)
