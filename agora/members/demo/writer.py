"""Store the generated cluster through the ORM in bulk: fixture loading, not a user action.

No services and no audit entries here: the rows describe a past the services never saw. The
caller holds the transaction.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from agora.accounts.models import User
from agora.members.demo import featured
from agora.members.demo.featured import ApplicationData
from agora.members.demo.specs import DemoCluster, OrganisationSpec, PersonSpec
from agora.members.models import (
    Affiliation,
    CoMembershipAgreement,
    ContactMessage,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Person,
    StrategicDomain,
)

ORGANISATION_FIELDS = (
    "legal_name",
    "short_name",
    "slug",
    "kind",
    "region",
    "country",
    "postcode",
    "city",
    "street",
    "enterprise_number",
    "website",
    "description",
    "employees",
    "expertise",
    "is_listed",
    "shows_contact",
)


def moment(day: date, hour: int = 10) -> datetime:
    """A time on `day` in the cluster's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


def write_cluster(cluster: DemoCluster, today: date) -> dict[str, Any]:
    """Store everything; returns the users by role, organisations by slug, domains by code."""
    domains = {domain.code: domain for domain in StrategicDomain.objects.all()}
    agreements = write_partners()
    users = write_users()
    specs = cluster.organisations + cluster.pending
    organisations = write_organisations(specs, domains)
    write_people(specs, organisations, users)
    write_memberships(specs, organisations, agreements)
    objects = {"users": users, "organisations": organisations, "domains": domains}
    write_applications(cluster.pending, objects, today)
    write_contact_messages(today)
    return objects


def write_partners() -> dict[str, CoMembershipAgreement]:
    """The partner clusters and their agreements, by partner slug."""
    agreements = {}
    for data in featured.PARTNERS.values():
        partner = PartnerCluster.objects.create(
            name=data.name,
            short_name=data.short_name,
            slug=data.slug,
            country=data.country,
            region=data.region,
            website=f"https://www.{data.slug}.example",
            description=data.description,
        )
        agreements[data.slug] = CoMembershipAgreement.objects.create(
            partner=partner, signed_on=data.signed_on, benefits=data.benefits, fee=data.fee
        )
    return agreements


def write_users() -> dict[str, User]:
    """One account per demo login, its e-mail address verified for allauth."""
    users = {}
    for login in featured.LOGINS:
        user = User(
            email=login.email,
            full_name=login.full_name,
            is_staff=login.is_staff,
            is_superuser=login.is_staff,
        )
        user.set_password(login.password)
        users[login.role] = user
    User.objects.bulk_create(users.values())
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in users.values()
    )
    return users


def write_organisations(
    specs: list[OrganisationSpec], domains: dict[str, StrategicDomain]
) -> dict[str, Organisation]:
    """The organisations and their strategic domains, by slug."""
    organisations = Organisation.objects.bulk_create(
        Organisation(
            **{field: getattr(spec, field) for field in ORGANISATION_FIELDS},
            created_at=moment(spec.joined),
        )
        for spec in specs
    )
    through = Organisation.domains.through
    through.objects.bulk_create(
        through(organisation_id=organisation.pk, strategicdomain_id=domains[code].pk)
        for spec, organisation in zip(specs, organisations, strict=True)
        for code in spec.domains
    )
    return {organisation.slug: organisation for organisation in organisations}


def new_person(spec: PersonSpec, users: dict[str, User], joined: date) -> Person:
    """An unsaved person, tied to their demo account if they have one."""
    return Person(
        first_name=spec.first_name,
        last_name=spec.last_name,
        email=spec.email,
        job_title=spec.job_title,
        user=users.get(spec.login),
        created_at=moment(joined),
    )


def write_people(
    specs: list[OrganisationSpec], organisations: dict[str, Organisation], users: dict[str, User]
) -> None:
    """Everyone the cluster knows, and their affiliations since their organisation joined."""
    Person.objects.bulk_create(
        new_person(spec, users, date(2012, 1, 1)) for spec in featured.LOOSE_PEOPLE
    )
    pairs = [(spec, person) for spec in specs for person in spec.people]
    people = Person.objects.bulk_create(new_person(p, users, spec.joined) for spec, p in pairs)
    Affiliation.objects.bulk_create(
        Affiliation(
            person=person,
            organisation=organisations[spec.slug],
            role=person_spec.role,
            start_date=spec.joined,
        )
        for (spec, person_spec), person in zip(pairs, people, strict=True)
    )


