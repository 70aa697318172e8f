from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agora.members.models import Organisation

FIRST_YEAR = 1990
LAST_YEAR = 2100


class YearlyFacts(models.Model):
    """What a member's representative reports about one year of the organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="yearly_facts"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    employees = models.PositiveIntegerField(
        _("employees"), null=True, blank=True, help_text=_("Full-time equivalents on 31 December.")
    )
    turnover = models.PositiveBigIntegerField(
        _("turnover (euros)"), null=True, blank=True, help_text=_("Whole euros.")
    )
    investment_raised = models.PositiveBigIntegerField(
        _("investment raised (euros)"),
        null=True,
        blank=True,
        help_text=_("Equity and loans raised during the year, in whole euros."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered"), default=timezone.now)

    class Meta:
        verbose_name = _("yearly facts")
        verbose_name_plural = _("yearly facts")
        ordering = ["organisation__legal_name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="one_facts_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"


def split_lines(text: str) -> list[str]:
    """The non-blank lines of a text, stripped: one highlight each."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def report_path(instance: "AnnualReport", filename: str) -> str:
    return f"reports/{filename}"


class AnnualReport(models.Model):
    """The cluster's report of one year: staff's texts, then figures frozen at publishing."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    introduction_en = models.TextField(_("chair's introduction (English)"), blank=True)
    introduction_fr = models.TextField(_("chair's introduction (French)"), blank=True)
    highlights_en = models.TextField(
        _("highlights (English)"), blank=True, help_text=_("One highlight per line.")
    )
    highlights_fr = models.TextField(
        _("highlights (French)"), blank=True, help_text=_("One highlight per line.")
    )
    figures = models.JSONField(
        _("figures"), default=dict, blank=True, editable=False, help_text=_("Frozen at publishing.")
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pdf = models.FileField(_("PDF (English)"), upload_to=report_path, blank=True, editable=False)
    pdf_fr = models.FileField(_("PDF (French)"), upload_to=report_path, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}"

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    def highlights_in(self, language: str) -> list[str]:
        return split_lines(self.highlights_fr if language == "fr" else self.highlights_en)

    def pdf_in(self, language: str) -> FieldFile:
        return (self.pdf_fr if language == "fr" else None) or self.pdf

    def introduction_in(self, language: str) -> str:
        return (self.introduction_fr if language == "fr" else "") or self.introduction_en
