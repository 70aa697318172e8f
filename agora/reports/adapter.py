"""Reads the records the indicators need, in a fixed number of queries, and computes them."""

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from agora.events.models import Event, Meeting, MeetingFeedback, MeetingRequest, Registration
from agora.members.models import Membership, Organisation
from agora.projects.models import Decision, Partner, Project
from agora.reports.indicators import ReportFigures, compute_report
from agora.reports.indicators.records import (
    ClusterRecords,
    EventRecord,
    FactsRecord,
    FeedbackRecord,
    MeetingRequestRecord,
    OrganisationRecord,
    OrganisationState,
    PeriodRecord,
    ProjectRecord,
    RegistrationRecord,
)
from agora.reports.models import YearlyFacts


def local_day(moment: datetime) -> date:
    """The day of a stored moment in the cluster's time zone."""
    return timezone.localtime(moment).date()


def optional_day(moment: datetime | None) -> date | None:
    """The day of a moment that may not have happened."""
    return local_day(moment) if moment is not None else None


def fetch_domains() -> dict[int, tuple[str, ...]]:
    """Today's strategic domains of each organisation, by organisation."""
    domains: dict[int, list[str]] = defaultdict(list)
    links = Organisation.domains.through.objects.values_list(
        "organisation_id", "strategicdomain__code"
    )
    for organisation_id, code in links.order_by("organisation_id", "strategicdomain__position"):
        domains[organisation_id].append(code)
    return {pk: tuple(codes) for pk, codes in domains.items()}


def fetch_states() -> dict[int, list[OrganisationState]]:
    """Each organisation's kind, region and domains from its history, oldest first.

    A state is the last one recorded on its day; a record that changes none of the three (a
    new description, say) adds no state.
    """
    snapshots: dict[int, list[str]] = defaultdict(list)
    rows = (
        apps.get_model("members", "HistoricalOrganisation_domains")
        .objects.order_by("history_id", "strategicdomain__position")
        .values_list("history_id", "strategicdomain__code")
    )
    for history_id, code in rows:
        snapshots[history_id].append(code)
    states: dict[int, list[OrganisationState]] = defaultdict(list)
    records = (
        Organisation.history.exclude(history_type="-")
        .order_by("id", "history_date", "history_id")
        .values_list("id", "history_id", "history_date", "kind", "region")
    )
    for pk, history_id, moment, kind, region in records:
        state = OrganisationState(local_day(moment), kind, region, tuple(snapshots[history_id]))
        add_state(states[pk], state)
    return states


def add_state(states: list[OrganisationState], state: OrganisationState) -> None:
    """Append a state, replacing one of the same day, skipping one that changes nothing."""
    if states and states[-1].since == state.since:
        states.pop()
    if not states or (states[-1].kind, states[-1].region, states[-1].domains) != (
        state.kind,
        state.region,
        state.domains,
    ):
        states.append(state)


def fetch_organisations() -> tuple[OrganisationRecord, ...]:
    domains = fetch_domains()
    states = fetch_states()
    rows = Organisation.objects.order_by("pk").values_list("pk", "kind", "region")
    return tuple(
        OrganisationRecord(pk, kind, region, domains.get(pk, ()), tuple(states.get(pk, ())))
        for pk, kind, region in rows
    )


def fetch_periods() -> tuple[PeriodRecord, ...]:
    rows = Membership.objects.order_by("pk").values_list(
        "organisation_id",
        "start_date",
        "end_date",
        "confirmed_on",
        "cancelled_on",
        "agreement__partner__short_name",
        "agreement__partner__name",
    )
    return tuple(
        PeriodRecord(organisation_id, start, end, confirmed, cancelled, short or name or "")
        for organisation_id, start, end, confirmed, cancelled, short, name in rows
    )


def fetch_projects() -> tuple[ProjectRecord, ...]:
    labelled = dict(
        Decision.objects.filter(outcome=Decision.Outcome.LABELLED).values_list(
            "project_id", "decided_at"
        )
    )
    organisations: dict[int, set[int]] = defaultdict(set)
    externals: dict[int, int] = defaultdict(int)
    budgets: dict[int, Decimal] = defaultdict(Decimal)
    for project_id, organisation_id, budget in Partner.objects.values_list(
        "project_id", "organisation_id", "budget"
    ):
        budgets[project_id] += budget
        if organisation_id is None:
            externals[project_id] += 1
        else:
            organisations[project_id].add(organisation_id)
    rows = Project.objects.order_by("pk").values_list(
        "pk", "submitted_at", "co_labelling_partner__short_name", "co_labelling_partner__name"
    )
    return tuple(
        ProjectRecord(
            id=pk,
            submitted_on=optional_day(submitted_at),
            labelled_on=optional_day(labelled.get(pk)),
            co_labelling_partner=short or name or "",
            partner_organisations=tuple(sorted(organisations[pk])),
            external_partners=externals[pk],
            budget_cents=int(budgets[pk] * 100),
        )
        for pk, submitted_at, short, name in rows
    )


