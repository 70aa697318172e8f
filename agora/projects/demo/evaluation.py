"""The expert pool, the 2018 assignment computed by the matchmaker, evaluations and decisions."""

import random
from datetime import date, datetime

from agora.members.demo import DemoContext
from agora.members.models import Affiliation, Person
from agora.members.selectors import current_affiliations
from agora.projects import assignment_adapter as adapter
from agora.projects.demo import texts
from agora.projects.demo.submissions import OUTCOMES_2018, Submissions, at
from agora.projects.models import (
    Assignment,
    Decision,
    DeclaredConflict,
    Evaluation,
    Expert,
    Project,
    Score,
)
from matchmaker import assignment as engine

MEMBER_EXPERTS = 14
# The expert login evaluates these; the solver places everyone else.
EXPERT_LOGIN_PROJECTS = ("HEPACELL", "OSTEOGRAFT", "NANOTB")
ASSIGNED_ON = date(2018, 5, 7)
SIGNED_ON = date(2018, 5, 9)
SUBMITTED_ON = date(2018, 6, 8)
JURY_DAY = date(2018, 7, 5)
CONFLICT_REASONS = ("Former employer", "Sits on its board", "A close relative works there")


def create_experts(context: DemoContext, submissions: Submissions) -> list[Expert]:
    """Twenty-five experts: the expert login, members' employees, external people."""
    rng = context.random("projects-experts")
    login = Person.objects.get(user=context.users["expert"])
    logins = {user.pk for user in context.users.values()}
    affiliations = (
        Affiliation.objects.filter(current_affiliations(context.today))
        .exclude(person__user__in=logins)
        .select_related("person", "organisation")
        .prefetch_related("organisation__domains")
        .order_by("person__email")
    )
    employees = {affiliation.person_id: affiliation for affiliation in affiliations}
    chosen = rng.sample(sorted(employees.values(), key=lambda a: a.person.email), MEMBER_EXPERTS)
    externals = Person.objects.bulk_create(
        Person(first_name=first, last_name=last, email=email, job_title="Independent expert")
        for first, last, email in texts.EXTERNAL_EXPERTS
    )
    domains = list(context.domains)
    fields = [(login, ["medtech-ivd", "cell-therapy"])]
    for affiliation in chosen:
        own = [domain.code for domain in affiliation.organisation.domains.all()]
        fields.append((affiliation.person, own[:1] or [rng.choice(domains)]))
    fields += [(person, rng.sample(domains, 2)) for person in externals]
    experts = Expert.objects.bulk_create(
        Expert(
            person=person,
            keywords=", ".join(texts.EXPERT_KEYWORDS[code] for code in codes),
            expertise=" ".join(texts.EXPERTISE[code] for code in codes),
            max_evaluations=5 if person == login else rng.choice((3, 4, 5, 6)),
        )
        for person, codes in fields
    )
    experts[0].keywords = "regulatory affairs, clinical evaluation, CE marking, clinical trials"
    experts[0].save(update_fields=["keywords"])
    Expert.domains.through.objects.bulk_create(
        Expert.domains.through(expert=expert, strategicdomain=context.domains[code])
        for expert, (_person, codes) in zip(experts, fields, strict=True)
        for code in codes
    )
    declare_conflicts(rng, experts, submissions)
    return experts


def declare_conflicts(rng: random.Random, experts: list[Expert], submissions: Submissions) -> None:
    """Three experts declare a conflict with a coordinator, one with a project."""
    coordinators = [
        partner.organisation
        for project in submissions.evaluated
        for partner in project.partners.filter(is_coordinator=True)
    ]
    conflicts = [
        DeclaredConflict(expert=expert, organisation=organisation, reason=reason)
        for expert, organisation, reason in zip(
            experts[-3:], rng.sample(coordinators, 3), CONFLICT_REASONS, strict=True
        )
    ]
    conflicts.append(
        DeclaredConflict(
            expert=experts[1],
            project=rng.choice(submissions.evaluated),
            reason="Reviewed an earlier version for a competitor",
        )
    )
    DeclaredConflict.objects.bulk_create(conflicts)


