"""Every write of the members domain: transactions, audit entries, e-mails on commit."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.members import tasks
from agora.members.enterprise_number import EnterpriseNumberError, normalise_enterprise_number
from agora.members.models import (
    Affiliation,
    CoMembershipAgreement,
    ContactMessage,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Person,
    Region,
    StrategicDomain,
)

PROFILE_FIELDS = (
    "short_name",
    "street",
    "postcode",
    "city",
    "website",
    "description",
    "employees",
    "expertise",
    "is_listed",
    "shows_contact",
    "logo",
)


def unique_slug(name: str) -> str:
    """A directory address derived from the name, unique among organisations."""
    base = slugify(name)[:90] or "organisation"
    slug, counter = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def update_organisation_profile(
    *, actor: Any, organisation: Organisation, data: dict[str, Any], domains: Any = None
) -> Organisation:
    """Apply a profile edit (representative or staff) and record what changed."""
    changed = [f for f in PROFILE_FIELDS if f in data and getattr(organisation, f) != data[f]]
    for field in changed:
        setattr(organisation, field, data[field])
    if changed:
        organisation.full_clean()
        organisation.save(update_fields=changed)
    old_domains = set(organisation.domains.values_list("code", flat=True))
    if domains is not None and {d.code for d in domains} != old_domains:
        organisation.domains.set(domains)
        changed.append("domains")
    if changed:
        log_action(
            "members.organisation.profile_changed",
            target=organisation,
            actor=actor,
            data={"fields": changed},
        )
    return organisation


def period_end(start: date) -> date:
    """Memberships run for a year: the day before the anniversary."""
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


@transaction.atomic
def create_membership(
    *,
    actor: Any,
    organisation: Organisation,
    type: str,
    start_date: date,
    end_date: date | None = None,
    fee: Decimal = Decimal(0),
    agreement: CoMembershipAgreement | None = None,
    confirmed_on: date | None = None,
) -> Membership:
    """Open a membership period (pending until confirmed, unless `confirmed_on` is given)."""
    if type == Membership.Type.CO_MEMBER and agreement is None:
        raise DomainError(_("A co-membership needs a co-membership agreement."), field="agreement")
    if agreement is not None and not agreement.is_valid_on(start_date):
        raise DomainError(_("The agreement is not valid on the start date."), field="agreement")
    end = end_date or period_end(start_date)
    if end < start_date:
        raise DomainError(_("A membership cannot end before it starts."), field="end_date")
    check_no_overlap(organisation, start_date, end)
    membership = Membership.objects.create(
        organisation=organisation,
        type=type,
        start_date=start_date,
        end_date=end,
        fee=fee,
        agreement=agreement,
        confirmed_on=confirmed_on,
    )
    log_action("members.membership.created", target=membership, actor=actor, data={"type": type})
    return membership


def check_no_overlap(organisation: Organisation, start: date, end: date) -> None:
    """Refuse a period that overlaps another live period of the same organisation."""
    overlapping = Membership.objects.filter(
        organisation=organisation, start_date__lte=end, end_date__gte=start
    ).exclude(cancelled_on__isnull=False)
    if overlapping.exists():
        raise ConflictError(_("This organisation already has a membership for that period."))


@transaction.atomic
def confirm_membership(*, actor: Any, membership: Membership, on: date | None = None) -> Membership:
    """Confirm a pending membership (the board's or staff's decision)."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.confirmed_on is not None:
        raise ConflictError(_("This membership is already confirmed."))
    if membership.cancelled_on is not None:
        raise ConflictError(_("A cancelled membership cannot be confirmed."))
    membership.confirmed_on = on or timezone.localdate()
    membership.save(update_fields=["confirmed_on"])
    log_action("members.membership.confirmed", target=membership, actor=actor)
    return membership


