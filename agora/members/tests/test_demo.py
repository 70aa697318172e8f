"""The demo cluster: exact figures of the yearly plan, logins, idempotence, determinism."""

from collections import Counter
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F, Min, Q

from agora.accounts.models import User
from agora.members.demo import DemoContext, reset_all
from agora.members.demo.featured import LOGINS
from agora.members.demo.generator import generate_cluster
from agora.members.demo.specs import DemoCluster
from agora.members.enterprise_number import normalise_enterprise_number
from agora.members.models import (
    Affiliation,
    ContactMessage,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Person,
)
from agora.members.selectors import list_member_organisations
from agora.members.services.organisations import update_organisation
from agora.members.tests.factories import OrganisationFactory

TODAY = date(2026, 11, 26)
MEMBERS_AT_YEAR_END = {
    2012: 50, 2013: 60, 2014: 70, 2015: 85, 2016: 104, 2017: 127, 2018: 154, 2019: 175,
    2020: 190, 2021: 209, 2022: 230, 2023: 251, 2024: 274, 2025: 296, 2026: 300,
}  # fmt: skip
NEW_MEMBERS = {
    2012: 50, 2013: 12, 2014: 13, 2015: 18, 2016: 23, 2017: 27, 2018: 29, 2019: 26, 2020: 21,
    2021: 25, 2022: 28, 2023: 29, 2024: 31, 2025: 30, 2026: 13, 2027: 3,
}  # fmt: skip

LATE_RENEWALS = 171


