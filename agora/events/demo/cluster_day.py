"""The cluster day of 2018: 500 participants, 250 in the B2B, scheduled, published, rated."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from agora.events.demo import texts
from agora.events.demo.meetings import (
    RequestPlan,
    create_feedback,
    create_requests,
    schedule_and_publish,
)
from agora.events.demo.people import Attendee, attendees_2018
from agora.events.models import (
    B2BProfile,
    Event,
    Opportunity,
    ProgrammeSession,
    Registration,
    RegistrationQuestion,
    Slot,
    Table,
)
from agora.members.demo import DemoContext

DAY = date(2018, 11, 20)
PARTICIPANTS = 500
CANCELLED = 12
B2B_PARTICIPANTS = 250
REQUESTS = {"accepted": 300, "declined": 45, "pending": 20}
MEETINGS_PER_PERSON = 6
UNAVAILABLE_AFTERNOON = 20
UNAVAILABLE_MORNING = 5
NUMBERED_TABLES = 27
BOOTHS = 3
SLOT_MINUTES = 20
SESSIONS = (("morning", time(10), 6), ("afternoon", time(14), 8))
SOLVER_SECONDS = 10.0
FEEDBACK_SHARE = 0.45
# The logins' requests, so that signing in shows an agenda: (requester, recipient) indexes among
# the B2B profiles, the representative, the member and the other representative being 0, 1, 2.
LOGIN_REQUESTS = (
    (0, 10, "accepted"), (0, 11, "accepted"), (0, 12, "accepted"), (13, 0, "accepted"),
    (14, 0, "accepted"), (1, 15, "accepted"), (1, 16, "accepted"), (17, 1, "accepted"),
    (2, 18, "accepted"), (19, 2, "declined"),
)  # fmt: skip


def at(day: date, clock: time | str) -> datetime:
    """A time on `day` in the cluster's time zone."""
    if isinstance(clock, str):
        clock = time.fromisoformat(clock)
    return timezone.make_aware(datetime.combine(day, clock))


def spread(rng: random.Random, first: date, last: date) -> datetime:
    """A moment between two days, more of them near the last (registrations come late)."""
    days = (last - first).days
    offset = round(days * rng.random() ** 0.5)
    return at(first + timedelta(days=offset), time(8 + rng.randrange(11), rng.randrange(60)))


def create_event(context: DemoContext) -> Event:
    """The event itself, its programme and its registration questions."""
    event = Event.objects.create(
        title="Cluster Day 2018",
        slug="cluster-day-2018",
        kind=Event.Kind.CONFERENCE,
        theme="Artificial intelligence for health",
        description=(
            "The cluster's yearly gathering: keynotes and panels on artificial intelligence in "
            "health care, start-up pitches, posters and a full day of B2B meetings."
        ),
        starts_at=at(DAY, "08:30"),
        ends_at=at(DAY, "17:30"),
        venue="Palais des Congrès",
        address="Esplanade de l'Europe 2",
        city="Liège",
        capacity=550,
        price_member=Decimal(60),
        price_non_member=Decimal(180),
        registration_deadline=at(DAY - timedelta(days=4), "23:59"),
        is_published=True,
        has_b2b=True,
        request_cap=10,
        created_at=at(date(2018, 6, 4), "10:00"),
    )
    event.organisers.add(context.users["staff"])
    ProgrammeSession.objects.bulk_create(
        ProgrammeSession(
            event=event,
            starts_at=at(DAY, start),
            ends_at=at(DAY, end),
            title=title,
            room=room,
            speakers=speakers,
        )
        for start, end, title, room, speakers in texts.CLUSTER_DAY_2018_PROGRAMME
    )
    RegistrationQuestion.objects.bulk_create(
        RegistrationQuestion(event=event, label=label, kind=kind, choices=choices, position=n)
        for n, (label, kind, choices) in enumerate(texts.CLUSTER_DAY_QUESTIONS)
    )
    return event


