"""The demo's meeting requests, their meetings, the published schedule and the feedback."""

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from agora.accounts.models import User
from agora.events import adapter
from agora.events.demo import texts
from agora.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Opportunity,
    ScheduleRun,
)
from agora.events.services import scheduling
from agora.members.demo import DemoContext
from matchmaker.b2b import solve

OUTCOMES = (("follow_up", 40), ("nothing", 30), ("nda", 15), ("project", 10), ("deal", 5))


@dataclass(frozen=True)
class RequestPlan:
    """How many requests of each status, and the most accepted meetings per person."""

    counts: dict[str, int]
    per_person: int
    first: datetime
    last: datetime
    fixed: tuple[tuple[int, int, str], ...] = ()  # (requester, recipient) profile indexes, status


def draw_pairs(
    rng: random.Random, profiles: list[B2BProfile], plan: RequestPlan, booth_owners: set[int]
) -> list[tuple[B2BProfile, B2BProfile, str]]:
    """(requester, recipient, status) triples: no pair twice, few meetings per person."""
    statuses = [status for status, count in plan.counts.items() for _n in range(count)]
    rng.shuffle(statuses)
    accepted: Counter[int] = Counter()
    used: set[frozenset[int]] = set()
    # A few participants are popular: they receive many of the requests.
    popularity = [rng.paretovariate(1.6) for _profile in profiles]
    triples = []
    for a, b, status in plan.fixed:
        triples.append((profiles[a], profiles[b], status))
        used.add(frozenset((profiles[a].pk, profiles[b].pk)))
        accepted.update([profiles[a].pk, profiles[b].pk] if status == "accepted" else [])
        statuses.remove(status)
    for status in statuses:
        while True:
            requester = rng.choice(profiles)
            recipient = rng.choices(profiles, weights=popularity)[0]
            pair = frozenset((requester.pk, recipient.pk))
            owners = {requester.registration_id, recipient.registration_id} & booth_owners
            if requester is recipient or pair in used or len(owners) > 1:
                continue
            if status == "accepted" and max(accepted[p] for p in pair) >= plan.per_person:
                continue
            break
        used.add(pair)
        if status == "accepted":
            accepted.update(pair)
        triples.append((requester, recipient, status))
    return triples


def create_requests(
    context: DemoContext,
    event: Event,
    profiles: list[B2BProfile],
    topics: dict[int, str],
    plan: RequestPlan,
    booth_owners: set[int],
) -> list[MeetingRequest]:
    """The requests with messages and decisions, each accepted one with its meeting."""
    rng = context.random(f"events-{event.slug}-requests")
    offers: dict[int, list[int]] = {}
    for pk, profile_id in Opportunity.objects.filter(profile__in=profiles).values_list(
        "pk", "profile_id"
    ):
        offers.setdefault(profile_id, []).append(pk)
    span = (plan.last - plan.first).total_seconds()
    rows = []
    for requester, recipient, status in draw_pairs(rng, profiles, plan, booth_owners):
        created = plan.first + timedelta(seconds=span * rng.random())
        opportunities = offers.get(recipient.pk, [])
        rows.append(
            MeetingRequest(
                event=event,
                requester_id=requester.registration_id,
                recipient_id=recipient.registration_id,
                opportunity_id=rng.choice(opportunities) if rng.random() < 0.7 else None,
                message=rng.choice(texts.MESSAGES).format(topic=topics[recipient.registration_id]),
                status=status,
                created_at=created,
                decided_at=None if status == "pending" else created + timedelta(days=2),
            )
        )
    requests = MeetingRequest.objects.bulk_create(rows)
    accepted = [request for request in requests if request.status == "accepted"]
    meetings = Meeting.objects.bulk_create(
        Meeting(event=event, request=request) for request in accepted
    )
    through = Meeting.participants.through
    through.objects.bulk_create(
        through(meeting_id=meeting.pk, registration_id=registration)
        for meeting, request in zip(meetings, accepted, strict=True)
        for registration in (request.requester_id, request.recipient_id)
    )
    return requests


def schedule_and_publish(event: Event, *, requested_by: User, at: datetime, seconds: float) -> int:
    """Solve with the matchmaker, write slots and tables on the meetings, publish; scheduled."""
    problem = adapter.fetch_problem(event)
    schedule = solve(problem, time_limit=seconds, seed=0)
    positions = adapter.positions(schedule)
    reasons = adapter.reasons(schedule)
    meetings = list(Meeting.objects.filter(event=event))
    for meeting in meetings:
        position = positions.get(meeting.pk)
        meeting.slot_id = position.slot_pk if position else None
        meeting.table_id = position.table_pk if position else None
        meeting.unscheduled_reason = reasons.get(meeting.pk, "")
    Meeting.objects.bulk_update(meetings, ["slot", "table", "unscheduled_reason"])
    # The run's figures (weight, idle gaps, tables) come from the same code as a real run.
    run = ScheduleRun.objects.create(event=event, requested_by=requested_by, created_at=at)
    scheduling.store_schedule(run=run, problem=problem, schedule=schedule)
    ScheduleRun.objects.filter(pk=run.pk).update(
        finished_at=at + timedelta(minutes=1), is_published=True
    )
    event.schedule_state = Event.ScheduleState.PUBLISHED
    event.schedule_published_at = at + timedelta(minutes=5)
    event.save(update_fields=["schedule_state", "schedule_published_at"])
    return len(positions)


def create_feedback(context: DemoContext, event: Event, share: float) -> int:
    """After the day, a `share` of the participants rate each meeting and record its outcome."""
    rng = context.random(f"events-{event.slug}-feedback")
    outcomes = [outcome for outcome, _weight in OUTCOMES]
    weights = [weight for _outcome, weight in OUTCOMES]
    through = Meeting.participants.through.objects.filter(
        meeting__event=event, meeting__slot__isnull=False
    ).order_by("meeting_id", "registration_id")
    after = event.ends_at + timedelta(days=1)
    rows = []
    for meeting_id, registration_id in through.values_list("meeting_id", "registration_id"):
        if rng.random() >= share:
            continue
        outcome = rng.choices(outcomes, weights)[0]
        low = 1 if outcome == "nothing" else 3
        rows.append(
            MeetingFeedback(
                meeting_id=meeting_id,
                registration_id=registration_id,
                rating=rng.randint(low, low + 2),
                outcome=outcome,
                created_at=after + timedelta(hours=rng.randrange(24 * 10)),
            )
        )
    return len(MeetingFeedback.objects.bulk_create(rows))
