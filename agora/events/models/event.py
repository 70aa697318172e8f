from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agora.members.models import Organisation, PartnerCluster


class Event(models.Model):
    """A conference day, workshop, think-tank meeting, training or international mission."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference day")
        WORKSHOP = "workshop", _("Workshop")
        THINK_TANK = "think_tank", _("Think-tank meeting")
        TRAINING = "training", _("Training")
        MISSION = "mission", _("International mission")

    class ScheduleState(models.TextChoices):
        NONE = "none", _("Not scheduled")
        DRAFT = "draft", _("Draft schedule")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, default="BE")
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    seats_taken = models.PositiveIntegerField(
        _("seats taken"), default=0, editable=False, help_text=_("Confirmed registrations.")
    )
    price_member = models.DecimalField(
        _("price for members"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    price_non_member = models.DecimalField(
        _("price for non-members"),
        max_digits=8,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    is_published = models.BooleanField(_("published"), default=False)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("organisers (staff)"), blank=True, related_name="+"
    )
    co_organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("co-organising member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="co_organised_events",
    )
    partner_cluster = models.ForeignKey(
        PartnerCluster,
        verbose_name=_("co-organising partner cluster"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="co_organised_events",
    )
    has_b2b = models.BooleanField(_("B2B meetings"), default=False)
    request_cap = models.PositiveSmallIntegerField(
        _("meeting requests per participant"),
        default=10,
        help_text=_("How many meeting requests one participant may send."),
    )
    schedule_state = models.CharField(
        max_length=10, choices=ScheduleState.choices, default=ScheduleState.NONE, editable=False
    )
    schedule_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updates_schedule_automatically = models.BooleanField(
        _("update the published schedule automatically"),
        default=True,
        help_text=_(
            "After publication, cancellations and newly accepted meetings re-schedule the "
            "meetings, moving as few as possible, and only the participants whose agenda "
            "changed are told."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords(excluded_fields=["seats_taken"])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_capacity(self) -> bool:
        return self.capacity is None or self.seats_taken < self.capacity

    @property
    def is_open_for_registration(self) -> bool:
        return self.is_published and timezone.now() <= self.registration_deadline

    @property
    def is_over(self) -> bool:
        """Once it has ended, its B2B schedule is final (what was held is on record)."""
        return timezone.now() >= self.ends_at

    @property
    def has_begun(self) -> bool:
        """From its start on, registrations can no longer be cancelled."""
        return timezone.now() >= self.starts_at


class ProgrammeSession(models.Model):
    """One item of an event's programme (talk, panel, workshop, B2B session)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("programme session")
        verbose_name_plural = _("programme")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title


class RegistrationQuestion(models.Model):
    """A question the organiser asks every registrant."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        CHOICE = "choice", _("One choice")
        YES_NO = "yes_no", _("Yes or no")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.TEXT)
    choices = models.CharField(
        _("choices"), max_length=500, blank=True, help_text=_("For one choice: separated by |.")
    )
    is_required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [c.strip() for c in self.choices.split("|") if c.strip()]