def quiet_context() -> DemoContext:
    return DemoContext(today=TODAY, write=lambda text: None)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, deleted afterwards so other modules start empty."""
    with django_db_blocker.unblock():
        call_command("load_demo", today="2026-11-26", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        reset_all(quiet_context())


def members_at(day: date) -> int:
    """Organisations with a confirmed, non-cancelled period covering `day`."""
    return (
        Membership.objects.filter(start_date__lte=day, end_date__gte=day, confirmed_on__lte=day)
        .filter(Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=day))
        .values("organisation")
        .distinct()
        .count()
    )


def first_years() -> dict[int, list[int]]:
    """Organisation ids by the year their first membership period starts."""
    firsts = Membership.objects.values("organisation").annotate(first=Min("start_date"))
    years: dict[int, list[int]] = {}
    for row in firsts:
        years.setdefault(row["first"].year, []).append(row["organisation"])
    return years


def row_counts() -> dict[str, int]:
    models = [Organisation, Person, Affiliation, Membership, MembershipApplication, User]
    return {model.__name__: model.objects.count() for model in [*models, ContactMessage]}


def test_members_at_each_year_end_follow_the_plan(demo, db):
    assert {year: members_at(date(year, 12, 31)) for year in range(2012, 2027)} == (
        MEMBERS_AT_YEAR_END
    )


def test_new_members_per_year_follow_the_plan_with_29_in_2018(demo, db):
    new_members = {year: len(ids) for year, ids in first_years().items()}
    assert new_members == NEW_MEMBERS
    assert new_members[2018] == 29


def test_membership_grows_about_22_percent_a_year_from_2015_to_2018(demo, db):
    growth = (members_at(date(2018, 12, 31)) / members_at(date(2015, 12, 31))) ** (1 / 3) - 1
    assert 0.20 < growth < 0.24
    assert round(growth, 3) == 0.219


def test_300_organisations_are_in_good_standing_today(demo, db):
    assert list_member_organisations(TODAY).count() == 300


def test_leavers_lapse_or_are_cancelled_with_a_reason(demo, db):
    cancelled = Membership.objects.filter(cancelled_on__isnull=False)
    assert cancelled.count() == 7
    assert not cancelled.filter(cancellation_reason="").exists()
    ever_members = Organisation.objects.filter(memberships__confirmed_on__isnull=False).distinct()
    assert ever_members.count() - list_member_organisations(TODAY).count() == 75


def test_renewals_are_linked_and_some_were_paid_late(demo, db):
    renewals = Membership.objects.filter(renewal_of__isnull=False)
    assert not renewals.exclude(organisation=F("renewal_of__organisation")).exists()
    assert not renewals.exclude(start_date=F("renewal_of__end_date") + timedelta(days=1)).exists()
    late = renewals.filter(confirmed_on__month__in=[2, 3], start_date__month=1)
    assert late.count() == LATE_RENEWALS


def test_pending_applications_memberships_and_messages(demo, db):
    applications = Counter(MembershipApplication.objects.values_list("state", flat=True))
    assert applications == {"submitted": 4, "approved": 3, "rejected": 1}
    pending = Membership.objects.filter(confirmed_on__isnull=True)
    assert pending.count() == 19
    assert pending.filter(renewal_of__isnull=True).count() == 3
    assert ContactMessage.objects.filter(is_handled=False).count() == 3


def test_partner_clusters_and_their_co_members(demo, db):
    partners = {partner.slug: partner for partner in PartnerCluster.objects.all()}
    assert sorted(partners) == ["forgeo", "nordsante"]
    assert partners["nordsante"].country == "FR"
    assert partners["nordsante"].agreements.get().signed_on.year == 2018
    co_memberships = Membership.objects.filter(type=Membership.Type.CO_MEMBER)
    partner_of = dict(co_memberships.values_list("organisation", "agreement__partner__slug"))
    co_members = Counter(partner_of.values())
    assert co_members == {"nordsante": 5, "forgeo": 2}


@pytest.mark.parametrize("login", LOGINS, ids=lambda login: login.role)
def test_every_demo_login_can_sign_in(demo, db, client, login):
    assert client.login(email=login.email, password=login.password)


def test_logins_have_their_roles(demo, db):
    users = {login.role: User.objects.get(email=login.email) for login in LOGINS}
    assert users["staff"].is_staff
    assert users["staff"].is_superuser
    assert not users["representative"].is_staff

    def roles(user: User) -> set[tuple[str, str]]:
        affiliations = Affiliation.objects.filter(person__user=user)
        return set(affiliations.values_list("organisation__slug", "role"))

    assert roles(users["representative"]) == {("meusalis", "representative")}
    assert roles(users["member"]) == {("meusalis", "employee")}
    assert roles(users["other representative"]) == {("kempenstraal", "representative")}
    assert roles(users["expert"]) == set()
    assert Person.objects.filter(user=users["expert"]).exists()


def test_the_featured_organisation_is_a_well_filled_walloon_biotech(demo, db):
    meusalis = Organisation.objects.get(slug="meusalis")
    assert meusalis.region == "wallonia"
    assert meusalis.affiliations.count() == 4
    assert meusalis.domains.count() == 3
    assert meusalis.memberships.count() >= 15
    assert list_member_organisations(TODAY).filter(pk=meusalis.pk).exists()


def test_a_few_exact_names(demo, db):
    names = set(Organisation.objects.values_list("legal_name", flat=True))
    assert {
        "Meusalis Biotherapeutics SA",
        "Kempenstraal Medical NV",
        "Elvysse Validation Services SA",
        "Haute École de la Sambre",
    } <= names


def test_every_enterprise_number_is_valid_and_belgian_only(demo, db):
    for organisation in Organisation.objects.all():
        if organisation.country == "BE":
            number = organisation.enterprise_number
            assert normalise_enterprise_number(number) == number
        else:
            assert organisation.region == "abroad"
            assert organisation.enterprise_number == ""


def test_organisations_have_one_to_three_domains_and_a_representative_first(demo, db):
    for organisation in Organisation.objects.prefetch_related("domains", "affiliations"):
        assert 1 <= len(organisation.domains.all()) <= 3
        roles = [affiliation.role for affiliation in organisation.affiliations.all()]
        assert 1 <= len(roles) <= 4
        assert roles.count("representative") == 1
    through = Organisation.domains.through.objects.values_list("strategicdomain__code")
    assert len(set(through)) == 6


def test_brussels_and_flanders_weigh_more_among_new_members_over_time(demo, db):
    years = first_years()

    def share(year: int) -> float:
        regions = Organisation.objects.filter(pk__in=years[year]).values_list("region", flat=True)
        return sum(region in {"brussels", "flanders"} for region in regions) / len(regions)

    assert share(2014) == 1 / 13
    assert share(2018) == 5 / 29
    assert share(2018) > share(2014)
    assert share(2025) > share(2018)


def test_a_second_run_changes_nothing(demo, db):
    before = row_counts()
    output = StringIO()
    call_command("load_demo", today="2026-11-26", stdout=output)
    assert row_counts() == before
    assert "already loaded" in output.getvalue()


def test_reset_reloads_exactly_the_same_cluster(demo, db):
    names = sorted(Organisation.objects.values_list("legal_name", "slug", "enterprise_number"))
    counts = row_counts()
    call_command("load_demo", today="2026-11-26", reset=True, stdout=StringIO())
    assert sorted(Organisation.objects.values_list("legal_name", "slug", "enterprise_number")) == (
        names
    )
    assert row_counts() == counts


def test_the_generator_gives_the_same_cluster_every_time():
    assert generate_cluster(TODAY) == generate_cluster(TODAY)


def spec_members_at(cluster: DemoCluster, day: date) -> int:
    """Members on `day` of a generated cluster, by the same definition as `members_at`."""
    return sum(
        any(
            period.start <= day <= period.end
            and period.confirmed_on is not None
            and period.confirmed_on <= day
            and (period.cancelled_on is None or period.cancelled_on > day)
            for period in organisation.periods
        )
        for organisation in cluster.organisations
    )


def test_a_later_today_keeps_the_history_and_adds_steady_years():
    later = generate_cluster(date(2028, 5, 1))
    for year in range(2012, 2027):
        assert spec_members_at(later, date(year, 12, 31)) == MEMBERS_AT_YEAR_END[year]
    assert spec_members_at(later, date(2027, 12, 31)) == 300 + 28 - 10
    first_names = [
        organisation.legal_name for organisation in generate_cluster(TODAY).organisations
    ]
    assert [organisation.legal_name for organisation in later.organisations][:375] == first_names


def test_a_database_with_other_organisations_is_left_alone(demo, db):
    reset_all(quiet_context())
    OrganisationFactory()
    with pytest.raises(CommandError, match="not the demo's"):
        call_command("load_demo", today="2026-11-26", stdout=StringIO())
    assert Organisation.objects.count() == 1


def test_demo_logins_prints_every_login_and_the_mfa_rule(demo, db):
    output = StringIO()
    call_command("demo_logins", stdout=output)
    text = output.getvalue()
    assert "http://127.0.0.1:8000" in text
    for login in LOGINS:
        assert login.email in text
        assert login.password in text
    assert "TOTP" in text


def test_reset_also_empties_the_history_of_edited_organisations(demo, db):
    organisation = Organisation.objects.filter(region="wallonia").order_by("pk").first()
    update_organisation(
        actor=None,
        organisation=organisation,
        data={"region": "brussels"},
        domain_codes=["data-science"],
    )
    history = Organisation.history.model
    domains_history = history._meta.get_field("historicalorganisation_domains").related_model
    assert domains_history.objects.count() >= 1
    reset_all(quiet_context())
    assert (history.objects.count(), domains_history.objects.count()) == (0, 0)
