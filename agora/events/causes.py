"""Why meetings are left out: the solver's causes stored as codes and ids, worded by gettext.

A run stores `{"schedule": cause or None, "meetings": {meeting id: cause}}`, each cause a dict
of its code and the exchange ids it names ("r12", "s3", "t5"); the sentence is made when it is
read, in the reader's language, with people, slots and tables by name.
"""

from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agora.events import adapter
from agora.events.models import ScheduleRun
from matchmaker.b2b.reasons import CauseCode, Constraint, Explanation

Data = dict[str, Any]


def to_data(explanation: Explanation) -> Data:
    """The explanation of a schedule as JSON-ready data for ScheduleRun.causes."""
    return {
        "schedule": None if explanation.schedule is None else _strip(asdict(explanation.schedule)),
        "meetings": {m: _strip(asdict(cause)) for m, cause in explanation.meetings.items()},
    }


def _strip(data: Data) -> Data:
    # Only the fields a code uses: empty ones would weigh on 25,000 stored causes.
    kept = {key: value for key, value in data.items() if value not in ((), None)}
    if "details" in kept:
        kept["details"] = [_strip(detail) for detail in kept["details"]]
    return kept


def _ids(data: Data) -> Iterator[str]:
    for key in ("participants", "slots", "tables"):
        yield from data.get(key, ())
    for first, last in data.get("spans", ()):
        yield from (first, last)
    for detail in data.get("details", ()):
        yield from _ids(detail)


def describe_run(run: ScheduleRun, meeting_ids: list[str]) -> dict[str, str]:
    """Why each of these meetings is left out of the run, in the active language.

    Runs made before causes were stored keep the solver's English sentence.
    """
    stored = run.causes.get("meetings", {})
    solution = {item["meeting"]: item["reason"] for item in run.solution.get("unscheduled", [])}
    wanted = [stored[m] for m in meeting_ids if m in stored]
    names = adapter.names_for(run.event, [i for data in wanted for i in _ids(data)])
    english = [solution.get(m, "") for m in meeting_ids if m not in stored]
    names.update(adapter.names_for(run.event, english))
    return {
        m: describe(stored[m], names)
        if m in stored
        else adapter.readable(solution.get(m, ""), names)
        for m in meeting_ids
    }


def describe_schedule(run: ScheduleRun) -> str:
    """Why the run has no schedule at all (infeasible, out of time), or blank."""
    data = run.causes.get("schedule")
    if not data:
        return ""
    return describe(data, adapter.names_for(run.event, list(_ids(data))))


def describe(data: Data, names: dict[str, str]) -> str:
    """One cause as a sentence in the active language; `names` maps ids to names."""
    return _WORDINGS[CauseCode(data["code"])](_Words(data, names))


class _Words:
    """A stored cause with its ids turned into names, for the wordings below."""

    def __init__(self, data: Data, names: dict[str, str]) -> None:
        self.data = data
        self.names = names

    def name(self, key: str = "participants", position: int = 0) -> str:
        value = self.data[key][position]
        return self.names.get(value, value)

    def people(self) -> str:
        return join_names([self.names.get(p, p) for p in self.data["participants"]])

    def spans(self) -> str:
        return ", ".join(
            self.names.get(first, first)
            if first == last
            else f"{self.names.get(first, first)}–{self.names.get(last, last)}"
            for first, last in self.data["spans"]
        )

    def number(self, key: str) -> int:
        return int(self.data[key])

    def detail(self, position: int = 0) -> str:
        return describe(self.data["details"][position], self.names)

    def details(self) -> str:
        return "; ".join(describe(detail, self.names) for detail in self.data.get("details", ()))


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C', in the active language."""
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _clash(words: _Words) -> str:
    rules = {
        Constraint.SCHEDULE_ALL: lambda: _("every meeting scheduled"),
        Constraint.PINS: lambda: _("the pinned slots"),
        Constraint.FAIRNESS: lambda: (
            _("fairness %(limit)d (idle spread over participants)")
            % {"limit": words.number("limit")}
        ),
        Constraint.CAPACITY: lambda: _("availability and table capacity"),
    }
    parts = [rules[Constraint(code)]() for code in words.data["constraints"]]
    return _("no schedule satisfies %(rules)s together") % {"rules": join_names(parts)}


def _at_maximum(words: _Words) -> str:
    count = words.number("count")
    return ngettext(
        "%(name)s already has %(count)d meeting, their maximum",
        "%(name)s already has %(count)d meetings, their maximum",
        count,
    ) % {"name": words.name(), "count": count}


