from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agora.members.models import Organisation, Person, StrategicDomain
from agora.projects.models.calls import Criterion
from agora.projects.models.projects import Project


class Expert(models.Model):
    """A person in the expert pool (a member's employee or an external expert)."""

    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="expert")
    keywords = models.CharField(
        _("expertise keywords"), max_length=500, blank=True, help_text=_("Separated by commas.")
    )
    expertise = models.TextField(_("expertise"), blank=True)
    domains = models.ManyToManyField(
        StrategicDomain, verbose_name=_("strategic domains"), blank=True, related_name="+"
    )
    max_evaluations = models.PositiveSmallIntegerField(
        _("evaluations per year"), default=5, help_text=_("The most projects a year.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["person__last_name", "person__first_name"]

    def __str__(self) -> str:
        return str(self.person)


class DeclaredConflict(models.Model):
    """An expert's declared conflict of interest with an organisation or a project."""

    expert = models.ForeignKey(Expert, on_delete=models.CASCADE, related_name="conflicts")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(project__isnull=False),
                name="conflict_names_something",
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert}: {self.organisation or self.project}"


class Assignment(models.Model):
    """An expert asked to evaluate a project; they see it only after the declaration."""

    class State(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("assignment state", "Proposed")
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Declaration signed")
        DECLINED = "declined", pgettext_lazy("assignment state", "Declined")
        SUBMITTED = "submitted", _("Evaluation submitted")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="assignments")
    score = models.FloatField(_("match score"), default=0)
    is_locked = models.BooleanField(
        _("locked"), default=False, help_text=_("Kept when the assignment is run again.")
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PROPOSED)
    declaration_signed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expert assignment")
        verbose_name_plural = _("expert assignments")
        ordering = ["project", "-score"]
        constraints = [
            models.UniqueConstraint(fields=["project", "expert"], name="one_assignment_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.expert} → {self.project}"


class Evaluation(models.Model):
    """An expert's evaluation of a project: a score per criterion and comments."""

    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="evaluation"
    )
    comments = models.TextField(_("overall comments"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return str(self.assignment)


class Score(models.Model):
    """One criterion's score (0 to 10) in an evaluation."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "criterion"], name="one_score_each")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Decision(models.Model):
    """The jury's decision on a project, with the reasoned letter sent to the applicants."""

    class Outcome(models.TextChoices):
        LABELLED = "labelled", pgettext_lazy("project state", "Labelled")
        NOT_LABELLED = "not_labelled", pgettext_lazy("project state", "Not labelled")

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices)
    letter = models.TextField(_("reasoned letter"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("jury decision")
        verbose_name_plural = _("jury decisions")

    def __str__(self) -> str:
        return f"{self.project}: {self.get_outcome_display()}"
