"""Membership status, computed from dates and decisions (never stored). No Django here."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

GRACE_DAYS = 90


class Status(StrEnum):
    PENDING = "pending"  # awaiting the staff's confirmation
    UPCOMING = "upcoming"  # confirmed, starts later
    ACTIVE = "active"
    GRACE = "grace"  # ended less than GRACE_DAYS ago, not renewed: benefits continue
    RENEWED = "renewed"  # ended and followed by a renewal period
    LAPSED = "lapsed"  # ended, grace over, not renewed
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Period:
    """The facts a status is computed from."""

    start: date
    end: date
    confirmed_on: date | None
    cancelled_on: date | None
    renewed: bool


def compute_status(period: Period, today: date) -> Status:
    """The status of one membership period on `today`."""
    if period.cancelled_on is not None and period.cancelled_on <= today:
        return Status.CANCELLED
    if period.confirmed_on is None or period.confirmed_on > today:
        return Status.PENDING
    if today < period.start:
        return Status.UPCOMING
    if today <= period.end:
        return Status.ACTIVE
    if period.renewed:
        return Status.RENEWED
    if today <= period.end + timedelta(days=GRACE_DAYS):
        return Status.GRACE
    return Status.LAPSED


def grants_benefits(status: Status) -> bool:
    """Members in good standing: active, or in their grace period."""
    return status in {Status.ACTIVE, Status.GRACE}
