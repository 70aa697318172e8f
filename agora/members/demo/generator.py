"""Play the history of plan.py year by year into organisations and periods. No ORM, no clock.

Each year: pick the leavers among last year's members (never the featured organisations, the
honorary members or the co-members); renew everyone else for the calendar year (a few renewals
are cancelled during the year: those are the cancelled leavers); then the year's new members
join, each in a region place: the share of Brussels and Flanders among them rises every year.
The same seed and the same `today` always give the same cluster.
"""

import random
from datetime import date, timedelta

from agora.members.demo import featured, names
from agora.members.demo.organisations import OrganisationMaker, Placement
from agora.members.demo.plan import (
    CO_MEMBERS,
    FIRST_YEAR,
    PENDING_NEW_MEMBERS,
    abroad_new_members,
    brussels_flanders_share,
    plan_for,
)
from agora.members.demo.specs import DemoCluster, OrganisationSpec, PeriodSpec

SEED = "agora-demo-cluster"
# The founding members of 2012 other than the featured one: institutions weigh more at first.
FOUNDING_KINDS = (
    ["university"] * 4
    + ["hospital"] * 5
    + ["research_centre"] * 4
    + ["public_body"] * 2
    + ["large_company"] * 6
    + ["investor"] * 2
    + ["sme"] * 13
    + ["startup"] * 6
    + ["service_provider"] * 6
    + ["other"]
)
LATER_KIND_WEIGHTS = {
    "startup": 33,
    "sme": 30,
    "service_provider": 14,
    "large_company": 5,
    "hospital": 4,
    "research_centre": 3,
    "investor": 4,
    "university": 1,
    "public_body": 1,
    "other": 5,
}
ABROAD_COUNTRIES = ("NL", "DE", "LU", "FR")
PENDING_PLACES = (("startup", "brussels"), ("sme", "flanders"), ("research_centre", "wallonia"))
RENEWALS_OPEN = (11, 1)  # next year's renewals are sent on 1 November
NEXT_YEAR_RENEWALS = 24