def fetch_registrations() -> dict[int, list[RegistrationRecord]]:
    registrations: dict[int, list[RegistrationRecord]] = defaultdict(list)
    rows = (
        Registration.objects.filter(event__is_published=True)
        .exclude(status=Registration.Status.WAITLISTED)
        .order_by("pk")
        .values_list("event_id", "organisation_id", "status", "created_at", "cancelled_at")
    )
    for event_id, organisation_id, status, created_at, cancelled_at in rows:
        registered_on = local_day(created_at)
        cancelled_on = optional_day(cancelled_at)
        if status == Registration.Status.CANCELLED and cancelled_on is None:
            cancelled_on = registered_on
        registrations[event_id].append(
            RegistrationRecord(organisation_id, registered_on, cancelled_on)
        )
    return registrations


def fetch_requests() -> dict[int, list[MeetingRequestRecord]]:
    feedback: dict[int, list[FeedbackRecord]] = defaultdict(list)
    for request_id, outcome, rating, created_at in MeetingFeedback.objects.order_by(
        "pk"
    ).values_list("meeting__request_id", "outcome", "rating", "created_at"):
        feedback[request_id].append(FeedbackRecord(local_day(created_at), outcome, rating))
    # A meeting exists only for an accepted request. A cancelled one counts until the day of its
    # cancellation; one cancelled before that day was recorded counts as never held.
    published = Event.ScheduleState.PUBLISHED
    meetings = {
        request_id: (slot_id is not None and state == published, cancelled_at, is_cancelled)
        for request_id, slot_id, state, cancelled_at, is_cancelled in Meeting.objects.values_list(
            "request_id", "slot_id", "event__schedule_state", "cancelled_at", "is_cancelled"
        )
    }
    requests: dict[int, list[MeetingRequestRecord]] = defaultdict(list)
    rows = (
        MeetingRequest.objects.filter(event__is_published=True)
        .order_by("pk")
        .values_list("pk", "event_id", "status", "created_at", "decided_at")
    )
    for pk, event_id, status, created_at, decided_at in rows:
        placed, cancelled_at, is_cancelled = meetings.get(pk, (False, None, False))
        accepted = status == MeetingRequest.Status.ACCEPTED or pk in meetings
        accepted_on = local_day(decided_at or created_at) if accepted else None
        cancelled_on = None
        if is_cancelled:
            cancelled_on = local_day(cancelled_at) if cancelled_at else accepted_on
        requests[event_id].append(
            MeetingRequestRecord(
                requested_on=local_day(created_at),
                accepted_on=accepted_on,
                is_placed=placed,
                feedback=tuple(feedback[pk]) if placed else (),
                cancelled_on=cancelled_on,
            )
        )
    return requests


def fetch_events() -> tuple[EventRecord, ...]:
    registrations = fetch_registrations()
    requests = fetch_requests()
    rows = Event.objects.filter(is_published=True).order_by("starts_at", "pk")
    return tuple(
        EventRecord(
            id=pk,
            title=title,
            held_on=local_day(starts_at),
            registrations=tuple(registrations[pk]),
            requests=tuple(requests[pk]),
        )
        for pk, title, starts_at in rows.values_list("pk", "title", "starts_at")
    )


def fetch_facts() -> tuple[FactsRecord, ...]:
    rows = YearlyFacts.objects.order_by("pk").values_list(
        "organisation_id", "year", "employees", "turnover", "investment_raised"
    )
    return tuple(FactsRecord(*row) for row in rows)


def fetch_records() -> ClusterRecords:
    """Every record the indicators read: fourteen queries, whatever the size of the cluster."""
    return ClusterRecords(
        organisations=fetch_organisations(),
        periods=fetch_periods(),
        projects=fetch_projects(),
        events=fetch_events(),
        facts=fetch_facts(),
    )


def compute_figures(*, year: int, known_on: date | None = None) -> ReportFigures:
    """The figures of `year` and the years before, from the database as known on a day."""
    return compute_report(fetch_records(), year=year, known_on=known_on or timezone.localdate())