def assign_experts(submissions: Submissions, experts: list[Expert]) -> list[Assignment]:
    """Three experts per eligible project, as the automatic assignment would propose them."""
    login_expert = experts[0]
    Assignment.objects.bulk_create(
        Assignment(
            project=submissions.projects[acronym],
            expert=login_expert,
            is_locked=True,
            created_at=at(ASSIGNED_ON),
        )
        for acronym in EXPERT_LOGIN_PROJECTS
    )
    problem = adapter.fetch_problem(submissions.call)
    solution = engine.assign(problem.instance)
    kept = set(Assignment.objects.values_list("expert_id", "project_id"))
    Assignment.objects.bulk_create(
        Assignment(
            expert=problem.experts[adapter.row_pk(pair.expert)],
            project=problem.projects[adapter.row_pk(pair.project)],
            score=pair.score,
            created_at=at(ASSIGNED_ON),
        )
        for pair in solution.assignments
        if (adapter.row_pk(pair.expert), adapter.row_pk(pair.project)) not in kept
    )
    scores = {
        (adapter.row_pk(pair.expert), adapter.row_pk(pair.project)): pair.score
        for pair in solution.assignments
    }
    assignments = list(Assignment.objects.filter(project__call=submissions.call))
    for assignment in assignments:
        assignment.score = scores.get((assignment.expert_id, assignment.project_id), 0)
        assignment.state = Assignment.State.SUBMITTED
        assignment.declaration_signed_at = at(SIGNED_ON)
    Assignment.objects.bulk_update(assignments, ["score", "state", "declaration_signed_at"])
    return assignments


def quality_of(rng: random.Random, project: Project) -> float:
    """How good the experts found a project: the labelled ones clearly better."""
    return rng.uniform(7.5, 8.8) if project.acronym in OUTCOMES_2018 else rng.uniform(3.5, 6.6)


def write_evaluations(context: DemoContext, submissions: Submissions, assignments: list) -> int:
    """A submitted evaluation with a score per criterion for each assignment."""
    rng = context.random("projects-evaluations")
    criteria = list(submissions.call.criteria.all())
    quality = {project.pk: quality_of(rng, project) for project in submissions.evaluated}
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(
            assignment=assignment,
            comments=comment_for(quality[assignment.project_id]),
            submitted_at=at(SUBMITTED_ON),
        )
        for assignment in assignments
    )
    scores = []
    for evaluation in evaluations:
        for criterion in criteria:
            value = max(0, min(10, round(rng.gauss(quality[evaluation.assignment.project_id], 1))))
            band = 0 if value < 5 else 1 if value < 7 else 2
            scores.append(
                Score(
                    evaluation=evaluation,
                    criterion=criterion,
                    value=value,
                    comment=texts.SCORE_COMMENTS[band],
                )
            )
    Score.objects.bulk_create(scores)
    return len(evaluations)


def comment_for(quality: float) -> str:
    if quality >= 7.5:
        return texts.COMMENTS["high"]
    return texts.COMMENTS["middle"] if quality >= 5 else texts.COMMENTS["low"]


def write_decisions(context: DemoContext, submissions: Submissions) -> datetime:
    """The jury's decision with its letter on each evaluated project; returns the jury's time."""
    decided_at = at(JURY_DAY, 17)
    Decision.objects.bulk_create(
        Decision(
            project=project,
            outcome=Decision.Outcome.LABELLED
            if project.acronym in OUTCOMES_2018
            else Decision.Outcome.NOT_LABELLED,
            letter=(
                texts.LETTER_LABELLED
                if project.acronym in OUTCOMES_2018
                else texts.LETTER_NOT_LABELLED
            ).format(acronym=project.acronym),
            decided_by=context.users["staff"],
            decided_at=decided_at,
        )
        for project in submissions.evaluated
    )
    return decided_at
