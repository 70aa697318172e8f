"""Typed shapes of the members API: what goes in, what comes out."""

from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from agora.core.schemas import InputSchema
from agora.members.models import Affiliation, Membership, Organisation, Region

Kind = Organisation.Kind
Role = Affiliation.Role
MembershipType = Membership.Type


class ErrorOut(Schema):
    detail: str


class RepresentativeOut(Schema):
    first_name: str
    last_name: str
    job_title: str


class OrganisationInternalOut(Schema):
    """Fields only the cluster's staff see."""

    enterprise_number: str
    street: str
    postcode: str
    employees: int | None
    is_listed: bool
    shows_contact: bool
    is_member: bool
    created_at: datetime


class OrganisationOut(Schema):
    slug: str
    legal_name: str
    short_name: str
    kind: Kind
    region: Region
    country: str
    city: str
    description: str
    domains: list[str]
    expertise: list[str]
    website: str | None = Field(description="Only when the organisation consents, or for staff.")
    internal: OrganisationInternalOut | None = Field(description="Staff only; null otherwise.")


class OrganisationDetailOut(OrganisationOut):
    representatives: list[RepresentativeOut] = Field(
        description="Only when the organisation consents, or for staff."
    )


class OrganisationPage(Schema):
    count: int
    items: list[OrganisationOut]


class OrganisationIn(InputSchema):
    legal_name: str = Field(min_length=1, max_length=200)
    short_name: str = Field("", max_length=80)
    slug: str = Field("", max_length=100, description="Derived from the legal name when empty.")
    kind: Kind = Kind.SME
    region: Region
    country: str = Field("BE", min_length=2, max_length=2)
    street: str = Field("", max_length=200)
    postcode: str = Field("", max_length=20)
    city: str = Field("", max_length=100)
    enterprise_number: str = Field("", max_length=20, examples=["0123.456.749"])
    website: str = Field("", max_length=200)
    description: str = ""
    employees: int | None = Field(None, ge=0)
    expertise: str = Field("", max_length=500)
    is_listed: bool = False
    shows_contact: bool = False
    domains: list[str] = Field(default_factory=list, description="Strategic domain codes.")


class OrganisationPatch(InputSchema):
    legal_name: str | None = Field(None, min_length=1, max_length=200)
    short_name: str | None = Field(None, max_length=80)
    kind: Kind | None = None
    region: Region | None = None
    country: str | None = Field(None, min_length=2, max_length=2)
    street: str | None = Field(None, max_length=200)
    postcode: str | None = Field(None, max_length=20)
    city: str | None = Field(None, max_length=100)
    enterprise_number: str | None = Field(None, max_length=20)
    website: str | None = Field(None, max_length=200)
    description: str | None = None
    employees: int | None = Field(None, ge=0)
    expertise: str | None = Field(None, max_length=500)
    is_listed: bool | None = None
    shows_contact: bool | None = None
    domains: list[str] | None = None


class AffiliationOut(Schema):
    organisation: str = Field(description="The organisation's slug.")
    organisation_name: str
    role: Role
    start_date: date
    end_date: date | None


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    job_title: str
    affiliations: list[AffiliationOut]


class PersonIn(InputSchema):
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    job_title: str = Field("", max_length=150)
    organisation: str = Field("", description="Slug of the organisation to affiliate them with.")
    role: Role = Role.EMPLOYEE


class MembershipOut(Schema):
    id: int
    organisation: str = Field(description="The organisation's slug.")
    type: MembershipType
    start_date: date
    end_date: date
    fee: Decimal
    status: str
    confirmed_on: date | None
    cancelled_on: date | None
    cancellation_reason: str
    renewal_of: int | None


class MembershipIn(InputSchema):
    organisation: str = Field(description="The organisation's slug.")
    type: MembershipType = MembershipType.FULL
    start_date: date
    end_date: date | None = Field(None, description="A year after the start when empty.")
    fee: Decimal = Field(Decimal(0), ge=0, max_digits=10, decimal_places=2)
    agreement: int | None = Field(None, description="Co-membership agreement id.")
    confirmed_on: date | None = None


class ConfirmIn(InputSchema):
    on: date | None = None


class RenewIn(InputSchema):
    fee: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)


class CancelIn(InputSchema):
    reason: str = Field(max_length=300)
    on: date | None = None


class CoMemberOut(Schema):
    slug: str
    name: str


class PartnerClusterOut(Schema):
    id: int
    name: str
    short_name: str
    slug: str
    country: str
    region: Region
    website: str
    description: str
    co_members: list[CoMemberOut]


class PartnerClusterIn(InputSchema):
    name: str = Field(min_length=1, max_length=200)
    short_name: str = Field("", max_length=50)
    slug: str = Field("", max_length=50, description="Derived from the name when empty.")
    country: str = Field("BE", min_length=2, max_length=2)
    region: Region
    website: str = Field("", max_length=200)
    description: str = ""
