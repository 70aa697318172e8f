import json
from collections import Counter
from pathlib import Path

import pytest

from matchmaker.b2b.dzn import DznError, load_dzn, main, problem_from_dzn
from matchmaker.b2b.io import problem_from_dict
from matchmaker.b2b.model import IdleMeasure, IdleScope

ANCHORS = Path("/work/shared/anchors/b2b")

# P, M, T, L and Δ of the anchors README table.
ORIGINAL_SIZES = {
    "forum-13": (70, 154, 21, 14, 15),
    "forum-13crafb": (76, 195, 22, 14, 18),
    "forum-13crafc": (70, 154, 21, 12, 15),
    "forum-14": (78, 302, 22, 22, 22),
    "forumt-14": (60, 237, 10, 27, 10),
    "forumt-14crafc": (60, 237, 10, 25, 10),
    "forumt-14crafd": (60, 236, 10, 25, 10),
    "forumt-14crafe": (60, 236, 10, 24, 10),
    "tic-12": (42, 125, 8, 21, 8),
    "tic-12crafc": (42, 125, 8, 16, 8),
    "tic-13": (47, 180, 10, 21, 10),
    "tic-13crafb": (46, 184, 10, 21, 10),
    "tic-13crafc": (47, 180, 10, 19, 10),
    "tic-14crafa": (60, 237, 10, 27, 10),
    "tic-14crafc": (60, 237, 10, 25, 10),
    "tic-14crafd": (60, 236, 10, 25, 10),
    "ticf-13crafa": (70, 154, 21, 14, 15),
    "ticf-13crafb": (76, 195, 22, 14, 18),
    "ticf-13crafc": (70, 154, 21, 12, 15),
    "ticf-14crafa": (78, 302, 22, 22, 22),
}

SMALL = """
nBusiness = 3; nMeetings = 2; nTables = 1; nTotalSlots = 4; nMorningSlots = 2;
requested = [|1, 2, 1, |2, 3, 3, |];
meetingsxBusiness = [{1,2}, {1,2,3}, {1,3}];  % ids plus one
forbidden = [{0}, {0,4}, {}];
fixed = [0, 3];
precedences = [{}, {}];
"""


@pytest.mark.parametrize("name", sorted(ORIGINAL_SIZES))
def test_original_sizes_match_the_published_table(name: str) -> None:
    problem = load_dzn(ANCHORS / "original" / f"{name}.original.dzn")
    per_person = Counter(person for m in problem.meetings for person in m.participants)
    sizes = (
        len(problem.participants),
        len(problem.meetings),
        len(problem.slots),
        len(problem.tables),
        max(per_person.values()),
    )
    assert sizes == ORIGINAL_SIZES[name]
    assert problem.name == f"{name}.original"


def test_benchmark_objective_is_breaks_over_the_day_with_fairness_two() -> None:
    objective = load_dzn(ANCHORS / "original" / "tic-12.original.dzn").objective
    assert objective.idle is IdleMeasure.BREAKS
    assert objective.idle_scope is IdleScope.ALL
    assert objective.fairness == 2
    assert objective.schedule_all is True


def test_morning_and_afternoon_meetings_get_their_half_day() -> None:
    problem = load_dzn(ANCHORS / "original" / "forum-13.original.dzn")
    assert [s.session for s in problem.slots] == ["am"] * 13 + ["pm"] * 8
    first, tenth, eleventh = problem.meetings[0], problem.meetings[9], problem.meetings[10]
    assert first.participants == ("p001", "p002")
    assert first.allowed_slots == frozenset(f"s{t:02d}" for t in range(1, 14))
    assert tenth.participants == ("p006", "p026")
    assert tenth.allowed_slots == frozenset(f"s{t:02d}" for t in range(14, 22))
    assert eleventh.allowed_slots is None


def test_a_day_without_afternoon_is_one_session() -> None:
    problem = load_dzn(ANCHORS / "original" / "tic-12.original.dzn")
    assert {s.session for s in problem.slots} == {"day"}
    assert all(m.allowed_slots is None for m in problem.meetings)
    assert len(problem.tables) == 21
    assert len({t.id for t in problem.tables}) == 21


def test_forbidden_slots_become_the_complement_of_available() -> None:
    original = load_dzn(ANCHORS / "original" / "forum-13.original.dzn")
    assert original.participants[0].available is None  # {0} is only the sentinel
    assert original.participants[2].available == frozenset(
        f"s{t:02d}" for t in range(1, 22) if t != 17
    )
    crafted = load_dzn(ANCHORS / "forbidden" / "tic-12.forb0003.dzn")
    assert crafted.participants[0].available == frozenset(
        f"s{t:02d}" for t in (1, 2, 3, 5, 6, 7, 8)
    )


def test_fixed_meetings_are_pinned() -> None:
    problem = load_dzn(ANCHORS / "fixed" / "tic-12.fixed020-Forb.dzn")
    assert problem.meetings[0].slot is None
    assert problem.meetings[1].slot == "s04"
    assert problem.meetings[5].slot == "s08"
    assert sum(1 for m in problem.meetings if m.slot) == 25


def test_every_forbidden_and_fixed_file_loads() -> None:
    files = sorted((ANCHORS / "forbidden").glob("*.dzn")) + sorted(
        (ANCHORS / "fixed").glob("*.dzn")
    )
    assert len(files) == 80
    assert all(load_dzn(path).meetings for path in files)


def test_precedences_are_refused_with_their_count() -> None:
    path = ANCHORS / "precedences" / "tic-12.prec15.dzn"
    with pytest.raises(DznError, match=r"tic-12.prec15.dzn: 24 precedences"):
        load_dzn(path)
    assert len(load_dzn(path, ignore_precedences=True).meetings) == 125


def test_small_file_maps_every_field() -> None:
    problem = problem_from_dzn(SMALL, name="small")
    assert [p.available for p in problem.participants] == [
        None,
        frozenset({"s01", "s02", "s03"}),
        None,
    ]
    assert problem.meetings[0].allowed_slots == frozenset({"s01", "s02"})
    assert problem.meetings[1].allowed_slots is None
    assert problem.meetings[1].slot == "s03"
    assert [t.id for t in problem.tables] == ["L01"]


def test_meetings_by_business_must_agree_with_requested() -> None:
    broken = SMALL.replace("{1,3}]", "{1,2}]")
    with pytest.raises(DznError, match="meetingsxBusiness of participant 3"):
        problem_from_dzn(broken)


def test_out_of_range_participant_is_named() -> None:
    broken = SMALL.replace("|2, 3, 3, |", "|2, 4, 3, |")
    with pytest.raises(DznError, match=r"meeting 2: participant out of 1\.\.3"):
        problem_from_dzn(broken.replace("meetingsxBusiness", "unused"))


def test_command_writes_an_instance_that_reads_back_equal(tmp_path: Path) -> None:
    source = ANCHORS / "fixed" / "forum-13.fixed020-Forb.dzn"
    output = tmp_path / "forum-13.json"
    assert main([str(source), "-o", str(output)]) == 0
    assert problem_from_dict(json.loads(output.read_text())) == load_dzn(source)


def test_command_refuses_precedences_without_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.json"
    source = ANCHORS / "precedences" / "forum-13.prec15.dzn"
    assert main([str(source), "-o", str(output)]) == 2
    assert "precedences" in capsys.readouterr().err
    assert not output.exists()
