"""The second SAT solver in a child process, and the idle phase's lock-step rounds with it."""

import io
import pickle

import pytest
from pysat.solvers import Solver

from matchmaker.b2b import problem_from_dict
from matchmaker.b2b.solver import idlesat, satformula
from matchmaker.b2b.solver.index import build_index
from matchmaker.b2b.solver.satformula import build_formula
from matchmaker.b2b.solver.satlane import LOST, Lane, serve
from matchmaker.tests.b2b_helpers import instance


def run_serve(*messages: tuple) -> list[tuple]:
    source, sink = io.BytesIO(), io.BytesIO()
    for message in messages:
        pickle.dump(message, source)
    source.seek(0)
    serve(source, sink)
    sink.seek(0)
    answers = []
    while sink.tell() < len(sink.getvalue()):
        answers.append(pickle.load(sink))
    return answers


def test_the_child_loop_answers_each_round_with_model_and_core():
    answers = run_serve(
        ("start", [[1, 2], [-1]], [[]]),
        ("solve", [], 100, 0),
        ("solve", [-2], 100, 0),
        ("add", [[-2]]),
        ("solve", [], 100, 0),
    )
    # A model; a refutation by the assumption (a core); a refutation by the clauses alone.
    assert answers == [(True, [-1, 2], False), (False, [], False), (False, [], True)]


def test_the_child_searches_for_any_model_on_a_solver_of_its_own():
    answers = run_serve(
        ("start", [[1, 2], [-1]], [[]]),
        ("any", 100),
        ("add", [[-2, 3]]),
        ("solve", [-3], 100, 0),
    )
    # Any model, with the conflicts it cost; the lane's own solver then has every clause.
    assert answers == [(True, [-1, 2], 0), (False, [], False)]


def test_the_child_solvers_share_some_clauses_and_keep_their_own():
    answers = run_serve(
        ("start", [[1, 2]], [[[-1]], [[-2]]]),
        ("any", 100),
        ("solve", [], 100, 0),
        ("solve", [], 100, 1),
    )
    # The first schedule is searched on the last solver's clauses.
    assert answers == [(True, [1, -2], 0), (True, [-1, 2], False), (True, [1, -2], False)]


def test_clauses_added_while_the_first_schedule_is_searched_wait_for_its_answer():
    # A model of 30,000 variables and 60,000 clauses added meanwhile: each is larger than a
    # pipe holds, so a parent that wrote them at once would wait for a child that waits to
    # write its answer.
    chain = [[-v, v + 1] for v in range(1, 30_000)]
    lane = Lane([[1], *chain])
    assert lane.start_any(1_000) is True
    assert lane.add([[v, 30_001] for v in range(1, 60_001)]) is True
    answer, model, used = lane.finish_any()
    assert (answer, len(model), model[:2], used) == (True, 30_000, [1, 2], 0)
    # The clauses held went to the child after its answer: 30,001 is now forced.
    assert lane.start([-30_001], 100) is True
    assert lane.finish() == (False, [], False)
    lane.close()


def test_a_lane_solves_in_a_child_process_and_stops_when_closed():
    lane = Lane([[1, 2], [-1]])
    assert lane.start([], 100) is True
    assert lane.finish() == (True, [-1, 2], False)
    lane.close()
    assert lane.process.returncode is not None


def test_a_lane_whose_child_died_answers_lost():
    lane = Lane([[1, 2]])
    lane.process.kill()
    lane.process.wait()
    started = lane.start([], 100)
    answer = lane.finish()[0] if started else LOST
    lane.close()
    assert answer == LOST


def forced_breaks() -> tuple:
    # Five people who all meet each other (K5): five slots at least, one person missing from
    # each, and the search proves that one break is the least.
    pairs = [(a, b) for a in range(5) for b in range(a + 1, 5)]
    data = instance(10, 2, pairs, objective={"idle": "breaks", "idle_scope": "all"})
    index = build_index(problem_from_dict(data))
    return index, set(range(index.meeting_count))


@pytest.mark.parametrize("lane", ["none", "from a second round", "from the start"])
def test_rounds_with_or_without_the_lane_reach_the_same_proved_optimum(monkeypatch, lane):
    index, placed = forced_breaks()
    opened: list[Lane] = []

    def open_lane(clauses: list[list[int]], caps: list | None = None) -> Lane | None:
        if lane == "none":
            return None
        opened.append(Lane(clauses, caps))
        return opened[-1]

    monkeypatch.setattr(idlesat, "ROUND", 3)
    monkeypatch.setattr(idlesat, "open_lane", open_lane)
    if lane != "from a second round":
        # Without a lane, one that fails to open at the start: the parent searches alone.
        monkeypatch.setattr(idlesat, "EARLY_LANE_CLAUSES", 0)
    first = idlesat.minimise_idle(index, placed, 5.0)
    again = idlesat.minimise_idle(index, placed, 5.0)
    assert (first.idle, first.is_proved) == (1, True)
    assert first.slot_of == again.slot_of
    # Each search opened a lane (none without), and closed every one it opened.
    assert (len(opened) > 0) is (lane != "none")
    assert all(lane.process.returncode is not None for lane in opened)


