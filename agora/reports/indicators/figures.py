"""The figures the indicators produce: frozen, and plain enough to be stored as JSON. No Django."""

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class MembershipFigures:
    """Members at the end of a year, the year's arrivals and leavers, and breakdowns."""

    members_end: int = 0
    new: int = 0  # organisations whose first membership period starts this year
    arrived: int = 0  # members at this year's end that were not at the previous one's
    left: int = 0
    co_members_end: int = 0
    co_members_new: int = 0
    growth: float | None = None  # members_end over the previous year's, minus one
    by_region: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_domain: dict[str, int] = field(default_factory=dict)
    by_partner: dict[str, int] = field(default_factory=dict)  # co-members per partner cluster


@dataclass(frozen=True)
class ProjectFigures:
    """R&D projects submitted and labelled in a year, with the labelled projects' consortia."""

    submitted: int = 0
    labelled: int = 0
    co_labelled: int = 0
    labelled_budget_cents: int = 0
    partner_organisations: int = 0
    external_partners: int = 0


@dataclass(frozen=True)
class LargestEvent:
    """The year's event with the most participants (the cluster day, usually)."""

    title: str
    participants: int
    meetings_held: int


@dataclass(frozen=True)
class EventFigures:
    """Events held in a year, who came, and their B2B meetings."""

    held: int = 0
    participants: int = 0
    member_organisations_reached: int = 0
    meetings_requested: int = 0
    meetings_accepted: int = 0
    meetings_held: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    largest: LargestEvent | None = None
    # Defaults also read back the figures frozen before meetings were rated in reports.
    ratings: int = 0  # participants' ratings of held meetings, 1 to 5 each
    rating_mean: float | None = None  # None without any rating


@dataclass(frozen=True)
class FactsFigures:
    """Totals of the yearly facts members entered, and like-for-like growth."""

    reporting: int = 0
    employees: int = 0
    turnover: int = 0
    investment_raised: int = 0
    employees_growth: float | None = None  # organisations that entered both years only
    turnover_growth: float | None = None


@dataclass(frozen=True)
class YearFigures:
    """Every indicator of one calendar year."""

    year: int
    membership: MembershipFigures = field(default_factory=MembershipFigures)
    projects: ProjectFigures = field(default_factory=ProjectFigures)
    events: EventFigures = field(default_factory=EventFigures)
    facts: FactsFigures = field(default_factory=FactsFigures)


@dataclass(frozen=True)
class ReportFigures:
    """The figures of an annual report: its year, the year before, and the history up to it."""

    year: int
    known_on: date  # decisions taken after this day are ignored
    years: tuple[YearFigures, ...]  # from the first year with members to `year`, in order
    cagr_start: int  # the first year of the compound growth period (three years back)
    cagr: float | None  # compound annual growth of members from cagr_start to year

    @property
    def current(self) -> YearFigures:
        return self.years[-1]

    @property
    def previous(self) -> YearFigures:
        return self.years[-2] if len(self.years) > 1 else YearFigures(year=self.year - 1)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary; `from_dict` reads it back."""
        data = asdict(self)
        data["known_on"] = self.known_on.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ReportFigures":
        """The figures stored by `to_dict`."""
        return cls(
            year=data["year"],
            known_on=date.fromisoformat(data["known_on"]),
            years=tuple(year_from_dict(item) for item in data["years"]),
            cagr_start=data["cagr_start"],
            cagr=data["cagr"],
        )


def year_from_dict(data: dict[str, Any]) -> YearFigures:
    """One year's figures from their dictionary."""
    events = dict(data["events"])
    largest = events.pop("largest")
    return YearFigures(
        year=data["year"],
        membership=MembershipFigures(**data["membership"]),
        projects=ProjectFigures(**data["projects"]),
        events=EventFigures(**events, largest=LargestEvent(**largest) if largest else None),
        facts=FactsFigures(**data["facts"]),
    )