def create_slots_and_tables(event: Event, day: date, booths: int) -> tuple[list, list]:
    """Twenty-minute slots in a morning and an afternoon session; numbered tables and booths."""
    slots = []
    for session, start, count in SESSIONS:
        first = at(day, start)
        for n in range(count):
            begins = first + timedelta(minutes=SLOT_MINUTES * n)
            slots.append(
                Slot(
                    event=event,
                    session=session,
                    starts_at=begins,
                    ends_at=begins + timedelta(minutes=SLOT_MINUTES),
                )
            )
    names = [f"T{n:02d}" for n in range(1, NUMBERED_TABLES + 1)]
    names += [f"Booth {n}" for n in range(1, booths + 1)]
    tables = [Table(event=event, name=name) for name in names]
    return Slot.objects.bulk_create(slots), Table.objects.bulk_create(tables)


def answers(rng: random.Random, questions: list[RegistrationQuestion]) -> dict[str, str]:
    """Answers to the two questions: a diet now and then, a track most of the time."""
    given = {}
    if rng.random() < 0.15:
        given[str(questions[0].pk)] = rng.choice(texts.DIETS)
    if rng.random() < 0.8:
        given[str(questions[1].pk)] = rng.choice(texts.TRACKS)
    return given


def register(context: DemoContext, event: Event, people: list[Attendee]) -> list[Registration]:
    """Confirmed registrations of everyone, then a few cancelled ones."""
    rng = context.random("events-2018-registrations")
    questions = list(event.questions.all())
    deadline = event.registration_deadline.date()
    rows = []
    for number, attendee in enumerate(people):
        is_cancelled = number >= PARTICIPANTS
        created = spread(rng, date(2018, 9, 3), deadline)
        rows.append(
            Registration(
                event=event,
                person=attendee.person,
                organisation=attendee.organisation,
                organisation_name=attendee.organisation_name,
                status="cancelled" if is_cancelled else "confirmed",
                is_member=attendee.is_member,
                price=event.price_member if attendee.is_member else event.price_non_member,
                answers=answers(rng, questions),
                is_listed=rng.random() < 0.7,
                checked_in_at=None
                if is_cancelled
                else at(DAY, time(8, 30)) + timedelta(minutes=rng.randrange(60)),
                created_at=created,
                cancelled_at=created + timedelta(days=3) if is_cancelled else None,
            )
        )
    registrations = Registration.objects.bulk_create(rows)
    Event.objects.filter(pk=event.pk).update(seats_taken=PARTICIPANTS)
    return registrations[:PARTICIPANTS]


@dataclass
class B2BPart:
    """The B2B side of the day: profiles, their main topic, who owns a booth."""

    profiles: list[B2BProfile]
    topics: dict[int, str]  # registration pk → topic phrase
    booth_owners: set[int]  # registration pks


def create_profiles(
    context: DemoContext, registrations: list[Registration], tables: list[Table]
) -> B2BPart:
    """B2B profiles for the logins and a sample of the others, with 1 to 3 opportunities each."""
    rng = context.random("events-2018-b2b")
    logins = {
        context.users[role].pk for role in ("representative", "member", "other representative")
    }
    first = [r for r in registrations if r.person.user_id in logins]
    others = [r for r in registrations if r.person.user_id not in logins and r.organisation_id]
    chosen = first + rng.sample(others, B2B_PARTICIPANTS - len(first))
    booths = tables[-BOOTHS:]
    # The representative has a booth; no other booth owner meets the logins (LOGIN_REQUESTS).
    owners = [first[0], *rng.sample(chosen[20:], BOOTHS - 1)]
    domain_codes = sorted(context.domains)
    topics, profiles = {}, []
    for registration in chosen:
        domain = rng.choice(domain_codes)
        topics[registration.pk] = (domain, rng.choice(texts.TOPICS[domain]))
        home = booths[owners.index(registration)] if registration in owners else None
        pitch = rng.choice(texts.PITCHES).format(
            topic=topics[registration.pk][1], size=rng.randrange(3, 60)
        )
        profiles.append(
            B2BProfile(registration=registration, pitch=pitch, home_table=home, max_meetings=None)
        )
    profiles = B2BProfile.objects.bulk_create(profiles)
    create_opportunities(context, rng, profiles, topics)
    return B2BPart(
        profiles=profiles,
        topics={pk: topic for pk, (_domain, topic) in topics.items()},
        booth_owners={r.pk for r in owners},
    )


