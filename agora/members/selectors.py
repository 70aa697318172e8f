"""Reads of the members domain; `access_*` functions check permission and 404 otherwise."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from agora.accounts.models import AnyUser, User
from agora.members.models import (
    Affiliation,
    CoMembershipAgreement,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Person,
    StrategicDomain,
)
from agora.members.status import GRACE_DAYS, Status


def current_affiliations(on: date | None = None) -> Q:
    """Affiliations that hold on a day (today by default)."""
    day = on or timezone.localdate()
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def good_standing_memberships(on: date | None = None) -> QuerySet[Membership]:
    """Memberships that grant benefits on a day: active, or ended within the grace period."""
    day = on or timezone.localdate()
    grace_start = day - timedelta(days=GRACE_DAYS)
    renewed = Membership.objects.filter(renewal_of=OuterRef("pk"))
    return (
        Membership.objects.filter(confirmed_on__lte=day, start_date__lte=day)
        .exclude(cancelled_on__lte=day)
        .annotate(is_renewed=Exists(renewed))
        .filter(Q(end_date__gte=day) | Q(end_date__gte=grace_start, is_renewed=False))
    )


def list_member_organisations(on: date | None = None) -> QuerySet[Organisation]:
    """Organisations in good standing on a day."""
    standing = good_standing_memberships(on).filter(organisation=OuterRef("pk"))
    return Organisation.objects.filter(Exists(standing))


def is_member_organisation(organisation: Organisation, on: date | None = None) -> bool:
    """Whether the organisation holds a membership in good standing."""
    return good_standing_memberships(on).filter(organisation=organisation).exists()


def get_person(user: AnyUser) -> Person | None:
    """The person record of a user, if any."""
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def list_user_organisations(user: AnyUser, *, role: str | None = None) -> QuerySet[Organisation]:
    """Organisations the user is currently affiliated with (optionally in one role)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    affiliations = Affiliation.objects.filter(current_affiliations(), person__user=user)
    if role:
        affiliations = affiliations.filter(role=role)
    return Organisation.objects.filter(pk__in=affiliations.values("organisation_id"))


def list_represented_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations the user represents."""
    return list_user_organisations(user, role=Affiliation.Role.REPRESENTATIVE)


def is_representative_of(user: AnyUser, organisation: Organisation) -> bool:
    """Whether the user currently represents this organisation."""
    return list_represented_organisations(user).filter(pk=organisation.pk).exists()


def is_member_user(user: AnyUser) -> bool:
    """Whether the user belongs to an organisation in good standing (benefits through it)."""
    organisations = list_user_organisations(user)
    return list_member_organisations().filter(pk__in=organisations.values("pk")).exists()


def filter_organisations(
    organisations: QuerySet[Organisation],
    *,
    search: str = "",
    domain: str = "",
    region: str = "",
    kind: str = "",
) -> QuerySet[Organisation]:
    """Narrow organisations by words, strategic domain code, region and kind."""
    if search:
        organisations = organisations.filter(
            Q(legal_name__icontains=search)
            | Q(short_name__icontains=search)
            | Q(expertise__icontains=search)
            | Q(description__icontains=search)
        )
    if domain:
        organisations = organisations.filter(domains__code=domain)
    if region:
        organisations = organisations.filter(region=region)
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations.prefetch_related("domains").order_by("legal_name").distinct()


def list_directory(
    *, search: str = "", domain: str = "", region: str = "", kind: str = ""
) -> QuerySet[Organisation]:
    """Member organisations that consent to be listed, filtered as the visitor asks."""
    organisations = list_member_organisations().filter(is_listed=True)
    return filter_organisations(
        organisations, search=search, domain=domain, region=region, kind=kind
    )


def list_organisations_for(user: AnyUser, **filters: str) -> QuerySet[Organisation]:
    """Organisations the user may look up: all for staff, the public directory for others."""
    if not user.is_staff:
        return list_directory(**filters)
    standing = good_standing_memberships().filter(organisation=OuterRef("pk"))
    organisations = Organisation.objects.annotate(is_member=Exists(standing))
    return filter_organisations(organisations, **filters)


def access_public_organisation(slug: str) -> Organisation:
    """A listed member organisation, or 404."""
    try:
        return list_directory().get(slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


def access_organisation_for_edit(user: AnyUser, slug: str) -> Organisation:
    """An organisation the user may edit (its representatives, staff), or 404."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not (user.is_staff or is_representative_of(user, organisation)):
        raise Http404
    return organisation


def access_organisation_for_member(user: AnyUser, slug: str) -> Organisation:
    """An organisation the user is affiliated with (or staff), or 404."""
    organisations = Organisation.objects.all() if user.is_staff else list_user_organisations(user)
    organisation = organisations.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def list_memberships(organisation: Organisation) -> list[Membership]:
    """The organisation's membership periods, newest first, each knowing if it was renewed."""
    return list(
        Membership.objects.filter(organisation=organisation)
        .select_related("agreement__partner")
        .annotate(has_renewal=Exists(Membership.objects.filter(renewal_of=OuterRef("pk"))))
        .order_by("-start_date")
    )


def get_current_membership(organisation: Organisation) -> Membership | None:
    """The period that speaks for the organisation today: in good standing, else the latest."""
    memberships = list_memberships(organisation)
    for membership in memberships:
        if membership.status in {Status.ACTIVE, Status.GRACE}:
            return membership
    return memberships[0] if memberships else None


