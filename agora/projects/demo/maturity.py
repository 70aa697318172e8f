"""Maturity diagnosis histories of the demo, written through the maturity services."""

from datetime import date, timedelta
from typing import Any

from agora.projects.maturity_scale import BY_CODE, DIMENSIONS
from agora.projects.models import Project
from agora.projects.services import maturity as services

# One revision: its date and the level reached in each dimension.
Revision = tuple[date, dict[str, int]]

NOTES = (
    "First diagnosis, with the cluster's innovation adviser.",
    "Yearly review with the cluster's innovation adviser.",
)
LEVELS_START = {"TECH": 3, "MARKET": 2, "BUSINESS": 2, "IP": 3, "TEAM": 3, "FUNDING": 2, "REG": 2}


def raised(levels: dict[str, int], **changes: int) -> dict[str, int]:
    """The levels with some dimensions moved by the given steps (negative: down)."""
    return {code: level + changes.get(code, 0) for code, level in levels.items()}


def history(first: date, steps: list[dict[str, int]]) -> list[Revision]:
    """Revisions about a year apart, each moving some levels from the previous one."""
    revisions, levels = [], dict(LEVELS_START)
    for n, step in enumerate(steps):
        levels = raised(levels, **step)
        revisions.append((first + timedelta(days=n * 380), levels))
    return revisions


def write_history(*, actor: Any, project: Project, revisions: list[Revision]) -> None:
    """Each revision: answers to every criterion, targets on the first, two action points."""
    for n, (day, levels) in enumerate(revisions):
        diagnosis = services.start_diagnosis(
            actor=actor, project=project, diagnosed_on=day, notes=NOTES[min(n, len(NOTES) - 1)]
        )
        for dimension in DIMENSIONS:
            answers = {
                criterion.code: (
                    criterion.level <= levels[dimension.code],
                    f"{dimension.en}: shown in the project file, level {criterion.level}."
                    if criterion.level <= levels[dimension.code]
                    else "",
                )
                for criterion in dimension.criteria
            }
            services.save_answers(
                actor=actor, diagnosis=diagnosis, dimension=dimension.code, answers=answers
            )
        if n == 0:
            for code, gain in (("TECH", 3), ("MARKET", 3), ("REG", 2)):
                services.set_target(
                    actor=actor,
                    diagnosis=diagnosis,
                    dimension=code,
                    level=min(9, levels[code] + gain),
                    due_on=day + timedelta(days=730),
                )
        for action in diagnosis.actions.all():
            services.complete_action_point(actor=actor, action=action, done_on=day)
        weakest = min(levels, key=lambda code: (levels[code], code))
        services.add_action_point(
            actor=actor,
            diagnosis=diagnosis,
            dimension=weakest,
            text=f"{BY_CODE[weakest].en}: meet every criterion of level {levels[weakest] + 1}.",
            due_on=day + timedelta(days=180),
        )


def write_diagnoses(
    *, staff: Any, representative: Any, projects: dict[str, Project], today: date
) -> int:
    """Histories for several 2018 projects (one goes down) and the standalone draft."""
    plans = {
        "HEPACELL": (
            representative,
            history(date(2018, 2, 12), [{}, {"TECH": 2, "REG": 2}, {"MARKET": -1, "TEAM": 1}]),
        ),
        "RADIOPEP": (staff, history(date(2018, 3, 5), [{"TECH": 1}, {"TECH": 2, "IP": 1}])),
        "SEPSIGNAL": (staff, history(date(2018, 3, 20), [{}, {"FUNDING": -1, "TECH": 1}])),
        "CARDIOWATCH": (
            staff,
            history(date(2018, 1, 22), [{"TECH": 1}, {"REG": 2}, {"MARKET": 2, "BUSINESS": 1}]),
        ),
        "MEUSABONE": (
            representative,
            history(today - timedelta(days=420), [{"TECH": -1}, {"TECH": 1, "IP": 1}]),
        ),
    }
    for acronym, (actor, revisions) in plans.items():
        write_history(actor=actor, project=projects[acronym], revisions=revisions)
    return sum(len(revisions) for _actor, revisions in plans.values())
