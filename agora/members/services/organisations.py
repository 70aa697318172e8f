"""Writes of organisations, people and partner clusters (forms, API, imports)."""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.members.enterprise_number import EnterpriseNumberError, normalise_enterprise_number
from agora.members.models import (
    Affiliation,
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
