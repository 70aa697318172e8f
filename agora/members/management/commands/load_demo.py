"""`manage.py load_demo [--today YYYY-MM-DD] [--reset]`: fill an empty database with the demo."""

import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from agora.members.demo import DemoContext, has_other_data, is_demo_loaded, load_all, reset_all
from agora.members.selectors import list_member_organisations


def parse_day(value: str | date | None) -> date:
    """The day the demo stands on: the given one, or today in the cluster's time zone."""
    if value is None:
        return timezone.localdate()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today takes a date like 2026-11-26, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Load the demo cluster (the same data on every run) into an empty database; "
        "does nothing when it is already there, unless --reset."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            help="The day the demo stands on (YYYY-MM-DD); by default the real today.",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo data first, then reload it."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        context = DemoContext(today=parse_day(options["today"]), write=self.stdout.write)
        if has_other_data():
            raise CommandError(
                "This database holds organisations that are not the demo's: "
                "load_demo only fills an empty database."
            )
        if is_demo_loaded() and not options["reset"]:
            self.stdout.write("The demo data is already loaded: nothing to do (--reset reloads).")
            return
        started = time.monotonic()
        with transaction.atomic():
            if options["reset"]:
                reset_all(context)
            load_all(context)
        members = list_member_organisations(context.today).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded as of {context.today:%Y-%m-%d}: {members} member organisations "
                f"in good standing ({time.monotonic() - started:.1f} s). "
                "Logins: manage.py demo_logins"
            )
        )
