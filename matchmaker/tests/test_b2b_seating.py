from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchmaker.b2b import problem_from_dict
from matchmaker.b2b.generator import generate
from matchmaker.b2b.solver.index import Index, build_index
from matchmaker.b2b.solver.multicut import agenda_pairs, minimum_cut
from matchmaker.b2b.solver.quick import quick_slots
from matchmaker.b2b.solver.seating import seat_meetings
from matchmaker.tests.b2b_helpers import instance


def pinned(slots: int, tables: int, meetings: list, at: list[int], **options) -> Index:
    """An index whose meetings are pinned to the slots in `at`."""
    data = instance(slots, tables, meetings, **options)
    for meeting, t in zip(data["meetings"], at, strict=True):
        meeting["slot"] = f"s{t}"
    return build_index(problem_from_dict(data))


def changes(index: Index, slot_of: dict[int, int], table_of: dict[int, int]) -> int:
    return sum(table_of[a] != table_of[b] for a, b in agenda_pairs(index, slot_of))


def test_two_partners_met_in_one_slot_cannot_both_stay_seated():
    # p0 and p2 meet each other in s1 after meeting p1 and p3 at two tables in s0.
    index = pinned(2, 2, [(0, 1), (2, 3), (0, 2)], [0, 0, 1])
    slot_of = {0: 0, 1: 0, 2: 1}
    assert minimum_cut(index, slot_of, 5.0).bound == 1
    seating = seat_meetings(index, slot_of, {}, time_limit=5.0, seed=0)
    assert (seating.changes, seating.bound) == (1, 1)


def test_a_chain_of_meetings_stays_at_one_table():
    index = pinned(3, 2, [(0, 1), (1, 2), (2, 3)], [0, 1, 2])
    seating = seat_meetings(index, {0: 0, 1: 1, 2: 2}, {}, time_limit=5.0, seed=0)
    assert (seating.changes, seating.bound) == (0, 0)
    assert len(set(seating.table_of.values())) == 1


def test_a_booth_meeting_then_a_free_table_is_a_forced_change():
    # p0 owns the booth T0, where p1 meets p0 before meeting p2 at a free table.
    booth = {0: {"organization": "o0", "table": "T0"}}
    index = pinned(2, 3, [(0, 1), (1, 2)], [0, 1], extra_people=booth)
    seating = seat_meetings(index, {0: 0, 1: 1}, {}, time_limit=5.0, seed=0)
    assert (seating.changes, seating.bound) == (1, 1)
    assert seating.table_of == {0: 0, 1: 1}


def test_the_seating_of_a_generated_event_is_reproducible():
    index = build_index(generate(120, 80, 8, 12, seed=3))
    found = quick_slots(index)
    assert found is not None
    first = seat_meetings(index, found.slot_of, {}, time_limit=5.0, seed=0)
    second = seat_meetings(index, found.slot_of, {}, time_limit=5.0, seed=0)
    assert first == second
    assert first.bound is not None
    assert first.bound <= first.changes


@st.composite
def seatings(draw):
    """Per slot, up to `tables` meetings between disjoint pairs of 6 people; maybe a booth."""
    slots = draw(st.integers(2, 3))
    tables = draw(st.integers(2, 3))
    meetings, at = [], []
    for t in range(slots):
        order = draw(st.permutations(range(6)))
        count = draw(st.integers(1, tables))
        meetings += [(order[2 * i], order[2 * i + 1]) for i in range(count)]
        at += [t] * count
    booth = {0: {"organization": "o0", "table": "T0"}} if draw(st.booleans()) else {}
    return slots, tables, meetings, at, booth


def fits_the_tables(index: Index, slot_of: dict[int, int]) -> bool:
    """Whether each slot has no more free-table meetings than free tables (the slot phase's
    guarantee; people meet at most once per slot by construction, a booth owner too)."""
    per_slot = [t for m, t in slot_of.items() if not index.homes[m]]
    return all(per_slot.count(t) <= len(index.free_tables) for t in set(per_slot))


def _choices(index: Index, meetings: list[int]):
    return product(*[index.homes[m] or index.free_tables for m in meetings])


def _valid(index: Index, slot_of: dict[int, int], table_of: dict[int, int]) -> bool:
    used = [(table_of[m], slot_of[m]) for m in table_of]
    return len(used) == len(set(used))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seatings())
def test_the_bound_never_exceeds_the_best_seating_and_the_seating_is_valid(case):
    slots, tables, meetings, at, booth = case
    index = pinned(slots, tables, meetings, at, people=6, extra_people=booth)
    slot_of = dict(enumerate(at))
    if not fits_the_tables(index, slot_of):
        return
    meetings_all = sorted(slot_of)
    best = min(
        changes(index, slot_of, dict(zip(meetings_all, choice, strict=True)))
        for choice in _choices(index, meetings_all)
        if _valid(index, slot_of, dict(zip(meetings_all, choice, strict=True)))
    )
    seating = seat_meetings(index, slot_of, {}, time_limit=5.0, seed=0)
    assert sorted(seating.table_of) == meetings_all
    assert _valid(index, slot_of, seating.table_of)
    assert all(seating.table_of[m] in (index.homes[m] or index.free_tables) for m in slot_of)
    assert seating.changes == changes(index, slot_of, seating.table_of)
    assert seating.bound is not None
    assert seating.bound <= best <= seating.changes
