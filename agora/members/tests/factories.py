"""factory_boy factories of the members domain, shared by every app's tests."""

from datetime import date

import factory

from agora.accounts.models import User
from agora.members.models import (
    Affiliation,
    CoMembershipAgreement,
    Membership,
    Organisation,
    PartnerCluster,
    Person,
    Region,
    StrategicDomain,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password("correct horse battery staple")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    legal_name = factory.Sequence(lambda n: f"Organisation {n} SA")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.SME
    region = Region.WALLONIA
    city = "Liège"
    is_listed = True
    description = "Develops things for health."


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Affiliation.Role.EMPLOYEE
    start_date = date(2015, 1, 1)


class MembershipFactory(factory.django.DjangoModelFactory):
    """A confirmed full membership covering the whole of 2020 to 2099 unless told otherwise."""

    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    type = Membership.Type.FULL
    start_date = date(2020, 1, 1)
    end_date = date(2099, 12, 31)
    confirmed_on = date(2020, 1, 1)
    fee = 500


class PartnerClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCluster

    name = factory.Sequence(lambda n: f"Partner cluster {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    country = "FR"
    region = Region.ABROAD


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoMembershipAgreement

    partner = factory.SubFactory(PartnerClusterFactory)
    signed_on = date(2018, 3, 1)
    fee = 250


def domain(code: str) -> StrategicDomain:
    """One of the six domains the data migration creates."""
    return StrategicDomain.objects.get(code=code)
