from agora.projects.models.calls import Call, Criterion
from agora.projects.models.evaluation import (
    Assignment,
    Decision,
    DeclaredConflict,
    Evaluation,
    Expert,
    Score,
)
from agora.projects.models.maturity import ActionPoint, CriterionAnswer, Diagnosis, Target
from agora.projects.models.projects import (
    Attachment,
    InformationRequest,
    Milestone,
    Partner,
    Project,
)

__all__ = [
    "ActionPoint",
    "Assignment",
    "Attachment",
    "Call",
    "Criterion",
    "CriterionAnswer",
    "Decision",
    "DeclaredConflict",
    "Diagnosis",
    "Evaluation",
    "Expert",
    "InformationRequest",
    "Milestone",
    "Partner",
    "Project",
    "Score",
    "Target",
]