def write_memberships(
    specs: list[OrganisationSpec],
    organisations: dict[str, Organisation],
    agreements: dict[str, CoMembershipAgreement],
) -> None:
    """Every period, one batch per rank so that a renewal can point at the period it renews."""
    previous: dict[str, Membership] = {}
    for rank in range(max(len(spec.periods) for spec in specs)):
        batch = {
            spec.slug: Membership(
                organisation=organisations[spec.slug],
                type=spec.membership_type,
                start_date=period.start,
                end_date=period.end,
                fee=spec.fee,
                agreement=agreements.get(spec.partner),
                confirmed_on=period.confirmed_on,
                cancelled_on=period.cancelled_on,
                cancellation_reason=period.cancellation_reason,
                renewal_of=previous[spec.slug] if period.is_renewal else None,
            )
            for spec in specs
            if rank < len(spec.periods)
            for period in [spec.periods[rank]]
        }
        Membership.objects.bulk_create(batch.values())
        previous.update(batch)


def write_applications(
    pending: list[OrganisationSpec],
    objects: dict[str, Any],
    today: date,
) -> None:
    """Applications awaiting a decision, one rejected, and those behind the pending members."""
    staff = objects["users"]["staff"]
    for data in featured.SUBMITTED_APPLICATIONS:
        add_application(data, today, objects["domains"])
    rejected = add_application(featured.REJECTED_APPLICATION, today, objects["domains"])
    decide(rejected, "rejected", staff, moment(today - timedelta(days=53)))
    MembershipApplication.objects.filter(pk=rejected.pk).update(
        decision_note=featured.REJECTION_NOTE
    )
    for spec in pending:
        representative = spec.people[0]
        data = ApplicationData(
            spec.legal_name, spec.kind, spec.region, spec.country, spec.city, spec.domains,
            spec.membership_type, "", representative.first_name, representative.last_name,
            representative.email, spec.description, (today - spec.joined).days + 12,
        )  # fmt: skip
        application = add_application(data, today, objects["domains"])
        MembershipApplication.objects.filter(pk=application.pk).update(
            enterprise_number=spec.enterprise_number,
            website=spec.website,
            employees=spec.employees,
            job_title=representative.job_title,
            organisation=objects["organisations"][spec.slug],
        )
        decide(application, "approved", staff, moment(spec.joined))


def add_application(
    data: ApplicationData, today: date, domains: dict[str, StrategicDomain]
) -> MembershipApplication:
    """A submitted application, dated `data.days_ago` days before today."""
    fields = data._asdict()
    codes, partner, days_ago = fields.pop("domains"), fields.pop("partner"), fields.pop("days_ago")
    application = MembershipApplication.objects.create(
        **fields, partner=PartnerCluster.objects.filter(slug=partner).first()
    )
    application.domains.set([domains[code] for code in codes])
    # submitted_at is set on creation: date it afterwards.
    MembershipApplication.objects.filter(pk=application.pk).update(
        submitted_at=moment(today - timedelta(days=days_ago), hour=9)
    )
    return application


def decide(application: MembershipApplication, state: str, staff: User, when: datetime) -> None:
    """Record the staff's decision on an application."""
    MembershipApplication.objects.filter(pk=application.pk).update(
        state=state, decided_at=when, decided_by=staff
    )


def write_contact_messages(today: date) -> None:
    """The messages of the "get in touch" form, some already handled."""
    for data in featured.CONTACT_MESSAGES:
        fields = data._asdict()
        days_ago = fields.pop("days_ago")
        message = ContactMessage.objects.create(**fields)
        ContactMessage.objects.filter(pk=message.pk).update(
            received_at=moment(today - timedelta(days=days_ago), hour=14)
        )
