"""Write an event's B2B meetings (and its published schedule) in the exchange format."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from agora.events.models import Event
from agora.events.selectors.scheduling import get_instance, get_published_solution


class Command(BaseCommand):
    help = "Export an event as b2b-instance/1 and, optionally, its published schedule."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("event_slug")
        parser.add_argument("--instance", type=Path, required=True, help="b2b-instance/1 file")
        parser.add_argument("--solution", type=Path, help="b2b-solution/1 file: the published one")

    def handle(self, *args: object, **options: object) -> None:
        try:
            event = Event.objects.get(slug=options["event_slug"], has_b2b=True)
        except Event.DoesNotExist:
            raise CommandError(f"no event with B2B meetings at {options['event_slug']!r}") from None
        instance = get_instance(event)
        _write(options["instance"], instance)
        self.stdout.write(
            f"{options['instance']}: {len(instance['meetings'])} meetings, "
            f"{len(instance['participants'])} participants"
        )
        if options["solution"] is not None:
            solution = get_published_solution(event)
            _write(options["solution"], solution)
            self.stdout.write(
                f"{options['solution']}: {len(solution['assignments'])} meetings scheduled"
            )


def _write(path: object, data: dict) -> None:
    try:
        Path(str(path)).write_text(json.dumps(data, indent=1), encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror}") from error
