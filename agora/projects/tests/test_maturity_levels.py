"""The counting rule: a level counts when all its criteria and all lower levels are met."""

from hypothesis import given
from hypothesis import strategies as st

from agora.projects.maturity import compare, gaps, level, missing_for_next, profile
from agora.projects.maturity_scale import CRITERIA, get_dimension


def codes_up_to(dimension: str, last_level: int) -> set[str]:
    return {
        criterion.code
        for criterion in get_dimension(dimension).criteria
        if criterion.level <= last_level
    }


def test_nothing_met_is_level_zero():
    assert level("TECH", []) == 0
    assert profile([]) == {
        "TECH": 0,
        "MARKET": 0,
        "BUSINESS": 0,
        "IP": 0,
        "TEAM": 0,
        "FUNDING": 0,
        "REG": 0,
    }


def test_a_level_counts_only_when_all_its_criteria_are_met():
    assert level("TECH", ["TECH-1-1"]) == 0
    assert level("TECH", ["TECH-1-1", "TECH-1-2"]) == 1
    assert level("TECH", codes_up_to("TECH", 4) - {"TECH-4-3"}) == 3
    assert level("TECH", codes_up_to("TECH", 4)) == 4
    assert level("TECH", codes_up_to("TECH", 9)) == 9


def test_a_level_counts_only_on_top_of_all_lower_levels():
    upper = codes_up_to("MARKET", 6) - codes_up_to("MARKET", 2)
    assert level("MARKET", upper) == 0
    assert level("MARKET", upper | {"MARKET-1-1", "MARKET-1-2"}) == 1
    assert level("MARKET", codes_up_to("MARKET", 6) - {"MARKET-3-1"}) == 2


def test_criteria_of_other_dimensions_and_unknown_codes_are_ignored():
    assert level("IP", codes_up_to("TECH", 9) | {"IP-1-1", "IP-1-2", "NOPE-1-1"}) == 1


def test_profile_gives_every_dimension_its_level():
    met = codes_up_to("TECH", 5) | codes_up_to("REG", 3) | codes_up_to("TEAM", 2) | {"IP-1-1"}
    assert profile(met) == {
        "TECH": 5,
        "MARKET": 0,
        "BUSINESS": 0,
        "IP": 0,
        "TEAM": 2,
        "FUNDING": 0,
        "REG": 3,
    }


def test_compare_gives_signed_deltas_per_dimension():
    previous = {"TECH": 4, "MARKET": 2, "BUSINESS": 1, "IP": 3, "TEAM": 2, "FUNDING": 1, "REG": 2}
    current = {"TECH": 5, "MARKET": 2, "BUSINESS": 3, "IP": 1, "TEAM": 2, "FUNDING": 0, "REG": 2}
    assert compare(previous, current) == {
        "TECH": 1,
        "MARKET": 0,
        "BUSINESS": 2,
        "IP": -2,
        "TEAM": 0,
        "FUNDING": -1,
        "REG": 0,
    }
    assert compare({}, {"TECH": 3}) == {
        "TECH": 3,
        "MARKET": 0,
        "BUSINESS": 0,
        "IP": 0,
        "TEAM": 0,
        "FUNDING": 0,
        "REG": 0,
    }


def test_gaps_count_levels_still_to_climb_for_dimensions_with_a_target():
    current = {"TECH": 5, "MARKET": 2, "REG": 4}
    assert gaps(current, {"TECH": 7, "MARKET": 2, "REG": 3, "IP": 2}) == {
        "TECH": 2,
        "MARKET": 0,
        "IP": 2,
        "REG": 0,
    }


def test_missing_for_next_lists_the_unmet_criteria_of_the_first_incomplete_level():
    met = codes_up_to("TECH", 3) | {"TECH-4-1", "TECH-5-1"}
    assert [criterion.code for criterion in missing_for_next("TECH", met)] == [
        "TECH-4-2",
        "TECH-4-3",
    ]
    assert missing_for_next("TECH", codes_up_to("TECH", 9)) == ()


@given(st.sets(st.sampled_from(sorted(CRITERIA))), st.sampled_from(sorted(CRITERIA)))
def test_meeting_one_more_criterion_never_lowers_a_level(met, extra):
    before = profile(met)
    after = profile(met | {extra})
    assert all(after[dimension] >= before[dimension] for dimension in before)
    assert sum(after.values()) - sum(before.values()) >= 0


@given(st.sets(st.sampled_from(sorted(CRITERIA))))
def test_the_level_is_the_run_of_complete_levels_from_one(met):
    for dimension, reached in profile(met).items():
        assert codes_up_to(dimension, reached) <= met
        if reached < 9:
            assert not codes_up_to(dimension, reached + 1) <= met
