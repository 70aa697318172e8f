"""The calls of the demo and the 2018 submissions with their consortia."""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from agora.members.demo import DemoContext
from agora.members.models import Organisation, PartnerCluster
from agora.members.selectors import list_member_organisations
from agora.projects.demo import texts
from agora.projects.models import Call, Criterion, Milestone, Partner, Project

BRUSSELS = ZoneInfo("Europe/Brussels")
CALL_DAY_2018 = date(2018, 3, 1)  # consortia are the call's members on this day
APPLICANT_KINDS = (
    "startup",
    "sme",
    "large_company",
    "university",
    "hospital",
    "research_centre",
    "service_provider",
)
# Acronym → final state and whether the jury labelled it; the others were not labelled.
OUTCOMES_2018 = {
    "HEPACELL": Project.State.FOLLOW_UP,
    "RADIOPEP": Project.State.FUNDED,
    "NANOTB": Project.State.FUNDED,
    "CARDIOWATCH": Project.State.LABELLED,
    "CARTECH": Project.State.NOT_FUNDED,
}
INELIGIBLE_2018 = ("IMMUNOVAX", "ENZYMIX", "ALLERGOCHIP")
CO_LABELLED_2018 = "NANOTB"
MEUSALIS_2018 = "HEPACELL"


def at(day: date, hour: int = 12) -> datetime:
    """Noon (or `hour`) in Brussels on `day`, as an aware datetime."""
    return datetime.combine(day, time(hour), tzinfo=BRUSSELS).astimezone(UTC)


@dataclass(frozen=True)
class Submissions:
    call: Call
    projects: dict[str, Project]  # by acronym
    evaluated: list[Project]  # the eligible ones, experts evaluated them


def create_call(context: DemoContext, *, title: str, slug: str, opens: date, closes: date) -> Call:
    """A published call on every domain, with the weighted criteria of the cluster."""
    call = Call.objects.create(
        title=title,
        slug=slug,
        description=(
            "Collaborative R&D projects of at least two member organisations in the cluster's "
            "strategic domains. Labelled projects are recommended to the Walloon Region for "
            "funding. (Appel à projets R&D du pôle — santé et sciences du vivant.)"
        ),
        opens_at=at(opens, 9),
        closes_at=at(closes, 17),
        max_budget=Decimal("2000000.00"),
        min_partners=2,
        max_duration_months=36,
        experts_per_project=3,
        is_published=True,
        created_at=at(opens - timedelta(days=30)),
    )
    call.domains.set(context.domains.values())
    # The other representative sits on the jury: its pages can be tried with a demo login.
    call.jury.set([context.users["staff"], context.users["other representative"]])
    Criterion.objects.bulk_create(
        Criterion(call=call, name=name, weight=weight, description=description, position=n)
        for n, (name, weight, description) in enumerate(texts.CRITERIA_2018)
    )
    return call


def organisations_by_domain() -> dict[str, list[Organisation]]:
    """The member organisations of 2018 that carry R&D, by strategic domain."""
    by_domain: dict[str, list[Organisation]] = defaultdict(list)
    organisations = (
        list_member_organisations(CALL_DAY_2018)
        .filter(kind__in=APPLICANT_KINDS)
        .prefetch_related("domains")
        .order_by("slug")
    )
    for organisation in organisations:
        for domain in organisation.domains.all():
            by_domain[domain.code].append(organisation)
    return by_domain


def pick_consortium(
    rng: random.Random, pool: dict[str, list[Organisation]], text: texts.ProjectText
) -> list[Organisation]:
    """Two to four distinct member organisations, mostly of the project's domain."""
    size = rng.choice((2, 2, 3, 3, 3, 4))
    same = rng.sample(pool[text.domain], min(size, len(pool[text.domain])))
    others = [org for orgs in pool.values() for org in orgs if org not in same]
    return same + rng.sample(others, size - len(same))


def state_of(acronym: str) -> Project.State:
    if acronym in OUTCOMES_2018:
        return OUTCOMES_2018[acronym]
    if acronym in INELIGIBLE_2018:
        return Project.State.INELIGIBLE
    return Project.State.NOT_LABELLED


