from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from agora.members.models import StrategicDomain


class Call(models.Model):
    """A call for R&D projects, with its rules, evaluation criteria and jury."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    domains = models.ManyToManyField(
        StrategicDomain, verbose_name=_("strategic domains"), blank=True, related_name="+"
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    max_budget = models.DecimalField(
        _("maximum total budget"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    min_partners = models.PositiveSmallIntegerField(_("minimum partners"), default=2)
    max_duration_months = models.PositiveSmallIntegerField(
        _("maximum duration (months)"), default=36
    )
    experts_per_project = models.PositiveSmallIntegerField(
        _("experts per project"), default=3, validators=[MinValueValidator(1)]
    )
    is_blind = models.BooleanField(
        _("blind evaluation"),
        default=False,
        help_text=_("Experts do not see the applicants' names."),
    )
    jury = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("jury"), blank=True, related_name="+"
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.is_published and self.opens_at <= timezone.now() < self.closes_at


class Criterion(models.Model):
    """An evaluation criterion of a call, scored 0 to 10 by each expert."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what experts look at"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name
