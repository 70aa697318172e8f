"""The back office of events: staff create and edit events here; B2B rows are inspected here."""

from typing import Any

from django.contrib import admin
from django.db.models import Count, Model, Q, QuerySet
from django.forms import Form
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agora.core.admin import AuditedAdminMixin
from agora.events.models import (
    B2BProfile,
    Event,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Opportunity,
    ProgrammeSession,
    Registration,
    RegistrationQuestion,
    RequestRule,
    ScheduleRun,
    Slot,
    Table,
)


class ProgrammeSessionInline(admin.TabularInline):
    model = ProgrammeSession
    extra = 0
    fields = ["starts_at", "ends_at", "title", "room", "speakers"]


class RegistrationQuestionInline(admin.TabularInline):
    model = RegistrationQuestion
    extra = 0
    fields = ["position", "label", "kind", "choices", "is_required"]


class SlotInline(admin.TabularInline):
    model = Slot
    extra = 0
    fields = ["session", "starts_at", "ends_at"]


class TableInline(admin.TabularInline):
    model = Table
    extra = 0
    fields = ["name"]


class RequestRuleInline(admin.TabularInline):
    model = RequestRule
    extra = 0
    fields = ["requester_kind", "recipient_kind"]


@admin.register(Event)
class EventAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    """Creating and editing an event: what, when, where, who organises, prices, B2B set-up."""

    list_display = [
        "title",
        "kind",
        "starts_at",
        "city",
        "is_published",
        "has_b2b",
        "confirmed",
        "capacity",
        "schedule_state",
        "dashboard",
    ]
    list_filter = ["kind", "is_published", "has_b2b", "schedule_state", "starts_at"]
    search_fields = ["title", "slug", "theme", "venue", "city"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["co_organiser", "partner_cluster"]
    filter_horizontal = ["organisers"]
    readonly_fields = ["seats_taken", "schedule_state", "schedule_published_at", "created_at"]
    inlines = [
        ProgrammeSessionInline,
        RegistrationQuestionInline,
        SlotInline,
        TableInline,
        RequestRuleInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "theme", "description", "is_published"]}),
        (_("When and where"), {"fields": [("starts_at", "ends_at"), "venue", "address", "city"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    "seats_taken",
                    ("price_member", "price_non_member"),
                    "registration_deadline",
                ]
            },
        ),
        (_("Organisers"), {"fields": ["organisers", "co_organiser", "partner_cluster"]}),
        (
            _("B2B meetings"),
            {"fields": ["has_b2b", "request_cap", "schedule_state", "schedule_published_at"]},
        ),
        (_("Record"), {"fields": ["country", "created_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        confirmed = Count("registrations", filter=Q(registrations__status="confirmed"))
        return super().get_queryset(request).annotate(confirmed_count=confirmed)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "organisers":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed(self, event: Event) -> int:
        return event.confirmed_count  # type: ignore[attr-defined]  # annotated in get_queryset

    @admin.display(description=_("dashboard"))
    def dashboard(self, event: Event) -> str:
        url = reverse("events:event-dashboard", kwargs={"slug": event.slug})
        return format_html('<a href="{}">{}</a>', url, _("Open"))


@admin.register(ProgrammeSession)
class ProgrammeSessionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "event", "starts_at", "ends_at", "room", "speakers"]
    list_select_related = ["event"]
    list_filter = ["event"]
    search_fields = ["title", "speakers", "event__title"]


@admin.register(RegistrationQuestion)
class RegistrationQuestionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["label", "event", "kind", "is_required", "position"]
    list_select_related = ["event"]
    list_filter = ["kind", "is_required", "event"]
    search_fields = ["label", "event__title"]


class B2BProfileInline(admin.StackedInline):
    model = B2BProfile
    extra = 0
    fields = ["pitch", "max_meetings", "home_table"]
    raw_id_fields = ["home_table"]


@admin.register(Registration)
class RegistrationAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    """Registrations are made by participants; staff correct them here when needed."""

    list_display = [
        "person",
        "event",
        "organisation_label",
        "status",
        "is_member",
        "price",
        "created_at",
        "checked_in_at",
    ]
    list_select_related = ["person", "event", "organisation"]
    list_filter = ["status", "is_member", "is_listed", "event"]
    search_fields = [
        "person__first_name",
        "person__last_name",
        "person__email",
        "organisation__legal_name",
        "organisation_name",
        "event__title",
    ]
    date_hierarchy = "created_at"
    autocomplete_fields = ["person", "organisation"]
    raw_id_fields = ["registered_by"]
    readonly_fields = ["calendar_token", "created_at", "cancelled_at", "waitlisted_at"]
    inlines = [B2BProfileInline]

    @admin.display(description=_("organisation"))
    def organisation_label(self, registration: Registration) -> str:
        return registration.organisation_label


@admin.register(B2BProfile)
class B2BProfileAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["registration", "max_meetings", "home_table"]
    list_select_related = ["registration__person", "registration__event", "home_table"]
    list_filter = ["registration__event"]
    search_fields = ["registration__person__first_name", "registration__person__last_name"]
    raw_id_fields = ["registration", "home_table"]
    filter_horizontal = ["unavailable_slots"]


@admin.register(Slot)
class SlotAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "event", "session", "starts_at", "ends_at"]
    list_select_related = ["event"]
    list_filter = ["session", "event"]
    search_fields = ["event__title", "session"]


@admin.register(Table)
class TableAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "event"]
    list_select_related = ["event"]
    list_filter = ["event"]
    search_fields = ["name", "event__title"]


