"""The back office of R&D projects: staff create calls here; the rest is read-mostly.

States, evaluations, decisions and diagnoses change through the workflow and the project pages
(each with its permission, audit entry and e-mail), so here they are shown, not edited.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agora.core.admin import AuditedAdminMixin
from agora.projects.models import (
    ActionPoint,
    Assignment,
    Attachment,
    Call,
    Criterion,
    CriterionAnswer,
    Decision,
    DeclaredConflict,
    Diagnosis,
    Evaluation,
    Expert,
    InformationRequest,
    Milestone,
    Partner,
    Project,
    Score,
    Target,
)


class ReadOnlyAdminMixin:
    """Rows written by the site's services: staff read them here and change them there."""

    model: type[models.Model]  # set by ModelAdmin and InlineModelAdmin

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Non-editable fields (sizes, dates) are shown only when named read-only.
        named = getattr(self, "fields", None)
        if named:
            return [name for name in named if isinstance(name, str)]
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    extra = 0
    show_change_link = False


class CriterionFormSet(forms.BaseInlineFormSet):
    """A call is evaluated on its criteria, so it has at least one."""

    def clean(self) -> None:
        super().clean()
        kept = [
            form
            for form in self.forms
            if (form.has_changed() or form.instance.pk)
            and not getattr(form, "cleaned_data", {}).get("DELETE", False)
        ]
        if not kept:
            raise forms.ValidationError(_("A call needs at least one evaluation criterion."))


class CriterionInline(admin.TabularInline):
    model = Criterion
    formset = CriterionFormSet
    extra = 0
    min_num = 1
    fields = ["position", "name", "weight", "description"]
    # A short text area keeps the inline a readable table.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


class CallForm(forms.ModelForm):
    """The call's form: its dates and budget rules checked together."""

    class Meta:
        model = Call
        fields = [
            "title",
            "slug",
            "description",
            "domains",
            "is_published",
            "opens_at",
            "closes_at",
            "max_budget",
            "min_partners",
            "max_duration_months",
            "experts_per_project",
            "is_blind",
            "jury",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens_at, closes_at = data.get("opens_at"), data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("A call closes after it opens."))
        if data.get("max_budget") is not None and data["max_budget"] <= 0:
            self.add_error("max_budget", _("The maximum budget is a positive amount."))
        return data