def create_submissions(context: DemoContext, call: Call) -> Submissions:
    """The twenty submissions of 2018, under evaluation until the experts have scored them."""
    rng = context.random("projects-2018")
    pool = organisations_by_domain()
    meusalis = context.organisations["meusalis"]
    nordsante = PartnerCluster.objects.get(slug="nordsante")
    projects, consortia = [], []
    for n, text in enumerate(texts.SUBMISSIONS_2018):
        consortium = pick_consortium(rng, pool, text)
        if text.acronym == MEUSALIS_2018:
            consortium = [meusalis, *[org for org in consortium if org != meusalis][:2]]
        ineligible = text.acronym in INELIGIBLE_2018
        projects.append(
            Project(
                call=call,
                acronym=text.acronym,
                title=text.title,
                summary=text.summary,
                keywords=text.keywords,
                duration_months=rng.choice((18, 24, 30, 36)),
                co_labelling_partner=nordsante if text.acronym == CO_LABELLED_2018 else None,
                state=Project.State.INELIGIBLE if ineligible else Project.State.UNDER_EVALUATION,
                created_by=context.users["representative"] if consortium[0] == meusalis else None,
                created_at=at(date(2018, 2, 1) + timedelta(days=n * 3)),
                submitted_at=at(date(2018, 4, 2) + timedelta(days=n)),
            )
        )
        consortia.append(consortium)
    Project.objects.bulk_create(projects)
    write_consortia(rng, projects, consortia)
    Project.domains.through.objects.bulk_create(
        Project.domains.through(project=project, strategicdomain=context.domains[text.domain])
        for project, text in zip(projects, texts.SUBMISSIONS_2018, strict=True)
    )
    by_acronym = {project.acronym: project for project in projects}
    evaluated = [project for project in projects if project.acronym not in INELIGIBLE_2018]
    return Submissions(call, by_acronym, evaluated)


def write_consortia(
    rng: random.Random, projects: list[Project], consortia: list[list[Organisation]]
) -> None:
    """Partners with budgets, the first one coordinating; a few projects have a partner abroad."""
    partners = []
    for n, (project, consortium) in enumerate(zip(projects, consortia, strict=True)):
        for position, organisation in enumerate(consortium):
            partners.append(
                Partner(
                    project=project,
                    organisation=organisation,
                    is_coordinator=position == 0,
                    budget=Decimal(rng.randrange(80, 460, 5) * 1000),
                    role="Coordination and development" if position == 0 else "Partner",
                )
            )
        if project.co_labelling_partner_id or n % 6 == 1:
            partners.append(
                Partner(
                    project=project,
                    external_name=texts.EXTERNAL_PARTNERS[n % len(texts.EXTERNAL_PARTNERS)]
                    if not project.co_labelling_partner_id
                    else "CHU de Lille",
                    budget=Decimal(rng.randrange(50, 200, 5) * 1000),
                    role="Clinical validation",
                )
            )
    Partner.objects.bulk_create(partners)


def close_submissions(submissions: Submissions, decided_at: datetime) -> None:
    """Move every evaluated project to its final state, on the jury's day."""
    for project in submissions.evaluated:
        project.state = state_of(project.acronym)
        project.decided_at = decided_at
    Project.objects.bulk_update(submissions.evaluated, ["state", "decided_at"])


def create_milestones(submissions: Submissions, today: date) -> None:
    """Follow-up milestones of the funded projects; those before today are reached."""
    milestones = []
    for project in submissions.evaluated:
        if project.state not in (Project.State.FUNDED, Project.State.FOLLOW_UP):
            continue
        for months, title in ((6, "Kick-off and work plan"), (18, "Mid-term report")):
            due = date(2018, 10, 1) + timedelta(days=months * 30)
            milestones.append(
                Milestone(
                    project=project,
                    title=title,
                    due_on=due,
                    reached_on=due if due < today else None,
                    report="Delivered as planned." if due < today else "",
                )
            )
        final = Milestone(
            project=project, title="Final report", due_on=date(2021, 9, 30), is_final=True
        )
        milestones.append(final)
    Milestone.objects.bulk_create(milestones)
