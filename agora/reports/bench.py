"""A large cluster for timing the annual report: built in bulk inside a transaction, timed, undone.

`manage.py bench_annual_report` runs it; the figures are in docs/benchmarks.md.
"""

import random
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import translation

from agora.events.models import Event, Meeting, MeetingRequest, Registration, Slot
from agora.members.models import Membership, Organisation, Person, Region, StrategicDomain
from agora.projects.models import Decision, Partner, Project
from agora.reports.adapter import fetch_records
from agora.reports.highlights import write_highlights
from agora.reports.indicators import compute_report
from agora.reports.models import YearlyFacts
from agora.reports.rendering import render_report_html, render_report_pdf

BATCH = 2_000
MOVED_TENTHS = 1  # one organisation in ten changed region, kind and domains during the years
KINDS = [kind for kind, _label in Organisation.Kind.choices]
REGIONS = [region for region, _label in Region.choices]


@dataclass(frozen=True)
class Timings:
    """Seconds spent on each step of one report, and the size of what was read."""

    organisations: int
    periods: int
    states: int  # dated states of the organisations' history (kind, region, domains)
    fetch: float
    compute: float
    html: float
    pdf: float
    cpu: float  # this process's CPU seconds for the report (fetch, compute, HTML): load-proof

    @property
    def report(self) -> float:
        return self.fetch + self.compute + self.html


def build_organisations(count: int, rng: random.Random) -> list[Organisation]:
    organisations = []
    for index in range(count):
        region = rng.choice(REGIONS)
        organisations.append(
            Organisation(
                legal_name=f"Bench organisation {index:05d}",
                slug=f"bench-{index:05d}",
                kind=rng.choice(KINDS),
                region=region,
                country="FR" if region == Region.ABROAD else "BE",
            )
        )
    return Organisation.objects.bulk_create(organisations, batch_size=BATCH)


def build_memberships(
    organisations: list[Organisation], first_year: int, years: int, rng: random.Random
) -> int:
    """Yearly periods from a random first year, for a random number of years."""
    periods = []
    domains = list(StrategicDomain.objects.all())
    link = Organisation.domains.through
    links: list = []  # rows of the organisation–domain link table
    for organisation in organisations:
        start = first_year + rng.randrange(years)
        for year in range(start, min(start + rng.randint(1, years), first_year + years)):
            periods.append(
                Membership(
                    organisation=organisation,
                    start_date=date(year, 1, 1),
                    end_date=date(year, 12, 31),
                    confirmed_on=date(year, 1, rng.randint(1, 28)),
                    cancelled_on=date(year, 6, 1) if rng.random() < 0.01 else None,
                )
            )
        links.extend(
            link(organisation=organisation, strategicdomain=domain)
            for domain in rng.sample(domains, min(len(domains), rng.randint(0, 2)))
        )
    link.objects.bulk_create(links, batch_size=BATCH)
    return len(Membership.objects.bulk_create(periods, batch_size=BATCH))


def build_history(
    organisations: list[Organisation], first_year: int, years: int, rng: random.Random
) -> None:
    """A record of each organisation's creation; one in ten moved (region, kind, domains) since.

    Written in bulk like the organisations, so the adapter reads a history the size a real
    cluster's would be after fifteen years of edits that matter to the breakdowns.
    """
    historical = Organisation.history.model
    snapshot = apps.get_model("members", "HistoricalOrganisation_domains")
    all_domains = [domain.pk for domain in StrategicDomain.objects.all()]
    links: dict[int, list[tuple[int, int]]] = defaultdict(list)
    rows = Organisation.domains.through.objects.filter(organisation__slug__startswith="bench-")
    for pk, organisation_id, domain_id in rows.values_list(
        "pk", "organisation_id", "strategicdomain_id"
    ):
        links[organisation_id].append((pk, domain_id))
    founded = datetime(first_year, 1, 1, 12, tzinfo=UTC)
    records, domains = [], []
    for organisation in organisations:
        current = links[organisation.pk]
        if rng.randrange(10) < MOVED_TENTHS:
            earlier = [(0, pk) for pk in rng.sample(all_domains, rng.randint(0, 2))]
            before = (rng.choice(KINDS), rng.choice(REGIONS))
            moved = datetime(first_year + rng.randrange(1, years), 6, 1, 12, tzinfo=UTC)
            records.append(historical_record(organisation, founded, "+", before))
            domains.append(earlier)
            records.append(historical_record(organisation, moved, "~"))
        else:
            records.append(historical_record(organisation, founded, "+"))
        domains.append(current)
    records = historical.objects.bulk_create(records, batch_size=BATCH)
    snapshot.objects.bulk_create(
        (
            snapshot(
                id=link_id,
                history_id=record.history_id,
                organisation_id=record.id,
                strategicdomain_id=domain_id,
            )
            for record, pairs in zip(records, domains, strict=True)
            for link_id, domain_id in pairs
        ),
        batch_size=BATCH,
    )


