"""The second SAT solver in a child process, and the idle phase's lock-step rounds with it."""

import io
import pickle

import pytest

from matchmaker.b2b import problem_from_dict
from matchmaker.b2b.solver import idlesat
from matchmaker.b2b.solver.index import build_index
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
        ("add", [[1, 2], [-1]]),
        ("solve", [], 100),
        ("solve", [-2], 100),
        ("add", [[-2]]),
        ("solve", [], 100),
    )
    # A model; a refutation by the assumption (a core); a refutation by the clauses alone.
    assert answers == [(True, [-1, 2], False), (False, [], False), (False, [], True)]


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


@pytest.mark.parametrize("with_lane", [False, True])
def test_rounds_with_or_without_the_lane_reach_the_same_proved_optimum(monkeypatch, with_lane):
    index, placed = forced_breaks()
    opened: list[Lane] = []

    def open_lane(clauses: list[list[int]]) -> Lane | None:
        if not with_lane:
            return None
        opened.append(Lane(clauses))
        return opened[-1]

    monkeypatch.setattr(idlesat, "ROUND", 3)
    monkeypatch.setattr(idlesat, "open_lane", open_lane)
    first = idlesat.minimise_idle(index, placed, 5.0)
    again = idlesat.minimise_idle(index, placed, 5.0)
    assert (first.idle, first.is_proved) == (1, True)
    assert first.slot_of == again.slot_of
    # Each search opened its lane once (none without), and closed it.
    assert len(opened) == (2 if with_lane else 0)
    assert all(lane.process.returncode is not None for lane in opened)
