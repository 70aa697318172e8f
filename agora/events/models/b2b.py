from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agora.events.models.event import Event
from agora.events.models.registration import B2BProfile, Registration
from agora.members.models import Organisation, StrategicDomain


class Slot(models.Model):
    """A time slot for B2B meetings; slots of one session are consecutive."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    session = models.CharField(_("session"), max_length=50, help_text=_("E.g. morning, afternoon."))

    class Meta:
        verbose_name = _("B2B slot")
        verbose_name_plural = _("B2B slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="one_slot_per_start")
        ]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%H:%M}"


class Table(models.Model):
    """A table or room where one meeting takes place per slot."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    name = models.CharField(_("name"), max_length=50)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="unique_table_name")]

    def __str__(self) -> str:
        return self.name


class RequestRule(models.Model):
    """Organisations of one kind may not request meetings with those of another kind."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="request_rules")
    requester_kind = models.CharField(
        _("requester kind"), max_length=20, choices=Organisation.Kind.choices
    )
    recipient_kind = models.CharField(
        _("recipient kind"), max_length=20, choices=Organisation.Kind.choices
    )

    class Meta:
        verbose_name = _("request restriction")
        verbose_name_plural = _("request restrictions")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "requester_kind", "recipient_kind"], name="unique_request_rule"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_requester_kind_display()} ↛ {self.get_recipient_kind_display()}"


class Opportunity(models.Model):
    """Something a participant offers or looks for, shown in the event's marketplace."""

    class Kind(models.TextChoices):
        LICENSING = "licensing", _("Licensing")
        RD_PARTNERSHIP = "rd_partnership", _("R&D partnership")
        INVESTMENT = "investment", _("Investment")
        SERVICE = "service", _("Service")
        SUPPLY = "supply", _("Supply")
        RECRUITMENT = "recruitment", _("Recruitment")

    class Direction(models.TextChoices):
        OFFER = "offer", _("We offer")
        SEEK = "seek", _("We look for")

    profile = models.ForeignKey(B2BProfile, on_delete=models.CASCADE, related_name="opportunities")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    direction = models.CharField(_("offer or search"), max_length=5, choices=Direction.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    domains = models.ManyToManyField(StrategicDomain, verbose_name=_("domains"), related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class MeetingRequest(models.Model):
    """One participant asks another for a B2B meeting; accepted requests get scheduled."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    requester = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="sent_requests"
    )
    recipient = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="received_requests"
    )
    opportunity = models.ForeignKey(
        Opportunity, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    message = models.TextField(_("message"), max_length=1000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    weight = models.PositiveSmallIntegerField(
        default=1, help_text=_("2 when both sides asked for the meeting.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "recipient"],
                condition=~models.Q(status__in=["declined", "cancelled"]),
                name="one_live_request_per_pair",
            ),
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("recipient")), name="no_request_to_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester.person} → {self.recipient.person}"


# The solver's statuses (matchmaker.b2b.Status values), worded for the organiser.
SOLVER_STATUSES = {
    "optimal": _("optimal: no schedule can hold more"),
    "feasible": _("feasible: a valid schedule, not proved the best"),
    "infeasible": _("infeasible: the constraints leave no valid schedule"),
    "unknown": _("unknown: no schedule found in the time given"),
}


class ScheduleRun(models.Model):
    """One run of the scheduler for an event: what it found, before and after publishing."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    keeps_published = models.BooleanField(
        default=False, help_text=_("Re-scheduling that moves as few published meetings as it can.")
    )
    is_automatic = models.BooleanField(
        default=False,
        help_text=_("Queued by a change after publication, and published when it is done."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    solution = models.JSONField(default=dict, blank=True, help_text=_("b2b-solution/1"))
    status = models.CharField(max_length=12, blank=True, help_text=_("The solver's status."))
    scheduled_count = models.PositiveIntegerField(default=0)
    unscheduled_count = models.PositiveIntegerField(default=0)
    upper_bound = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    is_published = models.BooleanField(default=False)
    causes = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("Why meetings are left out: codes and ids, worded in the reader's language."),
    )

    class Meta:
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Changes after publication coalesce into the one automatic run still waiting.
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(state="queued", is_automatic=True),
                name="one_waiting_automatic_run",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.created_at:%Y-%m-%d %H:%M}"

    def get_solver_status_display(self) -> str:
        """The solver's status in the reader's language (the code itself if it is a new one)."""
        return str(SOLVER_STATUSES.get(self.status, self.status))


class Meeting(models.Model):
    """An accepted request and, once a schedule is published, its slot and table."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    participants = models.ManyToManyField(Registration, related_name="meetings")
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    table = models.ForeignKey(
        Table, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unscheduled_reason = models.CharField(max_length=500, blank=True)
    is_cancelled = models.BooleanField(default=False)
    # When it was cancelled, so a report as of an earlier day still counts it as held (empty
    # for meetings cancelled before this field existed: cancelled from the start).
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("B2B meeting")
        verbose_name_plural = _("B2B meetings")
        ordering = ["slot__starts_at", "pk"]

    def __str__(self) -> str:
        return str(self.request)


class MeetingFeedback(models.Model):
    """After the event, each participant rates a meeting and records its outcome."""

    class Outcome(models.TextChoices):
        FOLLOW_UP = "follow_up", _("Follow-up planned")
        NDA = "nda", _("NDA signed")
        PROJECT = "project", _("Joint project")
        DEAL = "deal", _("Deal")
        NOTHING = "nothing", _("Nothing")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "registration"], name="one_feedback_each")
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.get_outcome_display()}"


class ScheduleChange(models.Model):
    """A change after publication that affects the schedule, until a publication reflects it."""

    class Kind(models.TextChoices):
        MEETING_CANCELLED = "meeting_cancelled", _("Meeting cancelled")
        MEETING_ACCEPTED = "meeting_accepted", _("Meeting accepted")
        REGISTRATION_CANCELLED = "registration_cancelled", _("Registration cancelled")
        AVAILABILITY_CHANGED = "availability_changed", _("Availability changed")
        SETUP_CHANGED = "setup_changed", _("Slots, tables or home tables changed")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_changes")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When a published schedule took it into account.")
    )

    class Meta:
        verbose_name = _("change since publication")
        verbose_name_plural = _("changes since publication")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "published_at"])]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_kind_display()}"
