"""Time "schedule" to published agendas on a generated partnering event (docs/benchmarks.md)."""

import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from agora.events import bench


class Command(BaseCommand):
    help = "Create a partnering event in bulk, then time scheduling and publishing it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--participants", type=int, default=5000)
        parser.add_argument("--meetings", type=int, default=25000)
        parser.add_argument("--slots", type=int, default=48)
        parser.add_argument("--tables", type=int, default=600)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args: object, **options: int) -> None:
        started = time.perf_counter()
        event = bench.create_event(
            participants=options["participants"],
            meetings=options["meetings"],
            slots=options["slots"],
            tables=options["tables"],
            seed=options["seed"],
        )
        self.stdout.write(
            f"event {event.slug} created in {time.perf_counter() - started:.1f} s "
            f"on {connection.vendor}"
        )
        timings, run, sent = bench.run(event)
        for name, seconds in timings.seconds.items():
            self.stdout.write(f"{name:8} {seconds:7.2f} s  {timings.queries[name]:5d} queries")
        schedule = sum(timings.seconds[name] for name in ("fetch", "solve", "store"))
        publish = timings.seconds["publish"]
        self.stdout.write(
            f"schedule {schedule:.2f} s, publish {publish:.2f} s, "
            f"total {schedule + publish:.2f} s; "
            f"{run.scheduled_count} meetings scheduled, {run.unscheduled_count} not, "
            f"status {run.status}, upper bound {run.upper_bound}; {sent} e-mails"
        )
