"""factory_boy factories of the projects domain, shared by every part's tests."""

from datetime import UTC, datetime
from decimal import Decimal

import factory

from agora.members.tests.factories import OrganisationFactory, PersonFactory
from agora.projects.models import (
    Assignment,
    Attachment,
    Call,
    Criterion,
    Expert,
    Partner,
    Project,
)

# A valid one-page PDF is not needed: the service checks the %PDF magic bytes and the type.
PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


class CallFactory(factory.django.DjangoModelFactory):
    """A published call, open from 2020 to 2099, with three weighted criteria."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Call for projects {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    description = "Collaborative R&D in health and life sciences."
    opens_at = datetime(2020, 1, 1, tzinfo=UTC)
    closes_at = datetime(2099, 12, 31, tzinfo=UTC)
    max_budget = Decimal("1000000.00")
    min_partners = 2
    max_duration_months = 36
    experts_per_project = 2
    is_published = True

    @factory.post_generation
    def criteria(self, create: bool, extracted: list[tuple[str, int]] | None, **kwargs) -> None:
        if not create:
            return
        names = (
            extracted
            if extracted is not None
            else [
                ("Scientific excellence", 40),
                ("Impact", 35),
                ("Consortium quality", 25),
            ]
        )
        for position, (name, weight) in enumerate(names):
            Criterion.objects.create(call=self, name=name, weight=weight, position=position)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory, criteria=[])
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1
    position = factory.Sequence(lambda n: n)


class ProjectFactory(factory.django.DjangoModelFactory):
    """A draft project in an open call, without consortium (add partners with PartnerFactory)."""

    class Meta:
        model = Project

    call = factory.SubFactory(CallFactory)
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    title = factory.Sequence(lambda n: f"Project number {n}")
    summary = "An antibody against a rare disease, from the bench to the first patients."
    keywords = "antibody, rare disease, biotherapy"
    duration_months = 24
    state = Project.State.DRAFT


class PartnerFactory(factory.django.DjangoModelFactory):
    """A member organisation in a consortium; pass is_coordinator=True for the coordinator."""

    class Meta:
        model = Partner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_coordinator = False
    budget = Decimal("100000.00")
    role = "Research and development"


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    project = factory.SubFactory(ProjectFactory)
    title = "Full proposal"
    file = factory.django.FileField(filename="proposal.pdf", data=PDF_BYTES)
    size = len(PDF_BYTES)


class ExpertFactory(factory.django.DjangoModelFactory):
    """An active expert with a person of their own (pass person= to reuse a cast member's)."""

    class Meta:
        model = Expert

    person = factory.SubFactory(PersonFactory)
    keywords = "antibody, immunology, clinical trials"
    expertise = "Twenty years of biotherapy development."
    max_evaluations = 5


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A proposed assignment; set state and declaration_signed_at for an accepted one."""

    class Meta:
        model = Assignment

    project = factory.SubFactory(ProjectFactory)
    expert = factory.SubFactory(ExpertFactory)
    score = 0.5


def make_consortium(project: Project, coordinator, *others) -> list[Partner]:
    """Give a project its coordinator organisation and other member partners."""
    partners = [PartnerFactory(project=project, organisation=coordinator, is_coordinator=True)]
    partners += [PartnerFactory(project=project, organisation=other) for other in others]
    return partners