@transaction.atomic
def renew_membership(
    *, actor: Any, membership: Membership, fee: Decimal | None = None
) -> Membership:
    """Open the next period right after this one, same type; confirmed as the renewal is."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.cancelled_on is not None:
        raise ConflictError(_("A cancelled membership cannot be renewed."))
    if Membership.objects.filter(renewal_of=membership).exists():
        raise ConflictError(_("This membership period has already been renewed."))
    start = membership.end_date + timedelta(days=1)
    check_no_overlap(membership.organisation, start, period_end(start))
    renewal = Membership.objects.create(
        organisation=membership.organisation,
        type=membership.type,
        start_date=start,
        end_date=period_end(start),
        fee=membership.fee if fee is None else fee,
        agreement=membership.agreement,
        confirmed_on=timezone.localdate(),
        renewal_of=membership,
    )
    log_action(
        "members.membership.renewed", target=renewal, actor=actor, data={"of": membership.pk}
    )
    return renewal


@transaction.atomic
def cancel_membership(
    *, actor: Any, membership: Membership, reason: str, on: date | None = None
) -> Membership:
    """End a membership early (resignation, exclusion); the reason is kept."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.cancelled_on is not None:
        raise ConflictError(_("This membership is already cancelled."))
    if not reason.strip():
        raise DomainError(_("Please give the reason for the cancellation."), field="reason")
    membership.cancelled_on = on or timezone.localdate()
    membership.cancellation_reason = reason.strip()
    membership.save(update_fields=["cancelled_on", "cancellation_reason"])
    log_action(
        "members.membership.cancelled", target=membership, actor=actor, data={"reason": reason}
    )
    return membership


@transaction.atomic
def grant_co_membership(
    *, actor: Any, organisation: Organisation, agreement: CoMembershipAgreement, start_date: date
) -> Membership:
    """Give a partner cluster's member co-member status under the agreement (confirmed)."""
    end = period_end(start_date)
    if agreement.valid_until is not None:
        end = min(end, agreement.valid_until)
    return create_membership(
        actor=actor,
        organisation=organisation,
        type=Membership.Type.CO_MEMBER,
        start_date=start_date,
        end_date=end,
        fee=agreement.fee,
        agreement=agreement,
        confirmed_on=timezone.localdate(),
    )


@transaction.atomic
def submit_application(*, data: dict[str, Any], domains: Any) -> MembershipApplication:
    """Store a "become a member" application and tell the staff."""
    application = MembershipApplication(**data)
    application.full_clean(exclude=["domains"])
    application.save()
    application.domains.set(domains)
    log_action("members.application.submitted", target=application)
    transaction.on_commit(lambda: tasks.application_received.delay(application.pk))
    return application


@transaction.atomic
def approve_application(
    *, actor: Any, application: MembershipApplication, start_date: date | None = None
) -> Organisation:
    """Create the organisation, its representative and a pending membership, all or nothing."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != MembershipApplication.State.SUBMITTED:
        raise ConflictError(_("This application has already been decided."))
    organisation = create_organisation_from_application(application)
    person = Person.objects.create(
        first_name=application.first_name,
        last_name=application.last_name,
        email=application.email,
        phone=application.phone,
        job_title=application.job_title,
    )
    Affiliation.objects.create(
        person=person, organisation=organisation, role=Affiliation.Role.REPRESENTATIVE
    )
    agreement = None
    if application.membership_type == Membership.Type.CO_MEMBER:
        agreement = application.partner.agreements.first() if application.partner else None
    create_membership(
        actor=actor,
        organisation=organisation,
        type=application.membership_type,
        start_date=start_date or timezone.localdate(),
        agreement=agreement,
    )
    application.state = MembershipApplication.State.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.organisation = organisation
    application.save(update_fields=["state", "decided_at", "decided_by", "organisation"])
    log_action("members.application.approved", target=application, actor=actor)
    log_action("members.organisation.created", target=organisation, actor=actor)
    transaction.on_commit(lambda: tasks.application_decided.delay(application.pk))
    return organisation


def create_organisation_from_application(application: MembershipApplication) -> Organisation:
    """The organisation an approved application describes."""
    number = application.enterprise_number
    if number and Organisation.objects.filter(enterprise_number=number).exists():
        raise ConflictError(
            _("An organisation with enterprise number %(number)s already exists.")
            % {"number": number}
        )
    organisation = Organisation(
        legal_name=application.legal_name,
        slug=unique_slug(application.legal_name),
        kind=application.kind,
        enterprise_number=number,
        region=application.region,
        country=application.country,
        city=application.city,
        website=application.website,
        description=application.description,
        employees=application.employees,
    )
    organisation.full_clean()
    organisation.save()
    organisation.domains.set(application.domains.all())
    return organisation


@transaction.atomic
def reject_application(
    *, actor: Any, application: MembershipApplication, note: str
) -> MembershipApplication:
    """Refuse an application with a reason that is sent to the applicant."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.state != MembershipApplication.State.SUBMITTED:
        raise ConflictError(_("This application has already been decided."))
    if not note.strip():
        raise DomainError(_("Please explain the decision to the applicant."), field="note")
    application.state = MembershipApplication.State.REJECTED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.decision_note = note.strip()
    application.save(update_fields=["state", "decided_at", "decided_by", "decision_note"])
    log_action("members.application.rejected", target=application, actor=actor)
    transaction.on_commit(lambda: tasks.application_decided.delay(application.pk))
    return application


