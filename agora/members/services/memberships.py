"""Writes of membership periods: create, confirm, renew, cancel, co-membership."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agora.core.audit import log_action
from agora.core.errors import ConflictError, DomainError
from agora.members.models import (
    CoMembershipAgreement,
    Membership,
    Organisation,
)


def period_end(start: date) -> date:
    """Memberships run for a year: the day before the anniversary."""
    if start.year >= date.max.year:  # the calendar ends before the anniversary
        raise DomainError(_("A membership cannot start that late."), field="start_date")
    try:
        return start.replace(year=start.year + 1) - timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


@transaction.atomic
def create_membership(
    *,
    actor: Any,
    organisation: Organisation,
    type: str,
    start_date: date,
    end_date: date | None = None,
    fee: Decimal = Decimal(0),
    agreement: CoMembershipAgreement | None = None,
    confirmed_on: date | None = None,
) -> Membership:
    """Open a membership period (pending until confirmed, unless `confirmed_on` is given)."""
    if type == Membership.Type.CO_MEMBER and agreement is None:
        raise DomainError(_("A co-membership needs a co-membership agreement."), field="agreement")
    if agreement is not None and not agreement.is_valid_on(start_date):
        raise DomainError(_("The agreement is not valid on the start date."), field="agreement")
    end = end_date or period_end(start_date)
    if end < start_date:
        raise DomainError(_("A membership cannot end before it starts."), field="end_date")
    check_no_overlap(organisation, start_date, end)
    membership = Membership.objects.create(
        organisation=organisation,
        type=type,
        start_date=start_date,
        end_date=end,
        fee=fee,
        agreement=agreement,
        confirmed_on=confirmed_on,
    )
    log_action("members.membership.created", target=membership, actor=actor, data={"type": type})
    return membership


def check_no_overlap(organisation: Organisation, start: date, end: date) -> None:
    """Refuse a period that overlaps another live period of the same organisation."""
    overlapping = Membership.objects.filter(
        organisation=organisation, start_date__lte=end, end_date__gte=start
    ).exclude(cancelled_on__isnull=False)
    if overlapping.exists():
        raise ConflictError(_("This organisation already has a membership for that period."))


@transaction.atomic
def confirm_membership(*, actor: Any, membership: Membership, on: date | None = None) -> Membership:
    """Confirm a pending membership (the board's or staff's decision)."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.confirmed_on is not None:
        raise ConflictError(_("This membership is already confirmed."))
    if membership.cancelled_on is not None:
        raise ConflictError(_("A cancelled membership cannot be confirmed."))
    membership.confirmed_on = on or timezone.localdate()
    membership.save(update_fields=["confirmed_on"])
    log_action("members.membership.confirmed", target=membership, actor=actor)
    return membership


@transaction.atomic
def renew_membership(
    *, actor: Any, membership: Membership, fee: Decimal | None = None
) -> Membership:
    """Open the next period right after this one, same type; confirmed as the renewal is."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.cancelled_on is not None:
        raise ConflictError(_("A cancelled membership cannot be renewed."))
    if Membership.objects.filter(renewal_of=membership).exists():
        raise ConflictError(_("This membership period has already been renewed."))
    if membership.end_date >= date.max:
        raise DomainError(_("This membership period never ends: there is nothing to renew."))
    start = membership.end_date + timedelta(days=1)
    check_no_overlap(membership.organisation, start, period_end(start))
    renewal = Membership.objects.create(
        organisation=membership.organisation,
        type=membership.type,
        start_date=start,
        end_date=period_end(start),
        fee=membership.fee if fee is None else fee,
        agreement=membership.agreement,
        confirmed_on=timezone.localdate(),
        renewal_of=membership,
    )
    log_action(
        "members.membership.renewed", target=renewal, actor=actor, data={"of": membership.pk}
    )
    return renewal


@transaction.atomic
def cancel_membership(
    *, actor: Any, membership: Membership, reason: str, on: date | None = None
) -> Membership:
    """End a membership early (resignation, exclusion); the reason is kept."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.cancelled_on is not None:
        raise ConflictError(_("This membership is already cancelled."))
    if not reason.strip():
        raise DomainError(_("Please give the reason for the cancellation."), field="reason")
    membership.cancelled_on = on or timezone.localdate()
    membership.cancellation_reason = reason.strip()
    membership.save(update_fields=["cancelled_on", "cancellation_reason"])
    log_action(
        "members.membership.cancelled", target=membership, actor=actor, data={"reason": reason}
    )
    return membership


@transaction.atomic
def grant_co_membership(
    *, actor: Any, organisation: Organisation, agreement: CoMembershipAgreement, start_date: date
) -> Membership:
    """Give a partner cluster's member co-member status under the agreement (confirmed)."""
    end = period_end(start_date)
    if agreement.valid_until is not None:
        end = min(end, agreement.valid_until)
    return create_membership(
        actor=actor,
        organisation=organisation,
        type=Membership.Type.CO_MEMBER,
        start_date=start_date,
        end_date=end,
        fee=agreement.fee,
        agreement=agreement,
        confirmed_on=timezone.localdate(),
    )
