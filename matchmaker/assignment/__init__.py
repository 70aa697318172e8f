"""Expert assignment: experts to R&D projects, never with a conflict of interest.

docs/algorithms/expert-assignment.md is the specification.
"""

from matchmaker.assignment.affinity import (
    ExpertProfile,
    ProjectProfile,
    affinity_matrix,
    compute_affinities,
)
from matchmaker.assignment.io import (
    instance_from_dict,
    instance_to_dict,
    load_instance,
    solution_to_dict,
)
from matchmaker.assignment.model import (
    Affinity,
    Assignment,
    Conflict,
    Expert,
    Instance,
    InstanceError,
    LockedPair,
    Project,
    Solution,
    Unfilled,
)
from matchmaker.assignment.solver import SolveTimeoutError, assign, assign_rest, lock_pairs
from matchmaker.assignment.validate import check_instance

__all__ = [
    "Affinity",
    "Assignment",
    "Conflict",
    "Expert",
    "ExpertProfile",
    "Instance",
    "InstanceError",
    "LockedPair",
    "Project",
    "ProjectProfile",
    "Solution",
    "SolveTimeoutError",
    "Unfilled",
    "affinity_matrix",
    "assign",
    "assign_rest",
    "check_instance",
    "compute_affinities",
    "instance_from_dict",
    "instance_to_dict",
    "load_instance",
    "lock_pairs",
    "solution_to_dict",
]