@transaction.atomic
def invite_colleague(
    *,
    actor: Any,
    organisation: Organisation,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
) -> Invitation:
    """Invite someone to join the organisation's team on Agora; they get an e-mail with a link."""
    email = email.strip().lower()
    open_invitations = Invitation.objects.filter(
        organisation=organisation,
        email=email,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if open_invitations.exists():
        raise ConflictError(_("%(email)s has already been invited.") % {"email": email})
    already = Affiliation.objects.filter(
        organisation=organisation, person__email__iexact=email, end_date__isnull=True
    )
    if already.exists():
        raise ConflictError(_("%(email)s is already in the team.") % {"email": email})
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=role,
        invited_by=actor,
    )
    log_action("members.invitation.sent", target=invitation, actor=actor, data={"email": email})
    transaction.on_commit(lambda: tasks.invitation_sent.delay(invitation.pk))
    return invitation


@transaction.atomic
def accept_invitation(*, user: Any, invitation: Invitation) -> Affiliation:
    """Tie the signed-in user to the organisation the invitation is for."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ConflictError(_("This invitation has expired or was already used."))
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(
            first_name=invitation.first_name,
            last_name=invitation.last_name,
            email=user.email,
            user=user,
        )
    affiliation, _created = Affiliation.objects.get_or_create(
        person=person,
        organisation=invitation.organisation,
        end_date=None,
        defaults={"role": invitation.role},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    log_action("members.invitation.accepted", target=invitation, actor=user)
    return affiliation


@transaction.atomic
def end_affiliation(*, actor: Any, affiliation: Affiliation, on: date | None = None) -> Affiliation:
    """Someone leaves the organisation: the affiliation ends, the history stays."""
    affiliation.end_date = on or timezone.localdate()
    affiliation.save(update_fields=["end_date"])
    log_action("members.affiliation.ended", target=affiliation, actor=actor)
    return affiliation


@transaction.atomic
def send_contact_message(*, data: dict[str, Any]) -> ContactMessage:
    """Store a "get in touch" message and e-mail it to the staff."""
    message = ContactMessage(**data)
    message.full_clean()
    message.save()
    transaction.on_commit(lambda: tasks.contact_received.delay(message.pk))
    return message


def check_enterprise_number(number: str, *, organisation: Organisation | None = None) -> str:
    """The number in its standard form; refused if malformed or held by another organisation."""
    if not number.strip():
        return ""
    try:
        normalised = normalise_enterprise_number(number)
    except EnterpriseNumberError as error:
        raise DomainError(str(error), field="enterprise_number") from error
    others = Organisation.objects.filter(enterprise_number=normalised)
    if organisation is not None and organisation.pk:
        others = others.exclude(pk=organisation.pk)
    if others.exists():
        raise ConflictError(
            _("An organisation with enterprise number %(number)s already exists.")
            % {"number": normalised},
            field="enterprise_number",
        )
    return normalised


def check_domain_codes(codes: list[str]) -> list[StrategicDomain]:
    """The strategic domains with these codes; refused if one is unknown."""
    domains = list(StrategicDomain.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {domain.code for domain in domains})
    if unknown:
        raise DomainError(
            _("Unknown strategic domain: %(codes)s.") % {"codes": ", ".join(unknown)},
            field="domains",
        )
    return domains


def check_valid(instance: models.Model) -> None:
    """Run the model's own validation; its first message becomes a DomainError."""
    try:
        instance.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            messages[0], field=None if field == NON_FIELD_ERRORS else field
        ) from error


