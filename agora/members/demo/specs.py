"""What the generator produces and the writer stores: plain dataclasses, no Django."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass
class PeriodSpec:
    """One membership period; `is_renewal` links it to the organisation's previous period."""

    start: date
    end: date
    confirmed_on: date | None
    is_renewal: bool = False
    cancelled_on: date | None = None
    cancellation_reason: str = ""


@dataclass
class PersonSpec:
    """Someone at an organisation (or on their own); `login` names their demo account, if any."""

    first_name: str
    last_name: str
    email: str
    job_title: str
    role: str = "employee"
    login: str = ""


@dataclass
class OrganisationSpec:
    """An organisation of the demo cluster with its people and membership periods."""

    legal_name: str
    short_name: str
    slug: str
    kind: str
    region: str
    country: str
    postcode: str
    city: str
    street: str
    enterprise_number: str
    website: str
    description: str
    employees: int
    domains: tuple[str, ...]
    expertise: str
    is_listed: bool
    shows_contact: bool
    joined: date
    membership_type: str
    fee: Decimal
    partner: str = ""  # slug of the partner cluster of a co-member
    people: list[PersonSpec] = field(default_factory=list)
    periods: list[PeriodSpec] = field(default_factory=list)

    @property
    def email_domain(self) -> str:
        return self.website.removeprefix("https://www.")


@dataclass
class DemoCluster:
    """The whole generated cluster: members past and present, and the pending newcomers."""

    organisations: list[OrganisationSpec]
    pending: list[OrganisationSpec]