def list_colleagues(organisation: Organisation) -> QuerySet[Affiliation]:
    """Current affiliations of an organisation, with their people."""
    return (
        Affiliation.objects.filter(current_affiliations(), organisation=organisation)
        .select_related("person__user")
        .order_by("person__last_name", "person__first_name")
    )


def list_public_representatives(organisation: Organisation) -> list[Person]:
    """Representatives shown on a public profile, when the organisation consents."""
    if not organisation.shows_contact:
        return []
    return [a.person for a in list_colleagues(organisation).filter(role="representative")]


def list_public_partner_clusters() -> QuerySet[PartnerCluster]:
    """Partner clusters with their agreements and listed co-members in good standing."""
    co_members = (
        good_standing_memberships()
        .filter(type=Membership.Type.CO_MEMBER, organisation__is_listed=True)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    )
    agreements = CoMembershipAgreement.objects.prefetch_related(
        Prefetch("memberships", queryset=co_members)
    )
    return PartnerCluster.objects.prefetch_related(Prefetch("agreements", queryset=agreements))


@dataclass(frozen=True)
class ClusterFigures:
    """What the home page says about the cluster."""

    member_organisations: int
    domains: list[StrategicDomain]
    partner_clusters: int


def get_cluster_figures() -> ClusterFigures:
    """Counts of member organisations and partner clusters, and the strategic domains."""
    return ClusterFigures(
        member_organisations=list_member_organisations().count(),
        domains=list(StrategicDomain.objects.all()),
        partner_clusters=PartnerCluster.objects.count(),
    )


def list_applications(*, state: str = "") -> QuerySet[MembershipApplication]:
    """Membership applications, newest first, optionally in one state."""
    applications = MembershipApplication.objects.select_related("decided_by", "organisation")
    return applications.filter(state=state) if state else applications


def access_application(user: AnyUser, pk: int) -> MembershipApplication:
    """A membership application, for staff only, or 404."""
    application = MembershipApplication.objects.filter(pk=pk).select_related("partner").first()
    if application is None or not user.is_staff:
        raise Http404
    return application


def access_membership(user: AnyUser, pk: int) -> Membership:
    """A membership period, for staff only, or 404."""
    membership = (
        Membership.objects.filter(pk=pk)
        .select_related("organisation", "agreement__partner", "renewal_of")
        .first()
    )
    if membership is None or not user.is_staff:
        raise Http404
    return membership


def access_invitation(token: str) -> Invitation:
    """The invitation a link points to (open or not), or 404."""
    invitation = Invitation.objects.filter(token=token).select_related("organisation").first()
    if invitation is None:
        raise Http404
    return invitation


def list_people_for(user: AnyUser) -> QuerySet[Person]:
    """People the user may see: all for staff, their organisations' current people otherwise."""
    affiliations = Affiliation.objects.filter(current_affiliations()).select_related("organisation")
    if user.is_staff:
        people = Person.objects.all()
    else:
        organisations = list_user_organisations(user)
        affiliations = affiliations.filter(organisation__in=organisations)
        people = Person.objects.filter(pk__in=affiliations.values("person_id"))
    return people.prefetch_related(
        Prefetch("affiliations", queryset=affiliations, to_attr="visible_affiliations")
    ).order_by("last_name", "first_name", "pk")


def list_memberships_for(user: AnyUser) -> QuerySet[Membership]:
    """Membership periods the user may see: all for staff, their organisations' otherwise."""
    memberships = Membership.objects.select_related("organisation").annotate(
        has_renewal=Exists(Membership.objects.filter(renewal_of=OuterRef("pk")))
    )
    if not user.is_staff:
        memberships = memberships.filter(organisation__in=list_user_organisations(user))
    return memberships.order_by("organisation__legal_name", "-start_date", "pk")


def list_co_members(*, only_listed: bool) -> dict[int, list[Organisation]]:
    """Organisations holding a co-membership in good standing, by partner cluster id."""
    memberships = (
        good_standing_memberships()
        .filter(type=Membership.Type.CO_MEMBER)
        .select_related("organisation", "agreement")
        .order_by("organisation__legal_name")
    )
    if only_listed:
        memberships = memberships.filter(organisation__is_listed=True)
    co_members: dict[int, list[Organisation]] = {}
    for membership in memberships:
        # The co_member_needs_agreement constraint guarantees it; this tells the type checker.
        assert membership.agreement is not None
        members = co_members.setdefault(membership.agreement.partner_id, [])
        if membership.organisation not in members:
            members.append(membership.organisation)
    return co_members


def list_open_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    """Invitations of the organisation that are neither accepted nor expired."""
    return Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, expires_at__gt=timezone.now()
    )


@dataclass(frozen=True)
class PortalEntry:
    """One of the user's organisations as the portal shows it: the tie and the membership."""

    affiliation: Affiliation
    membership: Membership | None


def list_portal_entries(user: User) -> list[PortalEntry]:
    """The user's current affiliations, each with its organisation's current membership."""
    affiliations = (
        Affiliation.objects.filter(current_affiliations(), person__user=user)
        .select_related("organisation")
        .order_by("organisation__legal_name")
    )
    return [PortalEntry(a, get_current_membership(a.organisation)) for a in affiliations]
