"""B2B meeting scheduling: accepted meetings into slots and tables (docs/algorithms)."""

from matchmaker.b2b.check import Figures, check, figures
from matchmaker.b2b.io import (
    load_problem,
    problem_from_dict,
    problem_to_dict,
    schedule_from_dict,
    schedule_to_dict,
)
from matchmaker.b2b.model import (
    Assignment,
    IdleMeasure,
    IdleScope,
    Meeting,
    Objective,
    Participant,
    Problem,
    Schedule,
    Slot,
    Status,
    Table,
    Unscheduled,
)
from matchmaker.b2b.solver import solve
from matchmaker.b2b.validate import ProblemError, check_problem

__all__ = [
    "Assignment",
    "Figures",
    "IdleMeasure",
    "IdleScope",
    "Meeting",
    "Objective",
    "Participant",
    "Problem",
    "ProblemError",
    "Schedule",
    "Slot",
    "Status",
    "Table",
    "Unscheduled",
    "check",
    "check_problem",
    "figures",
    "load_problem",
    "problem_from_dict",
    "problem_to_dict",
    "schedule_from_dict",
    "schedule_to_dict",
    "solve",
]
