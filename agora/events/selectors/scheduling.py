"""Reads of the organiser's scheduling page: runs, their figures and unscheduled meetings."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.http import Http404

from agora.events import adapter, causes
from agora.events.models import Event, Meeting, ScheduleRun, Slot
from matchmaker.b2b import Schedule, Status, Unscheduled
from matchmaker.b2b.io import problem_to_dict, schedule_to_dict

SHOWN_UNSCHEDULED = 200


@dataclass(frozen=True)
class SlotUse:
    slot: Slot
    meetings: int
    tables: int

    @property
    def percent(self) -> int:
        return round(100 * self.meetings / self.tables) if self.tables else 0


@dataclass(frozen=True)
class UnscheduledMeeting:
    participants: str
    reason: str


@dataclass(frozen=True)
class RunReport:
    """A finished run as the organiser reads it."""

    run: ScheduleRun
    weight: float
    gap_percent: float | None
    idle: int
    idle_max: int
    slot_use: list[SlotUse]
    unscheduled: list[UnscheduledMeeting]
    reason: str  # why there is no schedule at all, in the reader's language; else blank


def access_run(event: Event, pk: int) -> ScheduleRun:
    """One run of this event's scheduler."""
    try:
        return event.schedule_runs.get(pk=pk)
    except ScheduleRun.DoesNotExist:
        raise Http404 from None


def get_latest_run(event: Event) -> ScheduleRun | None:
    """The event's most recent run of the scheduler, if any."""
    return event.schedule_runs.select_related("requested_by").first()


def get_run_report(run: ScheduleRun) -> RunReport:
    """Weight against the bound, idle gaps, per-slot use and unscheduled meetings of a run."""
    stats = run.solution.get("stats", {})
    weight = float(stats.get("weight", 0.0))
    bound = run.upper_bound
    gap = round(100 * (bound - weight) / bound, 1) if bound else None
    return RunReport(
        run=run,
        weight=weight,
        gap_percent=gap,
        idle=int(stats.get("idle", 0)),
        idle_max=int(stats.get("idle_max", 0)),
        slot_use=_slot_use(run, int(stats.get("tables", 0))),
        unscheduled=_unscheduled(run),
        reason=causes.describe_schedule(run),
    )


def _slot_use(run: ScheduleRun, tables: int) -> list[SlotUse]:
    used = Counter(item["slot"] for item in run.solution.get("assignments", []))
    return [
        SlotUse(slot=slot, meetings=used[adapter.slot_id(slot.pk)], tables=tables)
        for slot in Slot.objects.filter(event_id=run.event_id)
    ]


def _unscheduled(run: ScheduleRun) -> list[UnscheduledMeeting]:
    items = run.solution.get("unscheduled", [])[:SHOWN_UNSCHEDULED]
    pks = [adapter.row_pk(item["meeting"]) for item in items]
    members: dict[int, list[str]] = defaultdict(list)
    rows = (
        Meeting.participants.through.objects.filter(meeting_id__in=pks)
        .order_by("meeting_id", "registration_id")
        .values_list(
            "meeting_id", "registration__person__first_name", "registration__person__last_name"
        )
    )
    for meeting, first, last in rows:
        members[meeting].append(f"{first} {last}")
    reasons = causes.describe_run(run, [item["meeting"] for item in items])
    return [
        UnscheduledMeeting(
            participants=" · ".join(members[pk]) or item["meeting"],
            reason=reasons[item["meeting"]],
        )
        for pk, item in zip(pks, items, strict=True)
    ]


def get_instance(event: Event) -> dict:
    """The event's live meetings as a b2b-instance/1 document."""
    return problem_to_dict(adapter.fetch_problem(event))


def get_published_solution(event: Event) -> dict:
    """The published schedule as a b2b-solution/1 document of the event's current instance."""
    problem = adapter.fetch_problem(event)
    ids = {m.id for m in problem.meetings}
    published = adapter.fetch_published(event)
    assignments = tuple(a for a in published.assignments if a.meeting in ids)
    placed = {a.meeting for a in assignments}
    why = dict(
        Meeting.objects.filter(event=event, slot__isnull=True).values_list(
            "pk", "unscheduled_reason"
        )
    )
    unscheduled = tuple(
        Unscheduled(
            meeting=m.id, reason=why.get(adapter.row_pk(m.id)) or "not in the published schedule"
        )
        for m in problem.meetings
        if m.id not in placed
    )
    run = event.schedule_runs.filter(is_published=True).first()
    weight = sum(m.weight for m in problem.meetings if m.id in placed)
    # A bound proved before later changes to the meetings may no longer hold.
    bound = run.upper_bound if run and run.upper_bound and run.upper_bound >= weight else None
    return schedule_to_dict(
        Schedule(
            status=Status.FEASIBLE,
            assignments=assignments,
            unscheduled=unscheduled,
            upper_bound=bound,
        )
    )
