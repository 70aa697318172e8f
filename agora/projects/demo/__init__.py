"""The projects part of `manage.py load_demo`: the 2018 call, its experts, the 2027 call.

It runs after the members and events parts and builds on their organisations and logins (see
agora/members/demo). Rows are written in bulk, like fixtures: no audit entries, no e-mails; the
experts are placed by the matchmaker through the assignment adapter, as staff's click would, and
the maturity diagnoses go through their services (which audit them).
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType

from agora.core.models import AuditEntry
from agora.members.demo import DemoContext, empty_tables
from agora.members.selectors import list_member_organisations
from agora.projects.demo import evaluation, submissions
from agora.projects.demo.maturity import write_diagnoses
from agora.projects.demo.submissions import at, create_call
from agora.projects.models import (
    ActionPoint,
    Assignment,
    Attachment,
    Call,
    Criterion,
    CriterionAnswer,
    Decision,
    DeclaredConflict,
    Diagnosis,
    Evaluation,
    Expert,
    InformationRequest,
    Milestone,
    Partner,
    Project,
    Score,
    Target,
)

# Emptied in this order by `reset`: what points at a row before the row.
PROJECTS_MODELS = (
    ActionPoint,
    Target,
    CriterionAnswer,
    Diagnosis,
    Score,
    Evaluation.history.model,
    Evaluation,
    Assignment.history.model,
    Assignment,
    DeclaredConflict,
    Expert.domains.through,
    Expert.history.model,
    Expert,
    Decision,
    Milestone,
    InformationRequest,
    Attachment,
    Partner,
    Project.domains.through,
    Project.history.model,
    Project,
    Criterion,
    Call.domains.through,
    Call.jury.through,
    Call.history.model,
    Call,
)


def load(context: DemoContext) -> None:
    """The 2018 call with its evaluated submissions, the expert pool, the open call, a draft."""
    call = create_call(
        context,
        title="2018 call for R&D projects",
        slug="rd-call-2018",
        opens=date(2018, 1, 15),
        closes=date(2018, 4, 30),
    )
    found = submissions.create_submissions(context, call)
    experts = evaluation.create_experts(context, found)
    assignments = evaluation.assign_experts(found, experts)
    count = evaluation.write_evaluations(context, found, assignments)
    submissions.close_submissions(found, evaluation.write_decisions(context, found))
    submissions.create_milestones(found, context.today)
    closes = context.today + timedelta(days=120)
    create_call(
        context,
        title=f"{closes.year} call for R&D projects",
        slug=f"rd-call-{closes.year}",
        opens=context.today - timedelta(days=30),
        closes=closes,
    )
    draft = create_draft(context)
    revisions = write_diagnoses(
        staff=context.users["staff"],
        representative=context.users["representative"],
        projects={**found.projects, draft.acronym: draft},
        today=context.today,
    )
    attach_submitted_diagnoses(list(found.projects.values()))
    context.write(
        f"Projects: {len(found.projects)} submissions in 2018, {len(experts)} experts, "
        f"{count} evaluations, {revisions} maturity diagnoses."
    )


def attach_submitted_diagnoses(projects: list[Project]) -> None:
    """Each submission carries the latest diagnosis dated before it, as submitting would do."""
    for project in projects:
        submitted_on = project.submitted_at.date() if project.submitted_at else date.min
        project.submitted_diagnosis = (
            project.diagnoses.filter(diagnosed_on__lte=submitted_on)
            .order_by("-diagnosed_on", "-pk")
            .first()
        )
    Project.objects.bulk_update(projects, ["submitted_diagnosis"])


def create_draft(context: DemoContext) -> Project:
    """Meusalis's project outside any call, still a draft, with a partner university."""
    meusalis = context.organisations["meusalis"]
    project = Project.objects.create(
        acronym="MEUSABONE",
        title="An off-the-shelf bone cell therapy for osteonecrosis of the hip",
        summary=(
            "Allogeneic bone-forming cells from one donor, frozen and ready for surgeons, to save "
            "the hip of young patients with osteonecrosis instead of replacing it."
        ),
        keywords="cell therapy, osteonecrosis, bone regeneration, allogeneic",
        duration_months=36,
        created_by=context.users["representative"],
        created_at=at(context.today - timedelta(days=430)),
    )
    project.domains.set([context.domains["cell-therapy"]])
    university = (
        list_member_organisations(context.today).filter(kind="university").order_by("slug").first()
    )
    Partner.objects.bulk_create(
        [
            Partner(
                project=project,
                organisation=meusalis,
                is_coordinator=True,
                budget=Decimal("620000"),
                role="Cell production and clinical development",
            ),
            Partner(
                project=project,
                organisation=university,
                budget=Decimal("280000"),
                role="Preclinical models",
            ),
        ]
    )
    return project


def reset(context: DemoContext) -> None:
    """Empty the projects tables (partners and experts point at members through PROTECT).

    The maturity services audited the demo's diagnoses: those entries go with the diagnoses.
    """
    AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Diagnosis)).delete()
    empty_tables(PROJECTS_MODELS)
    context.write("Projects: demo data deleted.")