def mark_unavailable(context: DemoContext, b2b: B2BPart, slots: list[Slot]) -> None:
    """Some participants leave at lunch, a few come only for the afternoon."""
    rng = context.random("events-2018-availability")
    free = [p for p in b2b.profiles[20:] if p.registration_id not in b2b.booth_owners]
    leaving = rng.sample(free, UNAVAILABLE_AFTERNOON + UNAVAILABLE_MORNING)
    through = B2BProfile.unavailable_slots.through
    through.objects.bulk_create(
        through(b2bprofile_id=profile.pk, slot_id=slot.pk)
        for number, profile in enumerate(leaving)
        for slot in slots
        if slot.session == ("afternoon" if number < UNAVAILABLE_AFTERNOON else "morning")
    )


def create_opportunities(
    context: DemoContext,
    rng: random.Random,
    profiles: list[B2BProfile],
    topics: dict[int, tuple[str, str]],
) -> None:
    """What each B2B participant offers or looks for, tied to their domain."""
    rows, domains = [], []
    for profile in profiles:
        domain, topic = topics[profile.registration_id]
        for _number in range(rng.choice((1, 1, 2, 2, 3))):
            kind = rng.choice(list(texts.OPPORTUNITY_TITLES))
            direction = rng.choice(("offer", "seek"))
            titles = texts.OPPORTUNITY_TITLES[kind][direction == "seek"]
            rows.append(
                Opportunity(
                    profile=profile,
                    kind=kind,
                    direction=direction,
                    title=rng.choice(titles).format(topic=topic),
                    description=profile.pitch,
                    created_at=profile.registration.created_at + timedelta(days=2),
                )
            )
            domains.append(context.domains[domain])
    rows = Opportunity.objects.bulk_create(rows)
    through = Opportunity.domains.through
    through.objects.bulk_create(
        through(opportunity_id=row.pk, strategicdomain_id=domain.pk)
        for row, domain in zip(rows, domains, strict=True)
    )


def load_cluster_day(context: DemoContext) -> Event:
    """The whole cluster day of 2018, from registrations to the feedback on its meetings."""
    event = create_event(context)
    people = attendees_2018(context, DAY, PARTICIPANTS + CANCELLED)
    registrations = register(context, event, people)
    slots, tables = create_slots_and_tables(event, DAY, BOOTHS)
    b2b = create_profiles(context, registrations, tables)
    mark_unavailable(context, b2b, slots)
    plan = RequestPlan(
        counts=REQUESTS,
        per_person=MEETINGS_PER_PERSON,
        first=at(date(2018, 10, 15), "09:00"),
        last=at(date(2018, 11, 15), "18:00"),
        fixed=LOGIN_REQUESTS,
    )
    create_requests(context, event, b2b.profiles, b2b.topics, plan, b2b.booth_owners)
    scheduled = schedule_and_publish(
        event,
        requested_by=context.users["staff"],
        at=at(date(2018, 11, 17), "10:00"),
        seconds=SOLVER_SECONDS,
    )
    feedback = create_feedback(context, event, FEEDBACK_SHARE)
    context.write(
        f"Events: {event.title}, {PARTICIPANTS} participants, {B2B_PARTICIPANTS} in the B2B, "
        f"{scheduled} meetings scheduled and published, {feedback} ratings."
    )
    return event
