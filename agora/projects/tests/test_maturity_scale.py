"""The maturity scale's shape: seven dimensions, nine levels, 2-4 criteria, both languages."""

import re

from agora.projects.maturity_scale import (
    CRITERIA,
    DIMENSION_CODES,
    DIMENSIONS,
    LEVELS,
    get_dimension,
)


def test_the_scale_has_seven_dimensions_in_order():
    assert DIMENSION_CODES == ("TECH", "MARKET", "BUSINESS", "IP", "TEAM", "FUNDING", "REG")
    assert [dimension.en for dimension in DIMENSIONS] == [
        "Technology",
        "Customer and market",
        "Business model",
        "Intellectual property",
        "Team",
        "Funding",
        "Regulatory and clinical readiness",
    ]
    assert get_dimension("REG").fr == "Maturité réglementaire et clinique"


def test_every_dimension_has_nine_levels_of_two_to_four_criteria():
    for dimension in DIMENSIONS:
        assert [step.number for step in dimension.levels] == list(range(1, LEVELS + 1))
        for step in dimension.levels:
            assert 2 <= len(step.criteria) <= 4, (dimension.code, step.number)


def test_codes_name_dimension_level_and_position():
    assert len(CRITERIA) == 138
    for dimension in DIMENSIONS:
        for step in dimension.levels:
            for position, criterion in enumerate(step.criteria, start=1):
                assert criterion.code == f"{dimension.code}-{step.number}-{position}"
                assert (criterion.dimension, criterion.level) == (dimension.code, step.number)
                assert len(criterion.code) <= 20  # CriterionAnswer.criterion's max_length


def test_a_criterion_is_a_sentence_in_english_and_in_french():
    texts = set()
    for criterion in CRITERIA.values():
        for text in (criterion.en, criterion.fr):
            assert re.fullmatch(r"[A-ZÀ-Ý].{10,}\.", text), criterion.code
            assert "  " not in text
        texts.add(criterion.en)
    assert len(texts) == len(CRITERIA)


def test_texts_follow_the_language():
    criterion = CRITERIA["TECH-4-2"]
    assert criterion.text("en") == (
        "Its performance has been measured in the laboratory against target specifications."
    )
    assert criterion.text("fr") == (
        "Ses performances ont été mesurées en laboratoire par rapport à des spécifications cibles."
    )
    assert get_dimension("TEAM").levels[0].name("fr-be") == "Porteur"
    assert get_dimension("TEAM").name("nl") == "Team"
