"""The event's B2B meetings as a matchmaker problem, and a matchmaker schedule back as rows.

Ids in the exchange format are stable strings built from primary keys ("r12" a registration,
"m7" a meeting, "s3" a slot, "t5" a table), so an exported instance and its solution come back
to the same rows. Every read is one query per model, whatever the size of the event.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from agora.events.models import B2BProfile, Event, Meeting, Registration, Slot, Table
from matchmaker.b2b import Assignment, Participant, Problem, Schedule, Status, Unscheduled
from matchmaker.b2b import Meeting as ProblemMeeting
from matchmaker.b2b import Slot as ProblemSlot
from matchmaker.b2b import Table as ProblemTable

ID_PATTERN = re.compile(r"\b([rmst])(\d+)\b")
WRITE_CHUNK = 1000


def registration_id(pk: int) -> str:
    return f"r{pk}"


def meeting_id(pk: int) -> str:
    return f"m{pk}"


def slot_id(pk: int) -> str:
    return f"s{pk}"


def table_id(pk: int) -> str:
    return f"t{pk}"


def row_pk(exchange_id: str) -> int:
    """The primary key inside an exchange id ("m12" → 12)."""
    return int(exchange_id[1:])


@dataclass(frozen=True)
class Position:
    """Where a meeting takes place: slot and table primary keys, or None when unscheduled."""

    slot_pk: int | None
    table_pk: int | None


def live_meetings(event: Event) -> "Q":
    """Meetings to schedule: not cancelled, and every participant still registered."""
    return Q(event=event, is_cancelled=False) & ~Q(
        participants__status__in=[Registration.Status.CANCELLED, Registration.Status.WAITLISTED]
    )


def fetch_problem(event: Event) -> Problem:
    """The scheduling problem of an event's live meetings (six queries)."""
    slots = list(Slot.objects.filter(event=event).order_by("starts_at", "pk"))
    tables = list(Table.objects.filter(event=event).values_list("pk", flat=True).order_by("pk"))
    weights = dict(
        Meeting.objects.filter(live_meetings(event))
        .order_by("pk")
        .values_list("pk", "request__weight")
        .distinct()
    )
    members: dict[int, list[int]] = defaultdict(list)
    through = Meeting.participants.through.objects.filter(meeting__event=event)
    # In registration order: the order in which `set()` inserted them varies with their keys,
    # and the reasons name the participants in this order.
    for meeting_pk, registration_pk in through.order_by(
        "meeting_id", "registration_id"
    ).values_list("meeting_id", "registration_id"):
        if meeting_pk in weights:
            members[meeting_pk].append(registration_pk)
    people = {pk for group in members.values() if len(group) >= 2 for pk in group}
    slot_ids = [slot_id(slot.pk) for slot in slots]
    return Problem(
        slots=tuple(
            ProblemSlot(
                id=slot_id(slot.pk),
                session=slot.session,
                start=slot.starts_at.isoformat(),
                end=slot.ends_at.isoformat(),
            )
            for slot in slots
        ),
        tables=tuple(ProblemTable(id=table_id(pk)) for pk in tables),
        participants=_participants(event, people, slot_ids),
        meetings=tuple(
            ProblemMeeting(
                id=meeting_id(pk),
                participants=tuple(registration_id(r) for r in members[pk]),
                weight=float(weights[pk]),
            )
            for pk in sorted(weights)
            if len(members[pk]) >= 2
        ),
        name=event.title,
    )


def _participants(event: Event, people: set[int], slot_ids: list[str]) -> tuple[Participant, ...]:
    unavailable: dict[int, set[str]] = defaultdict(set)
    through = B2BProfile.unavailable_slots.through.objects.filter(
        b2bprofile__registration__event=event
    )
    for registration_pk, slot_pk in through.values_list("b2bprofile__registration_id", "slot_id"):
        unavailable[registration_pk].add(slot_id(slot_pk))
    rows = (
        Registration.objects.filter(event=event, pk__in=people)
        .order_by("pk")
        .values_list(
            "pk",
            "organisation_id",
            "organisation_name",
            "b2b_profile__max_meetings",
            "b2b_profile__home_table_id",
        )
    )
    return tuple(
        Participant(
            id=registration_id(pk),
            organization=f"o{organisation}" if organisation else (name or None),
            available=(
                frozenset(s for s in slot_ids if s not in unavailable[pk])
                if unavailable[pk]
                else None
            ),
            max_meetings=cap,
            table=table_id(home) if home else None,
        )
        for pk, organisation, name, cap, home in rows
    )


