"""REST endpoints of the members domain: parse, authorize, call one service or selector, render."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import Query, Router, Schema, Status

from agora.accounts.api import ANYONE
from agora.accounts.models import AnyUser
from agora.accounts.requests import ApiRequest, SignedInApiRequest
from agora.core.errors import DomainError, PermissionDeniedError
from agora.core.schemas import InputSchema
from agora.members import selectors, services
from agora.members.models import (
    CoMembershipAgreement,
    Membership,
    Organisation,
    PartnerCluster,
    Person,
    Region,
)
from agora.members.schemas import (
    CancelIn,
    ConfirmIn,
    Kind,
    MembershipIn,
    MembershipOut,
    OrganisationDetailOut,
    OrganisationIn,
    OrganisationPage,
    OrganisationPatch,
    PartnerClusterIn,
    PartnerClusterOut,
    PersonIn,
    PersonOut,
    RenewIn,
)

router = Router(tags=["members"])
# The organisation's fields that hold null (unknown), so that a PATCH may clear them.
NULLABLE_ORGANISATION_FIELDS = {"employees"}


# A bound keeps the offset (page - 1) * page_size within a database integer.
MAX_PAGE = 1_000_000


class PageIn(InputSchema):
    page: int = SchemaField(1, ge=1, le=MAX_PAGE)
    page_size: int = SchemaField(50, ge=1, le=200)


class OrganisationFilters(InputSchema):
    search: str = SchemaField("", max_length=100)
    domain: str = SchemaField("", max_length=50, description="A strategic domain code.")
    region: Region | None = None
    kind: Kind | None = None


class MembershipFilters(InputSchema):
    organisation: str = SchemaField("", max_length=100, description="An organisation's slug.")


class PersonPage(Schema):
    count: int
    items: list[PersonOut]


class MembershipPage(Schema):
    count: int
    items: list[MembershipOut]


def require_staff(request: SignedInApiRequest) -> None:
    """Refuse the call unless the caller is cluster staff."""
    if not request.auth.is_staff:
        raise PermissionDeniedError(_("Only the cluster's staff may do this."))


def page_of(queryset: QuerySet, page: PageIn) -> tuple[int, list[Any]]:
    """The total count and the objects of one page."""
    start = (page.page - 1) * page.page_size
    return queryset.count(), list(queryset[start : start + page.page_size])


def find_organisation(slug: str) -> Organisation:
    """The organisation an input names, or a clear 400."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise DomainError(
            _("Unknown organisation: %(slug)s.") % {"slug": slug}, field="organisation"
        )
    return organisation


def organisation_out(
    organisation: Organisation, *, is_staff: bool, representatives: list[Person] | None = None
) -> dict[str, Any]:
    """The fields of an organisation this caller may see."""
    data: dict[str, Any] = {
        "slug": organisation.slug,
        "legal_name": organisation.legal_name,
        "short_name": organisation.short_name,
        "kind": organisation.kind,
        "region": organisation.region,
        "country": organisation.country,
        "city": organisation.city,
        "description": organisation.description,
        "domains": [domain.code for domain in organisation.domains.all()],
        "expertise": organisation.keyword_list,
        "website": organisation.website if is_staff or organisation.shows_contact else None,
        "internal": None,
    }
    if is_staff:
        data["internal"] = {
            "enterprise_number": organisation.enterprise_number,
            "street": organisation.street,
            "postcode": organisation.postcode,
            "employees": organisation.employees,
            "is_listed": organisation.is_listed,
            "shows_contact": organisation.shows_contact,
            # An annotation that list_organisations_for adds for staff, unknown to the model type.
            "is_member": organisation.is_member,  # type: ignore[attr-defined]
            "created_at": organisation.created_at,
        }
    if representatives is not None:
        data["representatives"] = representatives
    return data