def _slots_full(words: _Words) -> str:
    count = words.number("table_count")
    return ngettext(
        "every slot where %(names)s are both free is full (%(count)d table)",
        "every slot where %(names)s are both free is full (%(count)d tables)",
        count,
    ) % {"names": words.people(), "count": count}


def _table_shortage(words: _Words) -> str:
    slots, tables = words.number("slot_count"), words.number("table_count")
    return _(
        "%(count)d meetings need a table but %(slots)d slots of %(tables)d tables hold only "
        "%(places)d"
    ) % {"count": words.number("count"), "slots": slots, "tables": tables, "places": slots * tables}


_WORDINGS: dict[CauseCode, Callable[[_Words], str]] = {
    CauseCode.PINNED_OUTSIDE_ALLOWED: lambda w: (
        _("it is pinned to %(slot)s, outside its allowed slots") % {"slot": w.name("slots")}
    ),
    CauseCode.UNAVAILABLE_IN_PINNED_SLOT: lambda w: (
        _("%(name)s is not available in %(slot)s") % {"name": w.name(), "slot": w.name("slots")}
    ),
    CauseCode.UNAVAILABLE_IN_ALLOWED_SLOTS: lambda w: (
        _("%(name)s is not available in any slot allowed for this meeting") % {"name": w.name()}
    ),
    CauseCode.NO_COMMON_AVAILABLE_SLOT: lambda w: (
        _("%(names)s have no common available slot") % {"names": w.people()}
    ),
    CauseCode.AT_MAXIMUM: _at_maximum,
    CauseCode.NO_COMMON_FREE_SLOT: lambda w: (
        _("%(names)s have no common free slot: %(details)s")
        % {"names": w.people(), "details": w.details()}
    ),
    CauseCode.BOOKED: lambda w: (
        _("%(name)s is booked in %(slots)s") % {"name": w.name(), "slots": w.spans()}
    ),
    CauseCode.HOME_TABLE_TAKEN: lambda w: (
        _("home table %(tables)s is taken in every slot where %(names)s are both free")
        % {"tables": ", ".join(w.names.get(t, t) for t in w.data["tables"]), "names": w.people()}
    ),
    CauseCode.SLOTS_FULL: _slots_full,
    CauseCode.FAIRNESS_LIMIT: lambda w: (
        _(
            "%(names)s are free in %(slots)s, but a meeting there would break the fairness "
            "limit (%(limit)d)"
        )
        % {"names": w.people(), "slots": w.spans(), "limit": w.number("limit")}
    ),
    CauseCode.HEAVIER_MEETINGS: lambda w: (
        _(
            "%(names)s are free in %(slots)s, but placing it there would move meetings of higher "
            "total weight; the search found no better schedule"
        )
        % {"names": w.people(), "slots": w.spans()}
    ),
    CauseCode.NO_SCHEDULE: lambda w: _("no schedule exists: %(cause)s") % {"cause": w.detail()},
    CauseCode.TIME_LIMIT: lambda w: _("the time limit ran out before a schedule was found"),
    CauseCode.MEETING_IMPOSSIBLE: lambda w: (
        _("meeting %(meeting)s cannot be scheduled: %(cause)s")
        % {"meeting": w.name("meetings"), "cause": w.detail()}
    ),
    CauseCode.TWO_PINS: lambda w: (
        _("%(name)s has two meetings pinned to %(slot)s (%(first)s and %(second)s)")
        % {
            "name": w.name(),
            "slot": w.name("slots"),
            "first": w.name("meetings"),
            "second": w.name("meetings", 1),
        }
    ),
    CauseCode.PINS_OVER_TABLES: lambda w: (
        _("%(count)d meetings are pinned to %(slot)s, which has %(tables)d tables")
        % {"count": w.number("count"), "slot": w.name("slots"), "tables": w.number("table_count")}
    ),
    CauseCode.OVER_MAXIMUM: lambda w: (
        _("%(name)s has %(count)d meetings to schedule, over their maximum %(limit)d")
        % {"name": w.name(), "count": w.number("count"), "limit": w.number("limit")}
    ),
    CauseCode.TOO_FEW_SLOTS: lambda w: (
        _(
            "%(name)s has %(count)d meetings to schedule but only %(slots)d slots where they "
            "can meet"
        )
        % {"name": w.name(), "count": w.number("count"), "slots": w.number("slot_count")}
    ),
    CauseCode.TABLE_SHORTAGE: _table_shortage,
    CauseCode.HOME_TABLE_OVERLOAD: lambda w: (
        _("home table %(table)s would host %(count)d meetings in %(slots)d slots")
        % {"table": w.name("tables"), "count": w.number("count"), "slots": w.number("slot_count")}
    ),
    CauseCode.CONSTRAINTS_CLASH: _clash,
}
