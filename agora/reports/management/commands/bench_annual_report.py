"""`manage.py bench_annual_report [--organisations N] [--years Y]`: time the annual report.

Everything it builds is rolled back at the end; the database is left as it was.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from agora.reports.bench import run


class Command(BaseCommand):
    help = "Time the annual report on a large generated cluster (rolled back afterwards)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisations", type=int, default=10_000)
        parser.add_argument("--years", type=int, default=15)

    def handle(self, *args: Any, organisations: int, years: int, **options: Any) -> None:
        timings = run(organisations=organisations, years=years)
        self.stdout.write(
            f"{timings.organisations} organisations ({timings.states} dated states), "
            f"{timings.periods} membership periods: "
            f"fetch {timings.fetch:.2f} s, compute {timings.compute:.2f} s, "
            f"HTML {timings.html:.2f} s, report {timings.report:.2f} s (CPU {timings.cpu:.2f} s); "
            f"PDF {timings.pdf:.2f} s."
        )
