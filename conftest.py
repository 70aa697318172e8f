"""Permission tests cast: anonymous, member, representative, outsider, expert, staff."""

from dataclasses import dataclass

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from hypothesis import HealthCheck, settings

from agora.members.models import Affiliation
from agora.members.tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

# CI machines are shared and noisy: no per-example deadline, no "too slow" health check, and a
# fixed seed so that a run is repeatable.
settings.register_profile(
    "agora", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("agora")

PASSWORD = "correct horse battery staple"
# Fixed surnames keep every ordering by name the same from run to run.
LAST_NAMES = {"representative": "Dubois", "member": "Lambert", "outsider": "Peeters"}


@dataclass
class Cast:
    """Users in every role, and the organisations they belong to."""

    organisation: object  # member organisation of `representative` and `member`
    other_organisation: object  # another member organisation, of `outsider`
    representative: object
    member: object
    outsider: object  # a member user of another organisation
    expert: object  # an external expert: an account with no member organisation
    staff: object


@pytest.fixture(scope="session", autouse=True)
def files_in_a_temporary_folder(tmp_path_factory):
    """Files saved by the code under test (published reports' PDFs, uploads) never land in var/,
    module-wide fixtures such as the loaded demo included."""
    folder = tmp_path_factory.mktemp("files")
    with override_settings(MEDIA_ROOT=folder / "media", PRIVATE_MEDIA_ROOT=folder / "private"):
        yield


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a French request must not leak into the next."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the rows a cached value came from are rolled back."""
    cache.clear()


def make_cast() -> Cast:
    """A member organisation with its representative and a member user, another member, staff."""
    organisation = OrganisationFactory(legal_name="Helix Therapeutics SA", slug="helix")
    other = OrganisationFactory(legal_name="Other Bio SRL", slug="other-bio")
    MembershipFactory(organisation=organisation)
    MembershipFactory(organisation=other)
    users = {}
    for name, org, role in [
        ("representative", organisation, Affiliation.Role.REPRESENTATIVE),
        ("member", organisation, Affiliation.Role.EMPLOYEE),
        ("outsider", other, Affiliation.Role.REPRESENTATIVE),
    ]:
        user = UserFactory(email=f"{name}@example.org", full_name=name.title())
        person = PersonFactory(
            user=user, email=user.email, first_name=name.title(), last_name=LAST_NAMES[name]
        )
        AffiliationFactory(person=person, organisation=org, role=role)
        users[name] = user
    expert = UserFactory(email="expert@example.org", full_name="Expert")
    PersonFactory(user=expert, email=expert.email, first_name="Expert", last_name="Janssens")
    staff = UserFactory(email="staff@example.org", full_name="Staff", is_staff=True)
    return Cast(
        organisation,
        other,
        users["representative"],
        users["member"],
        users["outsider"],
        expert,
        staff,
    )


def add_totp(user) -> None:
    """TOTP set up for the user, so the staff MFA gate lets them through."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})


@pytest.fixture
def cast(db) -> Cast:
    """The cast in the test's database (make_cast builds it where a test module needs it once)."""
    return make_cast()


@pytest.fixture
def staff_with_totp(cast):
    """The staff user with TOTP set up, so the MFA gate lets them through."""
    add_totp(cast.staff)
    return cast.staff
