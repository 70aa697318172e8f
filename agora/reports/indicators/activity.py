"""Project, event and yearly-facts indicators of one year. No Django."""

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from agora.reports.indicators.figures import (
    EventFigures,
    FactsFigures,
    LargestEvent,
    ProjectFigures,
)
from agora.reports.indicators.membership import growth
from agora.reports.indicators.records import (
    EventRecord,
    FactsRecord,
    MeetingRequestRecord,
    ProjectRecord,
    RegistrationRecord,
)


def happened_in(day: date | None, year: int, known_on: date) -> bool:
    """Whether a dated fact is known on `known_on` and falls in `year`."""
    return day is not None and day.year == year and day <= known_on


def project_figures(projects: Iterable[ProjectRecord], year: int, known_on: date) -> ProjectFigures:
    """Projects submitted and labelled in a year, and the labelled projects' consortia."""
    projects = list(projects)
    labelled = [p for p in projects if happened_in(p.labelled_on, year, known_on)]
    return ProjectFigures(
        submitted=sum(1 for p in projects if happened_in(p.submitted_on, year, known_on)),
        labelled=len(labelled),
        co_labelled=sum(1 for p in labelled if p.co_labelling_partner),
        labelled_budget_cents=sum(p.budget_cents for p in labelled),
        partner_organisations=len({pk for p in labelled for pk in p.partner_organisations}),
        external_partners=sum(p.external_partners for p in labelled),
    )


def is_participant(registration: RegistrationRecord, known_on: date) -> bool:
    """Registered and not cancelled, as known on `known_on`."""
    cancelled = registration.cancelled_on is not None and registration.cancelled_on <= known_on
    return registration.registered_on <= known_on and not cancelled


def is_accepted(request: MeetingRequestRecord, known_on: date) -> bool:
    """Accepted, and its meeting not cancelled, as known on `known_on`."""
    cancelled = request.cancelled_on is not None and request.cancelled_on <= known_on
    return request.accepted_on is not None and request.accepted_on <= known_on and not cancelled


def is_held(request: MeetingRequestRecord, known_on: date) -> bool:
    """Placed in the published schedule, and not cancelled as known on `known_on`."""
    return request.is_placed and is_accepted(request, known_on)


def event_figures(
    events: Iterable[EventRecord],
    year: int,
    known_on: date,
    is_member_on: Callable[[int, date], bool],
) -> EventFigures:
    """Events held in a year, their participants, member organisations reached and B2B."""
    held = [event for event in events if happened_in(event.held_on, year, known_on)]
    reached: set[int] = set()
    participants: dict[int, int] = {}
    outcomes: Counter[str] = Counter()
    ratings: list[int] = []
    for event in held:
        present = [r for r in event.registrations if is_participant(r, known_on)]
        participants[event.id] = len(present)
        reached.update(
            r.organisation_id
            for r in present
            if r.organisation_id is not None and is_member_on(r.organisation_id, event.held_on)
        )
        # Feedback given after `known_on` was not known then.
        known = [
            f
            for r in event.requests
            if is_held(r, known_on)
            for f in r.feedback
            if f.given_on <= known_on
        ]
        outcomes.update(f.outcome for f in known)
        ratings.extend(f.rating for f in known)
    requests = [request for event in held for request in event.requests]
    return EventFigures(
        held=len(held),
        participants=sum(participants.values()),
        member_organisations_reached=len(reached),
        meetings_requested=sum(1 for r in requests if r.requested_on <= known_on),
        meetings_accepted=sum(1 for r in requests if is_accepted(r, known_on)),
        meetings_held=sum(1 for r in requests if is_held(r, known_on)),
        outcomes=dict(sorted(outcomes.items())),
        largest=largest_event(held, participants, known_on),
        ratings=len(ratings),
        rating_mean=sum(ratings) / len(ratings) if ratings else None,
    )


def largest_event(
    held: list[EventRecord], participants: dict[int, int], known_on: date
) -> LargestEvent | None:
    """The event with the most participants (the earliest among equals), if any came."""
    if not held:
        return None
    event = max(held, key=lambda e: (participants[e.id], -e.held_on.toordinal()))
    if not participants[event.id]:
        return None
    meetings = sum(1 for request in event.requests if is_held(request, known_on))
    return LargestEvent(event.title, participants[event.id], meetings)


def facts_figures(facts: Iterable[FactsRecord], year: int) -> FactsFigures:
    """Totals of a year's facts and the growth of the organisations that entered both years."""
    this_year = {f.organisation_id: f for f in facts if f.year == year}
    last_year = {f.organisation_id: f for f in facts if f.year == year - 1}
    return FactsFigures(
        reporting=len(this_year),
        employees=sum(f.employees or 0 for f in this_year.values()),
        turnover=sum(f.turnover or 0 for f in this_year.values()),
        investment_raised=sum(f.investment_raised or 0 for f in this_year.values()),
        employees_growth=like_for_like(this_year, last_year, "employees"),
        turnover_growth=like_for_like(this_year, last_year, "turnover"),
    )


def like_for_like(
    this_year: dict[int, FactsRecord], last_year: dict[int, FactsRecord], name: str
) -> float | None:
    """Growth of a fact summed over the organisations that gave it in both years."""
    pairs = [
        (getattr(this_year[pk], name), getattr(last_year[pk], name))
        for pk in this_year.keys() & last_year.keys()
    ]
    pairs = [(now, before) for now, before in pairs if now is not None and before is not None]
    return growth(sum(now for now, _ in pairs), sum(before for _, before in pairs))
