import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from agora.events.models import Event, Meeting, ScheduleRun
from agora.events.services import scheduling
from agora.events.tests.scheduling_data import tiny_event

CHECKER = Path("/work/shared/tools/b2b_check.py")


@pytest.fixture
def tiny(db, settings):
    settings.AGORA_B2B_TIME_LIMIT = 5.0
    return tiny_event()


@pytest.fixture
def published(tiny, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.request_schedule(actor=None, event=tiny.event, keep_published=False)
    with django_capture_on_commit_callbacks(execute=True):
        scheduling.publish_schedule(actor=None, run=ScheduleRun.objects.get())
    mail.outbox.clear()
    return tiny


def export(tmp_path, *, solution=True):
    instance_path, solution_path = tmp_path / "instance.json", tmp_path / "solution.json"
    options = {"instance": instance_path, **({"solution": solution_path} if solution else {})}
    call_command("export_b2b", "tiny-day", **options)
    return instance_path, solution_path


def checker(instance_path, solution_path):
    return subprocess.run(
        [sys.executable, str(CHECKER), str(instance_path), str(solution_path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_exported_schedule_passes_the_independent_checker(published, tmp_path):
    instance_path, solution_path = export(tmp_path)
    result = checker(instance_path, solution_path)
    assert result.returncode == 0, result.stdout
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["feasible"] is True
    solution = json.loads(solution_path.read_text())
    assert len(solution["assignments"]) == 3
    assert [u["meeting"] for u in solution["unscheduled"]] == [
        f"m{published.meetings['ada-dan'].pk}"
    ]


def test_export_after_a_cancellation_still_passes_the_checker(published, tmp_path):
    meeting = published.meetings["bob-cleo"]
    meeting.is_cancelled = True
    meeting.save(update_fields=["is_cancelled"])
    instance_path, solution_path = export(tmp_path)
    assert checker(instance_path, solution_path).returncode == 0
    assert len(json.loads(instance_path.read_text())["meetings"]) == 3


def test_export_of_an_unpublished_event_lists_every_meeting_as_unscheduled(tiny, tmp_path):
    instance_path, solution_path = export(tmp_path)
    solution = json.loads(solution_path.read_text())
    assert solution["assignments"] == []
    assert len(solution["unscheduled"]) == 4
    assert checker(instance_path, solution_path).returncode == 0


def test_export_of_an_unknown_event_fails(db, tmp_path):
    with pytest.raises(CommandError, match="no event with B2B meetings at 'nowhere'"):
        call_command("export_b2b", "nowhere", instance=tmp_path / "i.json")


def test_import_of_an_exported_schedule_is_a_draft_run(published, tmp_path):
    _, solution_path = export(tmp_path)
    call_command("import_b2b_schedule", "tiny-day", str(solution_path))
    run = ScheduleRun.objects.first()
    assert (run.state, run.scheduled_count, run.unscheduled_count, run.is_published) == (
        "done",
        3,
        1,
        False,
    )
    assert ScheduleRun.objects.count() == 2


def test_import_with_publish_writes_the_meetings(
    tiny, tmp_path, django_capture_on_commit_callbacks
):
    m = tiny.meetings
    early, late = f"s{tiny.early.pk}", f"s{tiny.late.pk}"
    data = {
        "format": "b2b-solution/1",
        "status": "feasible",
        "assignments": [
            {"meeting": f"m{m['ada-bob'].pk}", "slot": late, "table": f"t{tiny.booth.pk}"},
            {"meeting": f"m{m['ada-dan'].pk}", "slot": early, "table": f"t{tiny.table.pk}"},
        ],
        "unscheduled": [
            {"meeting": f"m{m['bob-cleo'].pk}", "reason": "chosen by hand"},
            {"meeting": f"m{m['eve-finn'].pk}", "reason": "chosen by hand"},
        ],
    }
    path = tmp_path / "hand.json"
    path.write_text(json.dumps(data))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_b2b_schedule", "tiny-day", str(path), "--publish")
    assert Meeting.objects.get(pk=m["ada-bob"].pk).slot_id == tiny.late.pk
    assert Meeting.objects.get(pk=m["ada-dan"].pk).table_id == tiny.table.pk
    assert Meeting.objects.get(pk=m["eve-finn"].pk).unscheduled_reason == "chosen by hand"
    assert Event.objects.get().schedule_state == Event.ScheduleState.PUBLISHED
    assert len(mail.outbox) == 6


def test_import_of_a_bad_schedule_lists_the_violations_and_saves_nothing(
    published, tmp_path, capsys
):
    m = published.meetings
    early = f"s{published.early.pk}"
    data = {
        "format": "b2b-solution/1",
        "assignments": [
            {"meeting": f"m{m['ada-dan'].pk}", "slot": early, "table": f"t{published.booth.pk}"},
            {"meeting": f"m{m['eve-finn'].pk}", "slot": "s0", "table": f"t{published.table.pk}"},
        ],
        "unscheduled": [],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    before = list(Meeting.objects.order_by("pk").values_list("slot_id", "table_id"))
    with pytest.raises(CommandError, match="The schedule breaks 5 rules of this event"):
        call_command("import_b2b_schedule", "tiny-day", str(path), "--publish")
    errors = capsys.readouterr().err.splitlines()
    booth = f"t{published.booth.pk}"
    assert errors == [
        f"m{m['eve-finn'].pk}: unknown slot 's0'",
        f"m{m['ada-dan'].pk}: at {booth}, a home table of none of its participants",
        f"m{m['ada-bob'].pk}: appears 0 times, not once",
        f"m{m['bob-cleo'].pk}: appears 0 times, not once",
        f"m{m['eve-finn'].pk}: appears 0 times, not once",
    ]
    assert ScheduleRun.objects.count() == 1
    assert list(Meeting.objects.order_by("pk").values_list("slot_id", "table_id")) == before
    assert len(mail.outbox) == 0


@pytest.mark.parametrize("content", ["{not json", "[]"])
def test_import_of_a_file_that_is_not_a_solution_fails_cleanly(tiny, tmp_path, content):
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(CommandError):
        call_command("import_b2b_schedule", "tiny-day", str(path))
    assert ScheduleRun.objects.count() == 0


# Committed for real, so that the e-mails queued on commit are sent within the timed step.
@pytest.mark.django_db(transaction=True)
def test_benchmark_command_schedules_and_publishes_a_small_generated_event(settings, capsys):
    settings.AGORA_B2B_TIME_LIMIT = 3.0
    call_command(
        "bench_b2b_event",
        "--participants",
        "30",
        "--meetings",
        "40",
        "--slots",
        "4",
        "--tables",
        "6",
    )
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:5]] == ["fetch", "solve", "store", "publish"]
    event = Event.objects.get()
    assert event.schedule_state == Event.ScheduleState.PUBLISHED
    assert Meeting.objects.filter(event=event).count() == 40
    told = event.registrations.filter(meetings__isnull=False).distinct().count()
    assert len(mail.outbox) == told
    assert lines[-1].endswith(f"; {told} e-mails")