def check_organisation(organisation: Organisation) -> None:
    """Validate an organisation, with a plain message for the abroad-not-Belgium rule."""
    if organisation.region == Region.ABROAD and organisation.country == "BE":
        raise DomainError(_("An organisation abroad cannot have BE as country."), field="country")
    check_valid(organisation)


@transaction.atomic
def create_organisation(
    *, actor: Any, data: dict[str, Any], domain_codes: list[str]
) -> Organisation:
    """Register an organisation (staff); it becomes a member once it holds a membership."""
    domains = check_domain_codes(domain_codes)
    number = check_enterprise_number(data.get("enterprise_number", ""))
    slug = data.get("slug") or unique_slug(data["legal_name"])
    if Organisation.objects.filter(slug=slug).exists():
        raise ConflictError(_("The address %(slug)s is taken.") % {"slug": slug}, field="slug")
    organisation = Organisation(**{**data, "slug": slug, "enterprise_number": number})
    check_organisation(organisation)
    organisation.save()
    organisation.domains.set(domains)
    log_action("members.organisation.created", target=organisation, actor=actor)
    return organisation


@transaction.atomic
def update_organisation(
    *,
    actor: Any,
    organisation: Organisation,
    data: dict[str, Any],
    domain_codes: list[str] | None = None,
) -> Organisation:
    """Change any field of an organisation (staff) and record which fields changed."""
    domains = None if domain_codes is None else check_domain_codes(domain_codes)
    if "enterprise_number" in data:
        number = check_enterprise_number(data["enterprise_number"], organisation=organisation)
        data = {**data, "enterprise_number": number}
    changed = [name for name, value in data.items() if getattr(organisation, name) != value]
    for name in changed:
        setattr(organisation, name, data[name])
    check_organisation(organisation)
    if changed:
        organisation.save(update_fields=changed)
    if domains is not None and {d.pk for d in domains} != set(
        organisation.domains.values_list("pk", flat=True)
    ):
        organisation.domains.set(domains)
        changed.append("domains")
    if changed:
        log_action(
            "members.organisation.updated",
            target=organisation,
            actor=actor,
            data={"fields": changed},
        )
    return organisation


@transaction.atomic
def create_person(
    *,
    actor: Any,
    data: dict[str, Any],
    organisation: Organisation | None = None,
    role: str = Affiliation.Role.EMPLOYEE,
) -> Person:
    """Record someone the cluster knows, affiliated with an organisation if given."""
    person = Person(**data)
    check_valid(person)
    person.save()
    if organisation is not None:
        Affiliation.objects.create(person=person, organisation=organisation, role=role)
    log_action(
        "members.person.created",
        target=person,
        actor=actor,
        data={"organisation": organisation.slug if organisation else None},
    )
    return person


@transaction.atomic
def create_partner_cluster(*, actor: Any, data: dict[str, Any]) -> PartnerCluster:
    """Record a cluster the cluster works with."""
    slug = data.get("slug") or slugify(data["name"])[:50]
    if PartnerCluster.objects.filter(slug=slug).exists():
        raise ConflictError(_("The address %(slug)s is taken.") % {"slug": slug}, field="slug")
    partner = PartnerCluster(**{**data, "slug": slug})
    check_valid(partner)
    partner.save()
    log_action("members.partner_cluster.created", target=partner, actor=actor)
    return partner


@transaction.atomic
def save_imported_organisation(
    *, actor: Any, organisation: Organisation, is_new: bool
) -> Organisation:
    """Save an organisation read from an import file (already validated by the importer)."""
    organisation.save()
    log_action(
        "members.organisation.imported",
        target=organisation,
        actor=actor,
        data={"created": is_new},
    )
    return organisation


@transaction.atomic
def save_imported_person(
    *, actor: Any, person: Person, organisation: Organisation, role: str, is_new: bool
) -> Person:
    """Save a person read from an import file and open their affiliation if they lack one."""
    person.save()
    affiliation = Affiliation.objects.filter(
        person=person, organisation=organisation, end_date__isnull=True
    ).first()
    if affiliation is None:
        Affiliation.objects.create(person=person, organisation=organisation, role=role)
    elif affiliation.role != role:
        affiliation.role = role
        affiliation.save(update_fields=["role"])
    log_action(
        "members.person.imported",
        target=person,
        actor=actor,
        data={"created": is_new, "organisation": organisation.slug, "role": role},
    )
    return person
