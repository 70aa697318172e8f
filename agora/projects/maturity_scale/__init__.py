"""The maturity scale: seven dimensions, nine levels each, checkable criteria in two languages.

Pure data, no Django: the web layer picks the English or French text. A criterion's code
("TECH-4-2": dimension, level, position in the level) is its identity in stored answers, so
criteria are never reordered; one whose meaning changes gets a new position at the end of its
level. The texts are our own, inspired by the public technology readiness levels (TRL 1-9) and by
innovation-readiness ideas; see docs/algorithms/maturity-diagnosis.md.
"""

from dataclasses import dataclass

from agora.projects.maturity_scale import (
    business,
    funding,
    intellectual_property,
    market,
    regulatory,
    team,
    technology,
)

LEVELS = 9


@dataclass(frozen=True)
class Criterion:
    """One statement a project leader answers yes or no, with evidence."""

    code: str
    dimension: str
    level: int
    en: str
    fr: str

    def text(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en


@dataclass(frozen=True)
class Level:
    """A level of a dimension: a short name and every criterion it needs."""

    number: int
    en: str
    fr: str
    criteria: tuple[Criterion, ...]

    def name(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en


@dataclass(frozen=True)
class Dimension:
    """One axis of maturity, with its nine levels from the lowest."""

    code: str
    en: str
    fr: str
    levels: tuple[Level, ...]

    def name(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(criterion for level in self.levels for criterion in level.criteria)


def build_dimension(code: str, names: tuple[str, str], levels: list) -> Dimension:
    """A dimension from its raw texts, numbering levels and criteria from 1."""
    built = []
    for number, ((level_en, level_fr), texts) in enumerate(levels, start=1):
        criteria = tuple(
            Criterion(f"{code}-{number}-{position}", code, number, en, fr)
            for position, (en, fr) in enumerate(texts, start=1)
        )
        built.append(Level(number, level_en, level_fr, criteria))
    return Dimension(code, names[0], names[1], tuple(built))


DIMENSIONS: tuple[Dimension, ...] = tuple(
    build_dimension(module.CODE, module.NAME, module.LEVELS)
    for module in (
        technology,
        market,
        business,
        intellectual_property,
        team,
        funding,
        regulatory,
    )
)
DIMENSION_CODES: tuple[str, ...] = tuple(dimension.code for dimension in DIMENSIONS)
BY_CODE: dict[str, Dimension] = {dimension.code: dimension for dimension in DIMENSIONS}
CRITERIA: dict[str, Criterion] = {
    criterion.code: criterion for dimension in DIMENSIONS for criterion in dimension.criteria
}


def get_dimension(code: str) -> Dimension:
    """The dimension of that code; KeyError for an unknown one."""
    return BY_CODE[code]