@admin.register(RequestRule)
class RequestRuleAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "event", "requester_kind", "recipient_kind"]
    list_select_related = ["event"]
    list_filter = ["event"]


@admin.register(Opportunity)
class OpportunityAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "direction", "profile", "created_at"]
    list_select_related = ["profile__registration__person", "profile__registration__event"]
    list_filter = ["kind", "direction", "domains", "profile__registration__event"]
    search_fields = ["title", "description"]
    raw_id_fields = ["profile"]
    filter_horizontal = ["domains"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "event", "status", "weight", "created_at", "decided_at"]
    list_select_related = ["event", "requester__person", "recipient__person"]
    list_filter = ["status", "event"]
    search_fields = [
        "requester__person__last_name",
        "recipient__person__last_name",
        "message",
    ]
    date_hierarchy = "created_at"
    raw_id_fields = ["requester", "recipient", "opportunity"]


@admin.register(Meeting)
class MeetingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "event", "slot", "table", "is_cancelled", "unscheduled_reason"]
    list_select_related = [
        "event",
        "slot",
        "table",
        "request__requester__person",
        "request__recipient__person",
    ]
    list_filter = ["is_cancelled", "event"]
    search_fields = [
        "request__requester__person__last_name",
        "request__recipient__person__last_name",
    ]
    raw_id_fields = ["request", "slot", "table"]
    filter_horizontal = ["participants"]

    def save_model(self, request: HttpRequest, obj: Model, form: Form, change: bool) -> None:
        # A cancellation ticked here is dated like one made on the site (the annual report reads
        # the date), unless a date is given with it; unticked, it is undone.
        dated = "cancelled_at" in form.changed_data
        if isinstance(obj, Meeting) and "is_cancelled" in form.changed_data and not dated:
            obj.cancelled_at = timezone.now() if obj.is_cancelled else None
        super().save_model(request, obj, form, change)


@admin.register(MeetingFeedback)
class MeetingFeedbackAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["meeting", "registration", "rating", "outcome", "created_at"]
    list_select_related = [
        "meeting__request__requester__person",
        "meeting__request__recipient__person",
        "registration__person",
        "registration__event",
    ]
    list_filter = ["outcome", "rating", "meeting__event"]
    search_fields = ["comment"]
    raw_id_fields = ["meeting", "registration"]


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):
    """Runs of the scheduler, read-only: they are the record of what was computed and published."""

    list_display = [
        "event",
        "created_at",
        "state",
        "status",
        "scheduled_count",
        "unscheduled_count",
        "upper_bound",
        "is_published",
    ]
    list_select_related = ["event"]
    list_filter = ["state", "is_published", "event"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in ScheduleRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
