from datetime import date

from agora.members.status import Period, Status, compute_status


def period(**changes) -> Period:
    values = {
        "start": date(2018, 1, 1),
        "end": date(2018, 12, 31),
        "confirmed_on": date(2017, 12, 1),
        "cancelled_on": None,
        "renewed": False,
    }
    values.update(changes)
    return Period(**values)


def test_unconfirmed_membership_is_pending():
    assert compute_status(period(confirmed_on=None), date(2018, 6, 1)) is Status.PENDING


def test_confirmed_membership_before_its_start_is_upcoming():
    assert compute_status(period(), date(2017, 12, 15)) is Status.UPCOMING


def test_membership_is_active_on_its_last_day():
    assert compute_status(period(), date(2018, 12, 31)) is Status.ACTIVE


def test_unrenewed_membership_has_ninety_days_of_grace():
    assert compute_status(period(), date(2019, 3, 31)) is Status.GRACE
    assert compute_status(period(), date(2019, 4, 1)) is Status.LAPSED


def test_renewed_period_is_renewed_not_lapsed():
    assert compute_status(period(renewed=True), date(2019, 1, 1)) is Status.RENEWED


def test_cancellation_wins_from_its_date():
    cancelled = period(cancelled_on=date(2018, 6, 1))
    assert compute_status(cancelled, date(2018, 5, 31)) is Status.ACTIVE
    assert compute_status(cancelled, date(2018, 6, 1)) is Status.CANCELLED
