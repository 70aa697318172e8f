"""Benchmark of "schedule" to published agendas on a partnering event of realistic size.

The event is the matchmaker's generated instance (heavy-tailed popularity, half-day
attendance, booths, group meetings, capped agendas) written into the database in bulk; pinned
slots have no field in the events app and are dropped. Then the two steps an organiser takes
are timed with their database round trips: "schedule" (fetch the problem, solve, store the
draft) and "publish" (write slots and tables back, send one e-mail per participant).
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from agora.events import adapter
from agora.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingRequest,
    Registration,
    ScheduleRun,
    Slot,
    Table,
)
from agora.events.services import scheduling
from agora.members.models import Person
from matchmaker.b2b import Problem, solve
from matchmaker.b2b.generator import generate

BATCH = 2000


@dataclass
class Timings:
    """Seconds and database queries of each timed phase, in order."""

    seconds: dict[str, float] = field(default_factory=dict)
    queries: dict[str, int] = field(default_factory=dict)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        count = [0]

        def counter(
            execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
        ) -> Any:
            count[0] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            yield
        self.seconds[name] = round(time.perf_counter() - started, 2)
        self.queries[name] = count[0]


def create_event(*, participants: int, meetings: int, slots: int, tables: int, seed: int) -> Event:
    """A new event holding the generated instance of that size, written with bulk inserts."""
    problem = generate(participants, meetings, slots, tables, seed=seed)
    generated = datetime.fromisoformat(problem.slots[0].start or "")
    shift = future_shift(generated)
    first = generated + shift
    with transaction.atomic():
        event = Event.objects.create(
            title=f"Partnering benchmark {participants} x {meetings}",
            slug=f"bench-{participants}-{meetings}-{int(time.time())}",
            kind=Event.Kind.MISSION,
            starts_at=first,
            ends_at=first + timedelta(days=3),
            registration_deadline=first - timedelta(days=1),
            has_b2b=True,
        )
        slot_of, table_of = _slots_and_tables(event, problem, shift)
        registration_of = _registrations(event, problem, slot_of, table_of)
        _meetings(event, problem, registration_of)
    return event


def future_shift(first: datetime) -> timedelta:
    """Whole weeks that move the generator's fixed dates after today (weekdays kept): the
    schedule of an event that is over can no longer change."""
    return timedelta(weeks=max(0, (timezone.now() - first).days // 7 + 1))


def _slots_and_tables(
    event: Event, problem: Problem, shift: timedelta
) -> tuple[dict[str, Slot], dict[str, Table]]:
    slots = Slot.objects.bulk_create(
        Slot(
            event=event,
            starts_at=datetime.fromisoformat(s.start or "") + shift,
            ends_at=datetime.fromisoformat(s.end or "") + shift,
            session=s.session,
        )
        for s in problem.slots
    )
    tables = Table.objects.bulk_create(Table(event=event, name=t.id) for t in problem.tables)
    return (
        dict(zip((s.id for s in problem.slots), slots, strict=True)),
        dict(zip((t.id for t in problem.tables), tables, strict=True)),
    )


def _registrations(
    event: Event, problem: Problem, slot_of: dict[str, Slot], table_of: dict[str, Table]
) -> dict[str, Registration]:
    people = Person.objects.bulk_create(
        (
            Person(first_name="Participant", last_name=p.id, email=f"{p.id}@bench.example.org")
            for p in problem.participants
        ),
        batch_size=BATCH,
    )
    registrations = Registration.objects.bulk_create(
        (
            Registration(event=event, person=person, organisation_name=p.organization or "")
            for person, p in zip(people, problem.participants, strict=True)
        ),
        batch_size=BATCH,
    )
    profiles = B2BProfile.objects.bulk_create(
        (
            B2BProfile(
                registration=registration,
                max_meetings=p.max_meetings,
                home_table=table_of[p.table] if p.table else None,
            )
            for registration, p in zip(registrations, problem.participants, strict=True)
        ),
        batch_size=BATCH,
    )
    through = B2BProfile.unavailable_slots.through
    through.objects.bulk_create(
        (
            through(b2bprofile=profile, slot=slot)
            for profile, p in zip(profiles, problem.participants, strict=True)
            if p.available is not None
            for sid, slot in slot_of.items()
            if sid not in p.available
        ),
        batch_size=BATCH,
    )
    return {p.id: r for p, r in zip(problem.participants, registrations, strict=True)}


def _meetings(event: Event, problem: Problem, registration_of: dict[str, Registration]) -> None:
    requests = MeetingRequest.objects.bulk_create(
        (
            MeetingRequest(
                event=event,
                requester=registration_of[m.participants[0]],
                recipient=registration_of[m.participants[1]],
                message="Shall we meet?",
                status=MeetingRequest.Status.ACCEPTED,
                weight=int(m.weight),
            )
            for m in problem.meetings
        ),
        batch_size=BATCH,
    )
    rows = Meeting.objects.bulk_create(
        (Meeting(event=event, request=request) for request in requests), batch_size=BATCH
    )
    through = Meeting.participants.through
    through.objects.bulk_create(
        (
            through(meeting=row, registration=registration_of[pid])
            for row, m in zip(rows, problem.meetings, strict=True)
            for pid in m.participants
        ),
        batch_size=BATCH,
    )


def run(event: Event) -> tuple[Timings, ScheduleRun, int]:
    """Time "schedule" (fetch, solve, store) then "publish"; the run and the e-mails sent."""
    timings = Timings()
    scheduled = ScheduleRun.objects.create(event=event)
    with timings.phase("fetch"):
        problem = adapter.fetch_problem(event)
    with timings.phase("solve"):
        schedule = solve(problem, time_limit=settings.AGORA_B2B_TIME_LIMIT, seed=0)
    with timings.phase("store"):
        scheduling.store_schedule(run=scheduled, problem=problem, schedule=schedule)
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
        timings.phase("publish"),
    ):
        mail.outbox = []
        scheduling.publish_schedule(actor=None, run=scheduled)
        sent = len(mail.outbox)
    return timings, scheduled, sent