def organisation_detail(user: AnyUser, slug: str) -> dict[str, Any]:
    """One organisation as the user may see it, with its representatives, or 404."""
    organisation = selectors.list_organisations_for(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    if user.is_staff:
        colleagues = selectors.list_colleagues(organisation).filter(role="representative")
        representatives = [affiliation.person for affiliation in colleagues]
    else:
        representatives = selectors.list_public_representatives(organisation)
    return organisation_out(organisation, is_staff=user.is_staff, representatives=representatives)


@router.get("/organisations/", response=OrganisationPage, auth=ANYONE)
def list_organisations(
    request: ApiRequest, filters: Query[OrganisationFilters], page: Query[PageIn]
) -> dict[str, Any]:
    """Organisations: the public directory, or every organisation for staff."""
    if filters.domain:
        services.check_domain_codes([filters.domain])
    organisations = selectors.list_organisations_for(
        request.auth,
        search=filters.search,
        domain=filters.domain,
        region=filters.region or "",
        kind=filters.kind or "",
    )
    count, items = page_of(organisations, page)
    is_staff = request.auth.is_staff
    return {"count": count, "items": [organisation_out(o, is_staff=is_staff) for o in items]}


@router.get("/organisations/{slug:slug}", response=OrganisationDetailOut, auth=ANYONE)
def get_organisation(request: ApiRequest, slug: str) -> dict[str, Any]:
    """One organisation, with its representatives when it consents (all of them for staff)."""
    return organisation_detail(request.auth, slug)


@router.post("/organisations/", response={201: OrganisationDetailOut})
def create_organisation(request: SignedInApiRequest, payload: OrganisationIn) -> Status:
    """Register an organisation (staff)."""
    require_staff(request)
    data = payload.dict(exclude={"domains"})
    organisation = services.create_organisation(
        actor=request.auth, data=data, domain_codes=payload.domains
    )
    return Status(201, organisation_detail(request.auth, organisation.slug))


@router.patch("/organisations/{slug:slug}", response=OrganisationDetailOut)
def update_organisation(
    request: SignedInApiRequest, slug: str, payload: OrganisationPatch
) -> dict[str, Any]:
    """Change an organisation's fields (staff); only the fields sent change."""
    require_staff(request)
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    # The schema's null is its default, "not sent": it clears only a field that may be empty.
    data = {
        name: value
        for name, value in payload.dict(exclude_unset=True).items()
        if value is not None or name in NULLABLE_ORGANISATION_FIELDS
    }
    domain_codes = data.pop("domains", None)
    services.update_organisation(
        actor=request.auth, organisation=organisation, data=data, domain_codes=domain_codes
    )
    return organisation_detail(request.auth, slug)


def person_out(person: Person) -> dict[str, Any]:
    """A person with the affiliations the caller may see."""
    affiliations = [
        {
            "organisation": affiliation.organisation.slug,
            "organisation_name": affiliation.organisation.display_name,
            "role": affiliation.role,
            "start_date": affiliation.start_date,
            "end_date": affiliation.end_date,
        }
        # The current affiliations that list_people_for prefetches (to_attr), unknown to the type.
        for affiliation in person.visible_affiliations  # type: ignore[attr-defined]
    ]
    return {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "job_title": person.job_title,
        "affiliations": affiliations,
    }


def access_person(user: AnyUser, pk: int) -> Person:
    """A person the user may see, or 404."""
    person = selectors.list_people_for(user).filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


@router.get("/people/", response=PersonPage)
def list_people(request: SignedInApiRequest, page: Query[PageIn]) -> dict[str, Any]:
    """People: all for staff, the current people of the caller's organisations otherwise."""
    count, items = page_of(selectors.list_people_for(request.auth), page)
    return {"count": count, "items": [person_out(person) for person in items]}


@router.get("/people/{int:pk}", response=PersonOut)
def get_person(request: SignedInApiRequest, pk: int) -> dict[str, Any]:
    """One person the caller may see."""
    return person_out(access_person(request.auth, pk))


@router.post("/people/", response={201: PersonOut})
def create_person(request: SignedInApiRequest, payload: PersonIn) -> Status:
    """Record a person, optionally affiliated with an organisation (staff)."""
    require_staff(request)
    organisation = find_organisation(payload.organisation) if payload.organisation else None
    person = services.create_person(
        actor=request.auth,
        data=payload.dict(exclude={"organisation", "role"}),
        organisation=organisation,
        role=payload.role,
    )
    return Status(201, person_out(access_person(request.auth, person.pk)))


def membership_out(membership: Membership) -> dict[str, Any]:
    """A membership period with its status today."""
    return {
        "id": membership.pk,
        "organisation": membership.organisation.slug,
        "type": membership.type,
        "start_date": membership.start_date,
        "end_date": membership.end_date,
        "fee": membership.fee,
        "status": membership.status.value,
        "confirmed_on": membership.confirmed_on,
        "cancelled_on": membership.cancelled_on,
        "cancellation_reason": membership.cancellation_reason,
        "renewal_of": membership.renewal_of_id,
    }


def access_membership(user: AnyUser, pk: int) -> Membership:
    """A membership period the user may see, or 404."""
    membership = selectors.list_memberships_for(user).filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership


@router.get("/memberships/", response=MembershipPage)
def list_memberships(
    request: SignedInApiRequest, page: Query[PageIn], filters: Query[MembershipFilters]
) -> dict[str, Any]:
    """Membership periods: all for staff, those of the caller's organisations otherwise."""
    memberships = selectors.list_memberships_for(request.auth)
    if filters.organisation:
        memberships = memberships.filter(organisation__slug=filters.organisation)
    count, items = page_of(memberships, page)
    return {"count": count, "items": [membership_out(m) for m in items]}


@router.get("/memberships/{int:pk}", response=MembershipOut)
def get_membership(request: SignedInApiRequest, pk: int) -> dict[str, Any]:
    """One membership period the caller may see."""
    return membership_out(access_membership(request.auth, pk))


@router.post("/memberships/", response={201: MembershipOut})
def create_membership(request: SignedInApiRequest, payload: MembershipIn) -> Status:
    """Open a membership period, pending unless `confirmed_on` is given (staff)."""
    require_staff(request)
    organisation = find_organisation(payload.organisation)
    agreement = None
    if payload.agreement is not None:
        agreement = CoMembershipAgreement.objects.filter(pk=payload.agreement).first()
        if agreement is None:
            raise DomainError(_("Unknown co-membership agreement."), field="agreement")
    membership = services.create_membership(
        actor=request.auth,
        organisation=organisation,
        type=payload.type,
        start_date=payload.start_date,
        end_date=payload.end_date,
        fee=payload.fee,
        agreement=agreement,
        confirmed_on=payload.confirmed_on,
    )
    return Status(201, membership_out(access_membership(request.auth, membership.pk)))


@router.post("/memberships/{int:pk}/confirm", response=MembershipOut)
def confirm_membership(request: SignedInApiRequest, pk: int, payload: ConfirmIn) -> dict[str, Any]:
    """Confirm a pending membership period (staff)."""
    require_staff(request)
    membership = access_membership(request.auth, pk)
    services.confirm_membership(actor=request.auth, membership=membership, on=payload.on)
    return membership_out(access_membership(request.auth, pk))


@router.post("/memberships/{int:pk}/renew", response={201: MembershipOut})
def renew_membership(request: SignedInApiRequest, pk: int, payload: RenewIn) -> Status:
    """Open the next period right after this one (staff)."""
    require_staff(request)
    membership = access_membership(request.auth, pk)
    renewal = services.renew_membership(actor=request.auth, membership=membership, fee=payload.fee)
    return Status(201, membership_out(access_membership(request.auth, renewal.pk)))


@router.post("/memberships/{int:pk}/cancel", response=MembershipOut)
def cancel_membership(request: SignedInApiRequest, pk: int, payload: CancelIn) -> dict[str, Any]:
    """End a membership period early, with a reason (staff)."""
    require_staff(request)
    membership = access_membership(request.auth, pk)
    services.cancel_membership(
        actor=request.auth, membership=membership, reason=payload.reason, on=payload.on
    )
    return membership_out(access_membership(request.auth, pk))


def partner_out(partner: PartnerCluster, co_members: list[Organisation]) -> dict[str, Any]:
    """A partner cluster with the co-members the caller may see."""
    return {
        "id": partner.pk,
        "name": partner.name,
        "short_name": partner.short_name,
        "slug": partner.slug,
        "country": partner.country,
        "region": partner.region,
        "website": partner.website,
        "description": partner.description,
        "co_members": [{"slug": o.slug, "name": o.display_name} for o in co_members],
    }


@router.get("/partner-clusters/", response=list[PartnerClusterOut], auth=ANYONE)
def list_partner_clusters(request: ApiRequest) -> list[dict[str, Any]]:
    """Partner clusters and their co-members in good standing (listed ones unless staff)."""
    co_members = selectors.list_co_members(only_listed=not request.auth.is_staff)
    return [
        partner_out(partner, co_members.get(partner.pk, []))
        for partner in PartnerCluster.objects.order_by("name")
    ]


@router.get("/partner-clusters/{slug:slug}", response=PartnerClusterOut, auth=ANYONE)
def get_partner_cluster(request: ApiRequest, slug: str) -> dict[str, Any]:
    """One partner cluster and its co-members."""
    partner = PartnerCluster.objects.filter(slug=slug).first()
    if partner is None:
        raise Http404
    co_members = selectors.list_co_members(only_listed=not request.auth.is_staff)
    return partner_out(partner, co_members.get(partner.pk, []))


@router.post("/partner-clusters/", response={201: PartnerClusterOut})
def create_partner_cluster(request: SignedInApiRequest, payload: PartnerClusterIn) -> Status:
    """Record a partner cluster (staff)."""
    require_staff(request)
    partner = services.create_partner_cluster(actor=request.auth, data=payload.dict())
    return Status(201, partner_out(partner, []))
