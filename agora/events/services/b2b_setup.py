"""The organiser's B2B set-up: slots, tables, home tables, the request cap and rules."""

from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.events.models import B2BProfile, Event, RequestRule, ScheduleChange, Slot, Table
from agora.events.services.schedule_updates import note_schedule_change

MAX_SLOTS_AT_ONCE = 100
MAX_TABLES_AT_ONCE = 500


def check_setup_open(event: Event) -> None:
    """Refuse to change the B2B set-up of an event that is over: its schedule is final."""
    if event.is_over:
        raise ConflictError(_("The event is over: its B2B set-up can no longer change."))


def slot_starts(starts_at: datetime, ends_at: datetime, minutes: int) -> list[datetime]:
    """Starts of the consecutive slots of `minutes` that fit between the two times."""
    step = timedelta(minutes=minutes)
    starts = []
    start = starts_at
    while start + step <= ends_at:
        starts.append(start)
        start += step
    return starts


@transaction.atomic
def generate_slots(
    *, event: Event, actor: Any, session: str, starts_at: datetime, ends_at: datetime, minutes: int
) -> list[Slot]:
    """Cut a session into consecutive meeting slots; it may not overlap existing slots."""
    check_setup_open(event)
    if minutes < 1:
        raise DomainError(_("A meeting lasts at least one minute."), field="minutes")
    starts = slot_starts(starts_at, ends_at, minutes)
    if not starts:
        raise DomainError(_("The session is shorter than one meeting."), field="ends_at")
    if len(starts) > MAX_SLOTS_AT_ONCE:
        raise DomainError(
            _("That makes more than %(count)d slots; choose longer meetings or a shorter session.")
            % {"count": MAX_SLOTS_AT_ONCE},
            field="minutes",
        )
    Event.objects.select_for_update().filter(pk=event.pk).first()
    end = starts[-1] + timedelta(minutes=minutes)
    if Slot.objects.filter(event=event, starts_at__lt=end, ends_at__gt=starts_at).exists():
        raise ConflictError(_("These slots overlap slots the event already has."))
    slots = Slot.objects.bulk_create(
        Slot(
            event=event,
            session=session,
            starts_at=start,
            ends_at=start + timedelta(minutes=minutes),
        )
        for start in starts
    )
    log_action(
        "events.slots.generated",
        target=event,
        actor=actor,
        data={"session": session, "count": len(slots), "minutes": minutes},
    )
    note_schedule_change(event_id=event.pk, kind=ScheduleChange.Kind.SETUP_CHANGED)
    return slots


@transaction.atomic
def delete_slot(*, slot: Slot, actor: Any) -> None:
    """Remove a slot; meetings placed in it lose their place until the next scheduling."""
    check_setup_open(slot.event)
    log_action("events.slot.deleted", target=slot.event, actor=actor, data={"slot": str(slot)})
    event_id = slot.event_id
    slot.delete()
    note_schedule_change(event_id=event_id, kind=ScheduleChange.Kind.SETUP_CHANGED)


@transaction.atomic
def add_tables(*, event: Event, actor: Any, count: int, name_prefix: str) -> list[Table]:
    """Add `count` tables named name_prefix + number, numbered after the event's existing tables."""
    check_setup_open(event)
    if not 1 <= count <= MAX_TABLES_AT_ONCE:
        raise DomainError(
            _("Add between 1 and %(count)d tables at once.") % {"count": MAX_TABLES_AT_ONCE},
            field="count",
        )
    Event.objects.select_for_update().filter(pk=event.pk).first()
    existing = set(Table.objects.filter(event=event).values_list("name", flat=True))
    names: list[str] = []
    number = 1
    while len(names) < count:
        name = f"{name_prefix}{number}"
        if name not in existing:
            names.append(name)
        number += 1
    tables = Table.objects.bulk_create(Table(event=event, name=name) for name in names)
    log_action("events.tables.added", target=event, actor=actor, data={"names": names})
    note_schedule_change(event_id=event.pk, kind=ScheduleChange.Kind.SETUP_CHANGED)
    return tables


@transaction.atomic
def rename_table(*, table: Table, actor: Any, name: str) -> Table:
    """Give a table a new name, unique within its event."""
    check_setup_open(table.event)
    if Table.objects.filter(event_id=table.event_id, name=name).exclude(pk=table.pk).exists():
        raise ConflictError(_("Another table already has this name."), field="name")
    old_name = table.name
    table.name = name
    table.save(update_fields=["name"])
    log_action("events.table.renamed", target=table, actor=actor, data={"from": old_name})
    return table


@transaction.atomic
def assign_home_table(*, profile: B2BProfile, actor: Any, table: Table | None) -> B2BProfile:
    """Give a participant a home table (their own booth), or take it away with None."""
    check_setup_open(profile.registration.event)
    if table is not None and table.event_id != profile.registration.event_id:
        raise DomainError(_("Choose a table of this event."), field="table")
    is_change = profile.home_table_id != (table.pk if table else None)
    profile.home_table = table
    profile.save(update_fields=["home_table"])
    log_action(
        "events.b2b_profile.home_table_assigned",
        target=profile,
        actor=actor,
        data={"table": table.name if table else None},
    )
    if is_change:
        note_schedule_change(
            event_id=profile.registration.event_id,
            kind=ScheduleChange.Kind.SETUP_CHANGED,
            registration=profile.registration,
        )
    return profile


@transaction.atomic
def set_request_cap(*, event: Event, actor: Any, request_cap: int) -> Event:
    """Change how many live requests one participant may send; requests already sent stay."""
    check_setup_open(event)
    if request_cap < 1:
        raise DomainError(_("Allow at least one request."), field="request_cap")
    old_cap = event.request_cap
    event.request_cap = request_cap
    event.save(update_fields=["request_cap"])
    log_action(
        "events.request_cap.changed",
        target=event,
        actor=actor,
        data={"from": old_cap, "to": request_cap},
    )
    return event


@transaction.atomic
def add_request_rule(
    *, event: Event, actor: Any, requester_kind: str, recipient_kind: str
) -> RequestRule:
    """Forbid organisations of one kind to request meetings with those of another."""
    check_setup_open(event)
    try:
        with transaction.atomic():
            rule = RequestRule.objects.create(
                event=event, requester_kind=requester_kind, recipient_kind=recipient_kind
            )
    except IntegrityError as error:
        raise ConflictError(_("This restriction exists already.")) from error
    log_action("events.request_rule.added", target=event, actor=actor, data={"rule": str(rule)})
    return rule


@transaction.atomic
def remove_request_rule(*, rule: RequestRule, actor: Any) -> None:
    """Lift a request restriction."""
    check_setup_open(rule.event)
    log_action(
        "events.request_rule.removed", target=rule.event, actor=actor, data={"rule": str(rule)}
    )
    rule.delete()
