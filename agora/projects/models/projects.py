from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agora.core.storage import PrivateStorage
from agora.members.models import Organisation, PartnerCluster, StrategicDomain
from agora.projects.models.calls import Call


class Project(models.Model):
    """A collaborative R&D project of members, from draft to follow-up."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("project state", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("project state", "Submitted")
        INFORMATION_REQUESTED = (
            "information_requested",
            pgettext_lazy("project state", "More information requested"),
        )
        ELIGIBLE = "eligible", pgettext_lazy("project state", "Eligibility checked")
        INELIGIBLE = "ineligible", pgettext_lazy("project state", "Not eligible")
        UNDER_EVALUATION = "under_evaluation", pgettext_lazy("project state", "Under evaluation")
        JURY = "jury", pgettext_lazy("project state", "Jury decision pending")
        LABELLED = "labelled", pgettext_lazy("project state", "Labelled")
        NOT_LABELLED = "not_labelled", pgettext_lazy("project state", "Not labelled")
        FUNDED = "funded", pgettext_lazy("project state", "Funded")
        NOT_FUNDED = "not_funded", pgettext_lazy("project state", "Not funded")
        FOLLOW_UP = "follow_up", pgettext_lazy("project state", "Follow-up")
        CLOSED = "closed", pgettext_lazy("project state", "Closed")

    call = models.ForeignKey(
        Call,
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        help_text=_("Empty for a project outside any call."),
    )
    acronym = models.CharField(_("acronym"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    domains = models.ManyToManyField(
        StrategicDomain, verbose_name=_("strategic domains"), blank=True, related_name="+"
    )
    keywords = models.CharField(
        _("keywords"), max_length=500, blank=True, help_text=_("Separated by commas.")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    co_labelling_partner = models.ForeignKey(
        PartnerCluster,
        verbose_name=_("co-labelling partner cluster"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="co_labelled_projects",
    )
    state = models.CharField(
        _("state"), max_length=24, choices=State.choices, default=State.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_diagnosis = models.ForeignKey(
        "projects.Diagnosis",
        verbose_name=_("maturity diagnosis submitted"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The latest maturity diagnosis when the project was last submitted."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("R&D project")
        verbose_name_plural = _("R&D projects")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.acronym

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class Partner(models.Model):
    """A member of a project's consortium: a known organisation or an external partner."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_partners",
    )
    external_name = models.CharField(
        _("external partner"),
        max_length=200,
        blank=True,
        help_text=_("For partners the cluster does not know."),
    )
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    role = models.CharField(_("role in the project"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("consortium partner")
        verbose_name_plural = _("consortium")
        ordering = ["-is_coordinator", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project"], condition=models.Q(is_coordinator=True), name="one_coordinator"
            ),
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | ~models.Q(external_name=""),
                name="partner_is_named",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation) if self.organisation else self.external_name


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"projects/{instance.project_id}/{filename}"


class Attachment(models.Model):
    """A PDF attached to a project (size-limited, type-checked by the service)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path, storage=PrivateStorage())
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title


class InformationRequest(models.Model):
    """Staff send a submission back to the applicants with a question."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="information_requests"
    )
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return f"{self.project}: {self.question[:50]}"


class Milestone(models.Model):
    """A follow-up milestone of a labelled project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due"))
    reached_on = models.DateField(_("reached"), null=True, blank=True)
    report = models.TextField(_("report"), blank=True)
    is_final = models.BooleanField(_("final report"), default=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title