def fetch_published(event: Event) -> Schedule:
    """The schedule as published: the slot and table written on each live meeting."""
    rows = (
        Meeting.objects.filter(live_meetings(event), slot__isnull=False, table__isnull=False)
        .order_by("pk")
        .values_list("pk", "slot_id", "table_id")
        .distinct()
    )
    return Schedule(
        status=Status.FEASIBLE,
        assignments=tuple(
            Assignment(meeting=meeting_id(pk), slot=slot_id(slot), table=table_id(table))
            for pk, slot, table in rows
        ),
        unscheduled=(),
    )


def write_positions(rows: list[tuple[int, int | None, int | None, str]]) -> None:
    """Set slot, table and unscheduled reason of meetings: (meeting pk, slot, table, reason)."""
    # One UPDATE ... FROM VALUES per thousand meetings: bulk_update's CASE WHEN per row took
    # 15 times as long at 25,000 meetings. Standard SQL: PostgreSQL and SQLite 3.33+ run it;
    # only placeholders and the model's own table name go into it.
    table = Meeting._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), WRITE_CHUNK):
            chunk = rows[start : start + WRITE_CHUNK]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"WITH v(id, slot, tbl, reason) AS (VALUES {values}) "
                f"UPDATE {table} SET slot_id = CAST(v.slot AS bigint), "
                "table_id = CAST(v.tbl AS bigint), unscheduled_reason = v.reason "
                f"FROM v WHERE {table}.id = v.id",
                [value for row in chunk for value in row],
            )


def positions(schedule: Schedule) -> dict[int, Position]:
    """Meeting primary key → slot and table primary keys, for the scheduled meetings."""
    return {
        row_pk(a.meeting): Position(slot_pk=row_pk(a.slot), table_pk=row_pk(a.table))
        for a in schedule.assignments
    }


def reasons(schedule: Schedule) -> dict[int, str]:
    """Meeting primary key → why it is not scheduled."""
    return {row_pk(u.meeting): u.reason for u in schedule.unscheduled}


def complete(problem: Problem, schedule: Schedule, reason: str) -> Schedule:
    """The schedule with every meeting it does not mention listed as unscheduled for `reason`."""
    seen = {a.meeting for a in schedule.assignments} | {u.meeting for u in schedule.unscheduled}
    missing = tuple(Unscheduled(m.id, reason) for m in problem.meetings if m.id not in seen)
    return Schedule(
        status=schedule.status,
        assignments=schedule.assignments,
        unscheduled=schedule.unscheduled + missing,
        upper_bound=schedule.upper_bound,
        reason=schedule.reason,
        stats=schedule.stats,
    )


def readable(text: str, names: dict[str, str]) -> str:
    """A solver sentence with exchange ids replaced by names ("r12" → "Ada Lovelace")."""
    return ID_PATTERN.sub(lambda match: names.get(match.group(0), match.group(0)), text)


def names_for(event: Event, texts: list[str]) -> dict[str, str]:
    """Names of the registrations, slots and tables that `texts` mention (three queries)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for text in texts:
        for kind, pk in ID_PATTERN.findall(text):
            wanted[kind].add(int(pk))
    names: dict[str, str] = {}
    if wanted["r"]:
        for registration in Registration.objects.filter(
            event=event, pk__in=wanted["r"]
        ).select_related("person"):
            names[registration_id(registration.pk)] = str(registration.person)
    if wanted["s"]:
        for slot in Slot.objects.filter(event=event, pk__in=wanted["s"]):
            names[slot_id(slot.pk)] = str(slot)
    if wanted["t"]:
        for table in Table.objects.filter(event=event, pk__in=wanted["t"]):
            names[table_id(table.pk)] = table.name
    return names
