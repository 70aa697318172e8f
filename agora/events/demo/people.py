"""Who attends the demo events: people of the demo organisations, the logins, and guests."""

from dataclasses import dataclass
from datetime import date

from agora.events.demo import texts
from agora.members.demo import DemoContext
from agora.members.models import Affiliation, Organisation, Person
from agora.members.selectors import current_affiliations, good_standing_memberships

MOST_MEMBER_PEOPLE = 420


@dataclass(frozen=True)
class Attendee:
    person: Person
    organisation: Organisation | None
    organisation_name: str
    is_member: bool


def affiliated_people(day: date) -> list[Attendee]:
    """Everyone with an affiliation on `day`, once, members' people first, by e-mail."""
    members = set(good_standing_memberships(day).values_list("organisation_id", flat=True))
    affiliations = (
        Affiliation.objects.filter(current_affiliations(day))
        .select_related("person", "organisation")
        .order_by("person__email", "pk")
    )
    seen: set[int] = set()
    attendees = []
    for affiliation in affiliations:
        if affiliation.person_id in seen:
            continue
        seen.add(affiliation.person_id)
        is_member = affiliation.organisation_id in members
        attendees.append(Attendee(affiliation.person, affiliation.organisation, "", is_member))
    return sorted(attendees, key=lambda attendee: not attendee.is_member)


def login_attendee(context: DemoContext, role: str, day: date) -> Attendee:
    """A demo login as an attendee, credited to their organisation (member or not on `day`)."""
    person = Person.objects.get(user=context.users[role])
    affiliation = person.affiliations.select_related("organisation").first()
    if affiliation is None:
        return Attendee(person, None, "Independent expert", False)
    organisation = affiliation.organisation
    is_member = good_standing_memberships(day).filter(organisation=organisation).exists()
    return Attendee(person, organisation, "", is_member)


def create_guests(count: int) -> list[Attendee]:
    """Non-members the cluster does not know: hospitals, foreign companies, agencies."""
    firsts, lasts = texts.GUEST_FIRST_NAMES, texts.GUEST_LAST_NAMES
    people = Person.objects.bulk_create(
        Person(
            first_name=firsts[n % len(firsts)],
            last_name=lasts[(n * 7) % len(lasts)],
            email=f"guest{n:03d}@events.example",
            job_title=texts.GUEST_TITLES[n % len(texts.GUEST_TITLES)],
        )
        for n in range(count)
    )
    organisations = texts.GUEST_ORGANISATIONS
    return [
        Attendee(person, None, organisations[n % len(organisations)], False)
        for n, person in enumerate(people)
    ]


def attendees_2018(context: DemoContext, day: date, total: int) -> list[Attendee]:
    """`total` attendees: the logins first, then people of organisations, then guests."""
    roles = ("representative", "member", "other representative", "expert")
    logins = [login_attendee(context, role, day) for role in roles]
    login_people = {attendee.person.pk for attendee in logins}
    others = [a for a in affiliated_people(day) if a.person.pk not in login_people]
    members = [a for a in others if a.is_member][:MOST_MEMBER_PEOPLE]
    non_members = [a for a in others if not a.is_member]
    chosen = (logins + members + non_members)[:total]
    return chosen + create_guests(total - len(chosen))