def test_the_lane_first_schedule_stands_in_when_the_decisions_run_out(monkeypatch):
    index, placed = forced_breaks()
    monkeypatch.setattr(idlesat, "EARLY_LANE_CLAUSES", 0)
    # No decision answers within its budget: the schedule is the lane's first one, not proved.
    monkeypatch.setattr(idlesat._Search, "climb", lambda _self, low, _share: (None, [], low))
    monkeypatch.setattr(idlesat._Search, "decide", lambda *_args, **_kwargs: (None, []))
    result = idlesat.minimise_idle(index, placed, 5.0)
    assert result.slot_of is not None
    assert len(result.slot_of) == len(placed)
    assert result.is_proved is False
    assert result.idle == idlesat.idle_of(index, result.slot_of)


def _slot_sets(clauses: list[list[int]], formula) -> set[tuple]:
    """Every placement the clauses allow (auxiliary variables projected away)."""
    found = set()
    with Solver(name="cadical195", bootstrap_with=clauses) as solver:
        while solver.solve():
            slots = formula.slots_of(solver.get_model())
            found.add(tuple(sorted(slots.items())))
            solver.add_clause([-formula.x[m, t] for m, t in slots.items()])
    return found


def _own_and_lane_schedules(data: dict) -> tuple:
    """The formula of every meeting of the instance, and the placements that its own clauses
    and the lane's encoding allow."""
    index = build_index(problem_from_dict(data))
    formula = build_formula(index, set(range(index.meeting_count)))
    common, caps = formula.lane_parts
    assert caps is not None
    return formula, _slot_sets(formula.clauses, formula), _slot_sets(common + caps[1], formula)


@pytest.mark.parametrize("booth", [False, True])
def test_the_lane_formula_has_the_same_schedules_as_the_parent(booth):
    # Four meetings on a cycle of four people. One table and four slots: one meeting per
    # slot, 4! schedules. With p0's booth and a free table in three slots: the cycle m0-m2-
    # m1-m3 coloured in three slots, 18 schedules, and the lane keeps the table caps, which
    # the busy cap no longer implies.
    pairs = [(0, 1), (2, 3), (0, 2), (1, 3)]
    extra = {0: {"table": "T0"}} if booth else None
    data = instance(3 if booth else 4, 2 if booth else 1, pairs, extra_people=extra)
    formula, own, lane = _own_and_lane_schedules(data)
    assert own == lane
    assert len(own) == (18 if booth else 24)
    # The lane leaves out the parent's busy caps, and its table caps without a booth.
    assert len(formula.own_caps) == (1 if booth else 2)


def test_sessions_cut_the_day_where_the_session_changes():
    data = instance(5, 1, [(0, 1)])
    for slot, session in zip(data["slots"], ["am", "am", "pm", "pm", "am"], strict=True):
        slot["session"] = session
    assert satformula._session_cuts(build_index(problem_from_dict(data))) == [2, 4]


def test_the_lane_formula_with_a_lunch_cut_has_the_same_schedules_as_the_parent():
    # Two morning and two afternoon slots, one table; p0 meets p1 in the morning only, p2 and
    # p3 in either session, and p1 meets p2: the lane counts p0's and p1's morning meetings.
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2)]
    data = instance(4, 1, pairs)
    for slot, session in zip(data["slots"], ["am", "am", "pm", "pm"], strict=True):
        slot["session"] = session
    data["meetings"][0]["allowed_slots"] = ["s0", "s1"]
    _formula, own, lane = _own_and_lane_schedules(data)
    assert own == lane
    # m0 in s0 or s1, and the other three in the three slots left: 2 x 3! schedules.
    assert len(own) == 12


def climbing_search() -> idlesat._Search:
    """A search on K5, ready to climb from 0 breaks; its lane opens at a decision's second
    round."""
    index, placed = forced_breaks()
    formula = build_formula(index, placed)
    return idlesat._Search(formula, 0, 5.0, [])


def test_a_cheap_refutation_sends_the_lane_two_units_above_it():
    with climbing_search() as search:
        assert search.climb(0, idlesat.UP_SHARE) == (False, [], 1)
        assert search.ahead == 2


def test_the_lane_finds_a_schedule_above_the_bound_the_parent_decides(monkeypatch):
    # The parent's own rounds never answer: the lane, one break above its bound, finds the
    # optimum (1 break), then helps at the parent's bound and refutes 0 breaks.
    monkeypatch.setattr(idlesat, "ROUND", 50)
    monkeypatch.setattr(idlesat._Search, "_own_round", lambda _self, _a, budget: (None, [], budget))
    with climbing_search() as search:
        assert search.climb(0, idlesat.UP_SHARE) == (False, [], 1)
        assert search.found is not None
        assert search.found.idle == 1
        assert search.best(None) == search.found
