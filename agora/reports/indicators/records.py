"""The plain records the indicators are computed from, as the adapter reads them. No Django."""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class OrganisationState:
    """An organisation's kind, region and strategic domains from a day on."""

    since: date
    kind: str
    region: str
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganisationRecord:
    """An organisation's attributes used for breakdowns: today's, and their recorded history."""

    id: int
    kind: str
    region: str
    domains: tuple[str, ...] = ()
    history: tuple[OrganisationState, ...] = ()  # oldest first; empty if nothing was recorded

    def as_of(self, day: date) -> OrganisationState:
        """The state recorded last on or before `day`.

        Before the first recorded state, the first one: the oldest the cluster knows (an
        organisation imported in bulk has no record of what it was before). Without any history,
        today's values.
        """
        if not self.history:
            return OrganisationState(date.min, self.kind, self.region, self.domains)
        index = bisect_right(self.history, day, key=lambda state: state.since)
        return self.history[max(index - 1, 0)]


@dataclass(frozen=True)
class PeriodRecord:
    """One membership period with the dates of its decisions."""

    organisation_id: int
    start: date
    end: date
    confirmed_on: date | None
    cancelled_on: date | None = None
    partner: str = ""  # the partner cluster of a co-membership, "" for a direct membership


@dataclass(frozen=True)
class ProjectRecord:
    """An R&D project: when it was submitted, the jury's decision, its consortium's budgets."""

    id: int
    submitted_on: date | None
    labelled_on: date | None = None  # the day the jury labelled it; None if not (yet) labelled
    co_labelling_partner: str = ""
    partner_organisations: tuple[int, ...] = ()
    external_partners: int = 0
    budget_cents: int = 0


@dataclass(frozen=True)
class RegistrationRecord:
    """A registration to an event, credited to an organisation when the cluster knows it."""

    organisation_id: int | None
    registered_on: date
    cancelled_on: date | None = None


@dataclass(frozen=True)
class FeedbackRecord:
    """One participant's feedback on a meeting held: its outcome and rating, and when."""

    given_on: date
    outcome: str
    rating: int  # 1 to 5


@dataclass(frozen=True)
class MeetingRequestRecord:
    """A B2B meeting request, its answer and, once met, the participants' feedback."""

    requested_on: date
    accepted_on: date | None = None
    is_placed: bool = False  # accepted and placed in the published schedule
    feedback: tuple[FeedbackRecord, ...] = ()
    cancelled_on: date | None = None  # once accepted, the day its meeting was cancelled


@dataclass(frozen=True)
class EventRecord:
    """A published event with its registrations and B2B meeting requests."""

    id: int
    title: str
    held_on: date
    registrations: tuple[RegistrationRecord, ...] = ()
    requests: tuple[MeetingRequestRecord, ...] = ()


@dataclass(frozen=True)
class FactsRecord:
    """What a member's representative entered about one year of the organisation."""

    organisation_id: int
    year: int
    employees: int | None = None
    turnover: int | None = None  # euros
    investment_raised: int | None = None  # euros


@dataclass(frozen=True)
class ClusterRecords:
    """Everything the indicators read, fetched once."""

    organisations: tuple[OrganisationRecord, ...] = ()
    periods: tuple[PeriodRecord, ...] = ()
    projects: tuple[ProjectRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    facts: tuple[FactsRecord, ...] = field(default=())