class HistoryGenerator:
    """Generates the demo cluster as it stands on `today`."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.rng = random.Random(SEED)
        self.maker = OrganisationMaker(self.rng)
        featured_organisations = [make() for _year, make in featured.FEATURED]
        self.protected = {organisation.slug for organisation in featured_organisations}
        for organisation in featured_organisations:
            self.maker.used |= {
                organisation.slug,
                organisation.legal_name,
                organisation.enterprise_number,
                organisation.email_domain.removesuffix(".example"),
            }
        self.founding_kinds = list(FOUNDING_KINDS)
        self.rng.shuffle(self.founding_kinds)

    def generate(self) -> DemoCluster:
        """Every organisation that has been a member, and the pending newcomers."""
        organisations: list[OrganisationSpec] = []
        members: list[OrganisationSpec] = []
        for year in range(FIRST_YEAR, self.today.year + 1):
            newcomers = self.newcomers(year, plan_for(year).new)
            members = self.play_year(year, members) + newcomers
            organisations.extend(newcomers)
        pending = [self.pending_newcomer(*place, index) for index, place in enumerate(
            PENDING_PLACES[:PENDING_NEW_MEMBERS]
        )]  # fmt: skip
        self.open_next_year(members)
        return DemoCluster(organisations=organisations, pending=pending)

    def play_year(self, year: int, members: list[OrganisationSpec]) -> list[OrganisationSpec]:
        """Leavers leave, the others renew; returns last year's members that stay."""
        plan = plan_for(year)
        candidates = [
            member
            for member in members
            if member.slug not in self.protected
            and member.membership_type not in {"honorary", "co_member"}
        ]
        leavers = {member.slug for member in self.rng.sample(candidates, plan.left)}
        cancelled = set(sorted(leavers)[: plan.cancelled])
        for member in members:
            if member.slug in cancelled:
                self.renew(member, year, cancelled=True)
            elif member.slug not in leavers:
                self.renew(member, year)
        return [member for member in members if member.slug not in leavers]

    def renew(self, organisation: OrganisationSpec, year: int, *, cancelled: bool = False) -> None:
        """Add the calendar-year period following the previous one, cancelled if asked."""
        period = PeriodSpec(
            start=date(year, 1, 1),
            end=date(year, 12, 31),
            confirmed_on=self.renewal_confirmation(year),
            is_renewal=True,
        )
        if cancelled:
            period.cancelled_on = self.squeeze(self.day_of(year, first_month=4, last_month=10))
            period.cancellation_reason = self.rng.choice(names.CANCELLATION_REASONS)
        organisation.periods.append(period)

    def renewal_confirmation(self, year: int) -> date | None:
        """Most renewals are paid in December, some in January, a few late (pending till then)."""
        rng = self.rng
        draw = rng.random()
        if draw < 0.70:
            day = date(year - 1, 12, rng.randint(1, 20))
        elif draw < 0.92:
            day = date(year, 1, rng.randint(2, 31))
        else:
            day = date(year, rng.choice((2, 3)), rng.randint(1, 28))
        return day if day <= self.today else None

    def newcomers(self, year: int, count: int) -> list[OrganisationSpec]:
        """The year's new members: co-members, featured ones, then invented ones by region."""
        partners = [partner for partner, joins in CO_MEMBERS if joins == year]
        slots = self.region_slots(year, count - len(partners))
        joining: list[OrganisationSpec] = []
        for partner in partners:
            region, country = ("abroad", "FR") if partner == "nordsante" else ("wallonia", "BE")
            kind = self.rng.choice(("sme", "startup"))
            fee = featured.PARTNERS[partner].fee
            joined = self.squeeze(self.day_of(year))
            placement = Placement(kind, region, country, joined, "co_member", partner, fee)
            joining.append(self.maker.make(placement))
        for _year, make in (entry for entry in featured.FEATURED if entry[0] == year):
            organisation = make()
            slots.remove(organisation.region)
            joining.append(organisation)
        joining.extend(self.maker.make(self.placement(year, region)) for region in slots)
        for organisation in joining:
            first = PeriodSpec(organisation.joined, date(year, 12, 31), organisation.joined)
            organisation.periods.append(first)
        return joining

    def region_slots(self, year: int, count: int) -> list[str]:
        """The regions of `count` new direct members, in a shuffled order."""
        brussels_flanders = round(count * brussels_flanders_share(year))
        slots = ["brussels"] * ((brussels_flanders + 1) // 2)
        slots += ["flanders"] * (brussels_flanders // 2)
        slots += ["abroad"] * abroad_new_members(year)
        slots += ["wallonia"] * (count - len(slots))
        self.rng.shuffle(slots)
        return slots

    def placement(self, year: int, region: str) -> Placement:
        """Kind, country, join date and membership type of an invented new member."""
        rng = self.rng
        country = "BE"
        if region == "abroad":
            country = ABROAD_COUNTRIES[(year - 2016) % len(ABROAD_COUNTRIES)]
            kind = rng.choice(("sme", "startup", "large_company"))
        elif year == FIRST_YEAR:
            kind = self.founding_kinds.pop()
        else:
            kind = rng.choices(list(LATER_KIND_WEIGHTS), list(LATER_KIND_WEIGHTS.values()))[0]
        joined = self.squeeze(self.day_of(year))
        return Placement(kind, region, country, joined, self.membership_type(kind, year))

    def membership_type(self, kind: str, year: int) -> str:
        """Founding public bodies are honorary; investors, others, some providers associate."""
        if kind == "public_body":
            return "honorary" if year == FIRST_YEAR else "associate"
        if kind in {"investor", "other"}:
            return "associate"
        if kind == "service_provider" and self.rng.random() < 0.4:
            return "associate"
        return "full"

    def pending_newcomer(self, kind: str, region: str, index: int) -> OrganisationSpec:
        """An approved applicant whose first period, still pending, starts next 1 January."""
        approved_on = self.today - timedelta(days=5 + 7 * index)
        organisation = self.maker.make(Placement(kind, region, "BE", approved_on, "full"))
        organisation.people = organisation.people[:1]
        next_year = self.today.year + 1
        organisation.periods.append(
            PeriodSpec(date(next_year, 1, 1), date(next_year, 12, 31), confirmed_on=None)
        )
        return organisation

    def open_next_year(self, members: list[OrganisationSpec]) -> None:
        """From November, some members already renewed for next year: a third paid, the rest not."""
        opening = date(self.today.year, *RENEWALS_OPEN)
        if self.today < opening:
            return
        next_year = self.today.year + 1
        for index, member in enumerate(self.rng.sample(members, NEXT_YEAR_RENEWALS)):
            paid = opening + timedelta(days=self.rng.randint(0, (self.today - opening).days))
            member.periods.append(
                PeriodSpec(
                    start=date(next_year, 1, 1),
                    end=date(next_year, 12, 31),
                    confirmed_on=paid if index % 3 == 0 else None,
                    is_renewal=True,
                )
            )

    def day_of(self, year: int, *, first_month: int = 1, last_month: int = 12) -> date:
        """A random day of the year between the first of one month and the end of another."""
        start = date(year, first_month, 1)
        end = date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
        return start + timedelta(days=self.rng.randrange((end - start).days))

    def squeeze(self, day: date) -> date:
        """A day of the year in progress, moved proportionally so that it is not after today."""
        if day <= self.today:
            return day
        start = date(self.today.year, 1, 1)
        span = (date(self.today.year, 12, 31) - start).days
        return start + timedelta(days=(day - start).days * (self.today - start).days // span)


def generate_cluster(today: date) -> DemoCluster:
    """The demo cluster as it stands on `today`, the same every time."""
    return HistoryGenerator(today).generate()
