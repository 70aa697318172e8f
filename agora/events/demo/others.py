"""The other demo events: a workshop, a training, a mission, and next year's cluster day."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from agora.events.demo import texts
from agora.events.demo.cluster_day import (
    answers,
    at,
    create_opportunities,
    create_slots_and_tables,
    spread,
)
from agora.events.demo.meetings import RequestPlan, create_requests
from agora.events.demo.people import affiliated_people
from agora.events.models import (
    B2BProfile,
    Event,
    ProgrammeSession,
    Registration,
    RegistrationQuestion,
    RequestRule,
)
from agora.members.demo import DemoContext
from agora.members.models import Organisation, PartnerCluster

UPCOMING_PARTICIPANTS = 60
UPCOMING_B2B = 20
UPCOMING_REQUESTS = {"accepted": 6, "pending": 10, "declined": 2}


@dataclass(frozen=True)
class PastEvent:
    title: str
    slug: str
    kind: str
    theme: str
    day: date
    days: int
    venue: str
    city: str
    country: str
    participants: int
    price: int
    programme: tuple[tuple[str, str, str], ...]  # start, end, title


PAST_EVENTS = (
    PastEvent(
        "Workshop: software as a medical device", "workshop-samd-2019", "workshop",
        "Regulation of medical software under the MDR", date(2019, 3, 14), 1,
        "BioPark Charleroi", "Gosselies", "BE", 42, 40,
        (("13:30", "14:30", "Is my software a medical device?"),
         ("14:45", "16:00", "Clinical evaluation of algorithms"),
         ("16:00", "17:00", "Case studies from three members")),
    ),
    PastEvent(
        "Training: GMP for advanced therapies", "training-gmp-atmp-2022", "training",
        "Good manufacturing practice for cell and gene therapies", date(2022, 5, 10), 2,
        "Cluster training centre", "Mont-Saint-Guibert", "BE", 24, 350,
        (("09:00", "12:30", "GMP principles for ATMPs"),
         ("13:30", "17:00", "Clean rooms, validation and batch release")),
    ),
    PastEvent(
        "Mission to BIO-Europe 2023", "mission-bio-europe-2023", "mission",
        "A Walloon delegation at Europe's largest partnering event", date(2023, 11, 6), 3,
        "Messe München", "Munich", "DE", 16, 0,
        (("08:00", "09:00", "Delegation breakfast"),
         ("09:00", "18:00", "Partnering meetings on the Walloon stand")),
    ),
)  # fmt: skip


def load_past_event(context: DemoContext, spec: PastEvent, partner: PartnerCluster | None) -> None:
    """One past event with its programme and confirmed, checked-in participants."""
    rng = context.random(f"events-{spec.slug}")
    event = Event.objects.create(
        title=spec.title,
        slug=spec.slug,
        kind=spec.kind,
        theme=spec.theme,
        starts_at=at(spec.day, spec.programme[0][0]),
        ends_at=at(spec.day + timedelta(days=spec.days - 1), spec.programme[-1][1]),
        venue=spec.venue,
        city=spec.city,
        country=spec.country,
        capacity=spec.participants + 10,
        price_member=Decimal(spec.price),
        price_non_member=Decimal(spec.price * 2),
        registration_deadline=at(spec.day - timedelta(days=7), "23:59"),
        is_published=True,
        partner_cluster=partner if spec.kind == "mission" else None,
        created_at=at(spec.day - timedelta(days=90), "10:00"),
    )
    event.organisers.add(context.users["staff"])
    ProgrammeSession.objects.bulk_create(
        ProgrammeSession(
            event=event, starts_at=at(spec.day, start), ends_at=at(spec.day, end), title=title
        )
        for start, end, title in spec.programme
    )
    people = [a for a in affiliated_people(spec.day) if a.is_member]
    first = spec.day - timedelta(days=60)
    Registration.objects.bulk_create(
        Registration(
            event=event,
            person=attendee.person,
            organisation=attendee.organisation,
            is_member=True,
            price=event.price_member,
            is_listed=rng.random() < 0.6,
            checked_in_at=event.starts_at,
            created_at=spread(rng, first, spec.day - timedelta(days=8)),
        )
        for attendee in rng.sample(people, spec.participants)
    )
    Event.objects.filter(pk=event.pk).update(seats_taken=spec.participants)


def upcoming_day(today: date) -> date:
    """The third Thursday of November of this year, or of next year from September on."""
    year = today.year + 1 if today.month >= 9 else today.year
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 14)


def load_upcoming(context: DemoContext) -> Event:
    """Next cluster day: open for registration, its B2B marketplace filling, no login registered."""
    day = upcoming_day(context.today)
    rng = context.random("events-upcoming")
    event = Event.objects.create(
        title=f"Cluster Day {day.year}",
        slug=f"cluster-day-{day.year}",
        kind=Event.Kind.CONFERENCE,
        theme="From data to patients: AI, cell therapy and radiopharmacy",
        description="The cluster's yearly gathering, with a day of B2B meetings.",
        starts_at=at(day, "08:30"),
        ends_at=at(day, "17:30"),
        venue="Palais des Congrès",
        address="Esplanade de l'Europe 2",
        city="Liège",
        capacity=550,
        price_member=Decimal(70),
        price_non_member=Decimal(190),
        registration_deadline=at(day - timedelta(days=4), "23:59"),
        is_published=True,
        has_b2b=True,
        request_cap=10,
        created_at=at(context.today - timedelta(days=60), "10:00"),
    )
    event.organisers.add(context.users["staff"])
    ProgrammeSession.objects.bulk_create(
        ProgrammeSession(
            event=event,
            starts_at=at(day, start),
            ends_at=at(day, end),
            title=title,
            room=room,
            speakers=speakers,
        )
        for start, end, title, room, speakers in texts.CLUSTER_DAY_2018_PROGRAMME
    )
    questions = RegistrationQuestion.objects.bulk_create(
        RegistrationQuestion(event=event, label=label, kind=kind, choices=choices, position=n)
        for n, (label, kind, choices) in enumerate(texts.CLUSTER_DAY_QUESTIONS)
    )
    RequestRule.objects.create(
        event=event,
        requester_kind=Organisation.Kind.INVESTOR,
        recipient_kind=Organisation.Kind.STARTUP,
    )
    logins = {user.pk for user in context.users.values()}
    people = [a for a in affiliated_people(context.today) if a.person.user_id not in logins]
    registrations = Registration.objects.bulk_create(
        Registration(
            event=event,
            person=attendee.person,
            organisation=attendee.organisation,
            is_member=attendee.is_member,
            price=event.price_member if attendee.is_member else event.price_non_member,
            answers=answers(rng, questions),
            is_listed=rng.random() < 0.7,
            created_at=spread(rng, context.today - timedelta(days=45), context.today),
        )
        for attendee in rng.sample(people, UPCOMING_PARTICIPANTS)
    )
    Event.objects.filter(pk=event.pk).update(seats_taken=UPCOMING_PARTICIPANTS)
    create_slots_and_tables(event, day, 0)
    load_upcoming_b2b(context, event, registrations)
    return event


def load_upcoming_b2b(context: DemoContext, event: Event, registrations: list) -> None:
    """A few B2B profiles, opportunities and requests: the marketplace is not empty."""
    rng = context.random("events-upcoming-b2b")
    chosen = rng.sample(registrations, UPCOMING_B2B)
    domain_codes = sorted(context.domains)
    topics = {}
    for registration in chosen:
        domain = rng.choice(domain_codes)
        topics[registration.pk] = (domain, rng.choice(texts.TOPICS[domain]))
    profiles = B2BProfile.objects.bulk_create(
        B2BProfile(
            registration=registration,
            pitch=rng.choice(texts.PITCHES).format(
                topic=topics[registration.pk][1], size=rng.randrange(3, 60)
            ),
        )
        for registration in chosen
    )
    create_opportunities(context, rng, profiles, topics)
    first = at(context.today - timedelta(days=20), "09:00")
    plan = RequestPlan(
        counts=UPCOMING_REQUESTS, per_person=4, first=first, last=at(context.today, "08:00")
    )
    create_requests(
        context, event, profiles, {pk: topic for pk, (_d, topic) in topics.items()}, plan, set()
    )


def load_other_events(context: DemoContext) -> None:
    """The workshop, the training, the mission, and the upcoming cluster day."""
    partner = PartnerCluster.objects.order_by("slug").first()
    for spec in PAST_EVENTS:
        load_past_event(context, spec, partner)
    upcoming = load_upcoming(context)
    context.write(f"Events: {len(PAST_EVENTS)} past events, and {upcoming.title} open.")
