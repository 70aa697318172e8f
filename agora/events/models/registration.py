import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agora.core.storage import PrivateStorage
from agora.events.models.event import Event
from agora.members.models import Organisation, Person


def calendar_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    """A person's place at an event; attendance is credited to their organisation."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="registrations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation credited"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    organisation_name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For participants whose organisation the cluster does not know."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    waitlisted_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Order of the waiting list: first in, first served.")
    )
    is_member = models.BooleanField(
        _("member rate"), default=False, help_text=_("Whether the member price applied.")
    )
    price = models.DecimalField(_("price"), max_digits=8, decimal_places=2, default=0)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    is_listed = models.BooleanField(
        _("shown in the participant list"),
        default=False,
        help_text=_("Consent to be shown to the other participants."),
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    calendar_token = models.CharField(max_length=64, unique=True, default=calendar_token)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=~models.Q(status="cancelled"),
                name="one_live_registration_per_person",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"

    @property
    def organisation_label(self) -> str:
        return str(self.organisation) if self.organisation else self.organisation_name


class B2BProfile(models.Model):
    """What a participant offers and looks for at an event's B2B meetings."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="b2b_profile"
    )
    pitch = models.TextField(_("who we are, in short"), blank=True)
    unavailable_slots = models.ManyToManyField(
        "events.Slot", verbose_name=_("slots I cannot attend"), blank=True, related_name="+"
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("most meetings I want"), null=True, blank=True
    )
    home_table = models.ForeignKey(
        "events.Table",
        verbose_name=_("own booth"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owners",
    )

    class Meta:
        verbose_name = _("B2B profile")
        verbose_name_plural = _("B2B profiles")

    def __str__(self) -> str:
        return str(self.registration)


def badges_path(instance: "BadgeSheet", filename: str) -> str:
    return f"events/{instance.event_id}/badges/{filename}"


class BadgeSheet(models.Model):
    """The event's name badges as one PDF, built in the background and kept private."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Being prepared")
        READY = "ready", pgettext_lazy("badges", "Ready")
        FAILED = "failed", _("Failed")

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="badge_sheet")
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    file = models.FileField(upload_to=badges_path, storage=PrivateStorage(), blank=True)
    badge_count = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    built_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("badge sheet")
        verbose_name_plural = _("badge sheets")

    def __str__(self) -> str:
        return f"{self.event} ({self.get_state_display()})"
