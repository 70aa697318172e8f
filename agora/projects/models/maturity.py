from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agora.projects.models.projects import Project


class Diagnosis(models.Model):
    """One dated maturity diagnosis of a project; later revisions may go down."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="diagnoses")
    diagnosed_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("maturity diagnosis")
        verbose_name_plural = _("maturity diagnoses")
        ordering = ["-diagnosed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.diagnosed_on}"


class CriterionAnswer(models.Model):
    """Whether one criterion of the maturity scale is met, with the leader's evidence."""

    diagnosis = models.ForeignKey(Diagnosis, on_delete=models.CASCADE, related_name="answers")
    criterion = models.CharField(
        max_length=20, help_text=_("Code of the criterion in the maturity scale, e.g. TECH-4-2.")
    )
    is_met = models.BooleanField(_("met"), default=False)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("criterion answer")
        verbose_name_plural = _("criterion answers")
        constraints = [
            models.UniqueConstraint(fields=["diagnosis", "criterion"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return self.criterion


class Target(models.Model):
    """The level a project aims at in one dimension, and by when."""

    diagnosis = models.ForeignKey(Diagnosis, on_delete=models.CASCADE, related_name="targets")
    dimension = models.CharField(max_length=20)
    level = models.PositiveSmallIntegerField(
        _("target level"), validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    due_on = models.DateField(_("due"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["diagnosis", "dimension"], name="one_target_each")
        ]

    def __str__(self) -> str:
        return f"{self.dimension} → {self.level}"


class ActionPoint(models.Model):
    """Something to do to reach the next level."""

    diagnosis = models.ForeignKey(Diagnosis, on_delete=models.CASCADE, related_name="actions")
    dimension = models.CharField(max_length=20)
    text = models.CharField(_("action"), max_length=500)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text