@admin.register(Call)
class CallAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    """Creating and editing a call: what, when, budget rules, evaluation and its criteria."""

    form = CallForm
    list_display = [
        "title",
        "opens_at",
        "closes_at",
        "is_published",
        "experts_per_project",
        "is_blind",
        "project_count",
        "page",
    ]
    list_filter = ["is_published", "is_blind", "opens_at"]
    search_fields = ["title", "slug", "description"]
    date_hierarchy = "opens_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["domains"]
    autocomplete_fields = ["jury"]
    readonly_fields = ["created_at"]
    inlines = [CriterionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "domains", "is_published"]}),
        (_("Dates"), {"fields": [("opens_at", "closes_at")]}),
        (
            _("Budget and consortium rules"),
            {"fields": ["max_budget", "min_partners", "max_duration_months"]},
        ),
        (_("Evaluation"), {"fields": ["experts_per_project", "is_blind", "jury"]}),
        (_("Record"), {"fields": ["created_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Call]:
        return super().get_queryset(request).annotate(project_total=Count("projects"))

    @admin.display(description=_("projects"), ordering="project_total")
    def project_count(self, call: Call) -> int:
        return call.project_total  # type: ignore[attr-defined]  # annotated in get_queryset

    @admin.display(description=_("page"))
    def page(self, call: Call) -> str:
        url = reverse("projects:call-detail", kwargs={"slug": call.slug})
        return format_html('<a href="{}">{}</a>', url, _("Open"))


@admin.register(Criterion)
class CriterionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "call", "weight", "position"]
    list_select_related = ["call"]
    list_filter = ["call"]
    search_fields = ["name", "call__title"]


class PartnerFormSet(forms.BaseInlineFormSet):
    """A consortium has exactly one coordinator."""

    def clean(self) -> None:
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE", False)
        ]
        coordinators = sum(1 for data in kept if data.get("is_coordinator"))
        if kept and coordinators != 1:
            raise forms.ValidationError(
                _("The consortium needs exactly one coordinator; %(count)d are ticked.")
                % {"count": coordinators}
            )


class PartnerInline(admin.TabularInline):
    model = Partner
    formset = PartnerFormSet
    extra = 0
    fields = ["organisation", "external_name", "is_coordinator", "budget", "role"]
    autocomplete_fields = ["organisation"]


class AttachmentLinkMixin:
    """Attachments are private files with no public address: they open through the site."""

    @admin.display(description=_("file"))
    def download(self, attachment: Attachment) -> str:
        url = reverse(
            "projects:attachment-download",
            kwargs={"pk": attachment.project_id, "attachment": attachment.pk},
        )
        name = (attachment.file.name or "").rsplit("/", 1)[-1]
        return format_html('<a href="{}">{}</a>', url, name)


class AttachmentInline(AttachmentLinkMixin, ReadOnlyInline):
    model = Attachment
    fields = ["title", "download", "size", "uploaded_by", "uploaded_at"]


class InformationRequestInline(ReadOnlyInline):
    model = InformationRequest
    fields = ["question", "asked_by", "asked_at", "answer", "answered_at"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ["title", "due_on", "reached_on", "is_final", "report"]


@admin.register(Project)
class ProjectAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    """Projects are created and moved by their applicants and the workflow; staff correct them."""

    list_display = [
        "acronym",
        "title",
        "call",
        "state",
        "co_labelling_partner",
        "submitted_at",
        "decided_at",
        "page",
    ]
    list_select_related = ["call", "co_labelling_partner"]
    list_filter = ["state", "call", "domains", "co_labelling_partner"]
    search_fields = ["acronym", "title", "keywords", "partners__organisation__legal_name"]
    date_hierarchy = "created_at"
    filter_horizontal = ["domains"]
    autocomplete_fields = ["co_labelling_partner"]
    readonly_fields = ["call", "state", "created_by", "created_at", "submitted_at", "decided_at"]
    inlines = [PartnerInline, AttachmentInline, InformationRequestInline, MilestoneInline]
    fieldsets = [
        (None, {"fields": ["call", "state", "acronym", "title", "summary"]}),
        (
            _("Scope"),
            {"fields": ["domains", "keywords", "duration_months", "co_labelling_partner"]},
        ),
        (
            _("Record"),
            {"fields": ["created_by", "created_at", "submitted_at", "decided_at"]},
        ),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("page"))
    def page(self, project: Project) -> str:
        url = reverse("projects:project-detail", kwargs={"pk": project.pk})
        return format_html('<a href="{}">{}</a>', url, _("Open"))


@admin.register(Partner)
class PartnerAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "project", "is_coordinator", "budget", "role"]
    list_select_related = ["project", "organisation"]
    list_filter = ["is_coordinator", "project__call"]
    search_fields = ["organisation__legal_name", "external_name", "project__acronym"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["project"]


@admin.register(Attachment)
class AttachmentAdmin(AttachmentLinkMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    """Attachments are uploaded through the project page, which checks their type and size."""

    list_display = ["title", "project", "download", "size", "uploaded_by", "uploaded_at"]
    list_select_related = ["project", "uploaded_by"]
    fields = ["project", "title", "download", "size", "uploaded_by", "uploaded_at"]
    search_fields = ["title", "project__acronym"]
    date_hierarchy = "uploaded_at"


@admin.register(InformationRequest)
class InformationRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["project", "question", "asked_at", "answered_at"]
    list_select_related = ["project"]
    search_fields = ["question", "answer", "project__acronym"]
    date_hierarchy = "asked_at"


@admin.register(Milestone)
class MilestoneAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "project", "due_on", "reached_on", "is_final"]
    list_select_related = ["project"]
    list_filter = ["is_final", "due_on"]
    search_fields = ["title", "report", "project__acronym"]
    raw_id_fields = ["project"]


class DeclaredConflictInline(admin.TabularInline):
    model = DeclaredConflict
    extra = 0
    fields = ["organisation", "project", "reason"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["project"]


@admin.register(Expert)
class ExpertAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    """The expert pool: who, on what, how many evaluations a year, declared conflicts."""

    list_display = ["__str__", "keywords", "max_evaluations", "is_active"]
    list_select_related = ["person"]
    list_filter = ["is_active", "domains"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "keywords"]
    autocomplete_fields = ["person"]
    filter_horizontal = ["domains"]
    inlines = [DeclaredConflictInline]


@admin.register(DeclaredConflict)
class DeclaredConflictAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["expert", "organisation", "project", "reason"]
    list_select_related = ["expert__person", "organisation", "project"]
    search_fields = ["expert__person__last_name", "organisation__legal_name", "project__acronym"]
    autocomplete_fields = ["expert", "organisation"]
    raw_id_fields = ["project"]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Assignments are computed, swapped and locked on the call's assignment page."""

    list_display = ["expert", "project", "score", "state", "is_locked", "declaration_signed_at"]
    list_select_related = ["expert__person", "project"]
    list_filter = ["state", "is_locked", "project__call"]
    search_fields = ["expert__person__last_name", "project__acronym"]


class ScoreInline(ReadOnlyInline):
    model = Score
    fields = ["criterion", "value", "comment"]


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Evaluations are the experts' own words: read here, never edited."""

    list_display = ["assignment", "submitted_at"]
    list_select_related = ["assignment__expert__person", "assignment__project"]
    list_filter = ["assignment__project__call"]
    search_fields = ["assignment__expert__person__last_name", "assignment__project__acronym"]
    inlines = [ScoreInline]


@admin.register(Score)
class ScoreAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["evaluation", "criterion", "value"]
    list_select_related = [
        "evaluation__assignment__expert__person",
        "evaluation__assignment__project",
        "criterion",
    ]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Jury decisions are recorded on the project's decision page, which moves its state."""

    list_display = ["project", "outcome", "decided_by", "decided_at"]
    list_select_related = ["project", "decided_by"]
    list_filter = ["outcome", "project__call"]
    search_fields = ["project__acronym", "letter"]
    date_hierarchy = "decided_at"


class CriterionAnswerInline(ReadOnlyInline):
    model = CriterionAnswer
    fields = ["criterion", "is_met", "evidence"]


class TargetInline(ReadOnlyInline):
    model = Target
    fields = ["dimension", "level", "due_on"]


class ActionPointInline(ReadOnlyInline):
    model = ActionPoint
    fields = ["dimension", "text", "due_on", "done_on"]


@admin.register(Diagnosis)
class DiagnosisAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Maturity diagnoses are filled in by the project leaders on the maturity pages."""

    list_display = ["project", "diagnosed_on", "created_by", "created_at"]
    list_select_related = ["project", "created_by"]
    search_fields = ["project__acronym", "notes"]
    date_hierarchy = "diagnosed_on"
    inlines = [CriterionAnswerInline, TargetInline, ActionPointInline]


@admin.register(CriterionAnswer)
class CriterionAnswerAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["criterion", "diagnosis", "is_met"]
    list_select_related = ["diagnosis__project"]
    list_filter = ["is_met"]
    search_fields = ["criterion", "diagnosis__project__acronym"]


@admin.register(Target)
class TargetAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["dimension", "level", "due_on", "diagnosis"]
    list_select_related = ["diagnosis__project"]
    list_filter = ["dimension"]


@admin.register(ActionPoint)
class ActionPointAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["text", "dimension", "due_on", "done_on", "diagnosis"]
    list_select_related = ["diagnosis__project"]
    list_filter = ["dimension"]
    search_fields = ["text", "diagnosis__project__acronym"]
