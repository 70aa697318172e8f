"""Bring a schedule made elsewhere into an event, checked before anything is saved."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from agora.events.models import Event
from agora.events.services.scheduling import ScheduleRejectedError, import_schedule


class Command(BaseCommand):
    help = "Import a b2b-solution/1 file as a schedule run of the event (published with --publish)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("event_slug")
        parser.add_argument("path", type=Path)
        parser.add_argument("--publish", action="store_true", help="publish it and send agendas")

    def handle(self, *args: object, **options: object) -> None:
        try:
            event = Event.objects.get(slug=options["event_slug"], has_b2b=True)
        except Event.DoesNotExist:
            raise CommandError(f"no event with B2B meetings at {options['event_slug']!r}") from None
        path = Path(str(options["path"]))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        except ValueError as error:
            raise CommandError(f"malformed JSON in {path}: {error}") from error
        try:
            run = import_schedule(
                actor=None, event=event, data=data, publish=bool(options["publish"])
            )
        except ScheduleRejectedError as error:
            for line in error.errors:
                self.stderr.write(line)
            raise CommandError(error.message) from error
        state = "published" if run.is_published else "saved as a draft, not published"
        self.stdout.write(f"{run.scheduled_count} meetings scheduled; {state} (run {run.pk}).")