def historical_record(
    organisation: Organisation, moment: datetime, change: str, was: tuple[str, str] | None = None
) -> Any:
    """An unsaved history row of the organisation at `moment`; `was` is an earlier kind, region."""
    kind, region = was or (organisation.kind, organisation.region)
    return Organisation.history.model(
        id=organisation.pk,
        legal_name=organisation.legal_name,
        slug=organisation.slug,
        kind=kind,
        region=region,
        country=organisation.country,
        created_at=moment,
        history_date=moment,
        history_type=change,
    )


def build_activity(
    organisations: list[Organisation], first_year: int, years: int, rng: random.Random
) -> None:
    """A cluster day a year (500 participants, 200 meetings), 20 projects, members' facts."""
    people = Person.objects.bulk_create(
        [Person(first_name="Bench", last_name=f"P{index}") for index in range(500)]
    )
    facts: list[YearlyFacts] = []
    for year in range(first_year, first_year + years):
        starts = datetime(year, 10, 4, 8, tzinfo=UTC)
        event = Event.objects.create(
            title=f"Bench day {year}",
            slug=f"bench-day-{year}",
            kind=Event.Kind.CONFERENCE,
            starts_at=starts,
            ends_at=starts + timedelta(hours=9),
            registration_deadline=starts,
            is_published=True,
            schedule_state=Event.ScheduleState.PUBLISHED,
        )
        registrations = Registration.objects.bulk_create(
            Registration(event=event, person=person, organisation=rng.choice(organisations))
            for person in people
        )
        build_meetings(event, registrations, starts)
        build_projects(organisations, year, rng)
        facts.extend(
            YearlyFacts(organisation=organisation, year=year, employees=rng.randint(1, 500))
            for organisation in rng.sample(organisations, len(organisations) // 2)
        )
    YearlyFacts.objects.bulk_create(facts, batch_size=BATCH)


def build_meetings(event: Event, registrations: list[Registration], starts: datetime) -> None:
    slot = Slot.objects.create(event=event, starts_at=starts, ends_at=starts, session="morning")
    requests = MeetingRequest.objects.bulk_create(
        MeetingRequest(
            event=event,
            requester=registrations[index],
            recipient=registrations[index + 1],
            status=MeetingRequest.Status.ACCEPTED,
            created_at=starts - timedelta(days=10),
        )
        for index in range(200)
    )
    Meeting.objects.bulk_create(Meeting(event=event, request=r, slot=slot) for r in requests)


def build_projects(organisations: list[Organisation], year: int, rng: random.Random) -> None:
    submitted = datetime(year, 3, 1, tzinfo=UTC)
    projects = Project.objects.bulk_create(
        Project(
            acronym=f"B{year}-{index}",
            title="Bench",
            state=Project.State.LABELLED,
            submitted_at=submitted,
        )
        for index in range(20)
    )
    Decision.objects.bulk_create(
        Decision(
            project=project,
            outcome=Decision.Outcome.LABELLED,
            letter="-",
            decided_at=submitted + timedelta(days=90),
        )
        for project in projects[:8]
    )
    Partner.objects.bulk_create(
        Partner(project=project, organisation=organisation, budget=100_000)
        for project in projects
        for organisation in rng.sample(organisations, 3)
    )


def time_report(year: int, known_on: date) -> Timings:
    """Seconds to read the records, compute the figures, render the page, print the PDF."""
    started, cpu_started = time.perf_counter(), time.process_time()
    records = fetch_records()
    fetched = time.perf_counter()
    figures = compute_report(records, year=year, known_on=known_on)
    computed = time.perf_counter()
    highlights = write_highlights(figures, "en")
    render_report_html(None, figures, highlights)
    rendered, cpu_rendered = time.perf_counter(), time.process_time()
    render_report_pdf(None, figures, highlights)
    printed = time.perf_counter()
    return Timings(
        organisations=len(records.organisations),
        periods=len(records.periods),
        states=sum(len(organisation.history) for organisation in records.organisations),
        fetch=fetched - started,
        compute=computed - fetched,
        html=rendered - computed,
        pdf=printed - rendered,
        cpu=cpu_rendered - cpu_started,
    )


def run(*, organisations: int, years: int, seed: int = 2026) -> Timings:
    """Build the cluster, time its last complete year's report, and roll everything back."""
    rng = random.Random(seed)
    first_year = 2026 - years
    with transaction.atomic(), translation.override("en"):
        built = build_organisations(organisations, rng)
        build_memberships(built, first_year, years, rng)
        build_history(built, first_year, years, rng)
        build_activity(built, first_year, years, rng)
        timings = time_report(2025, date(2026, 11, 26))
        transaction.set_rollback(True)
    return timings
