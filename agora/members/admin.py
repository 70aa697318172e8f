"""The back office of the members domain; decisions go through the services, like elsewhere."""

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import models
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from agora.core.admin import AuditedAdminMixin
from agora.core.errors import DomainError
from agora.members import services
from agora.members.models import (
    Affiliation,
    CoMembershipAgreement,
    ContactMessage,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Person,
    StrategicDomain,
)
from agora.members.resources import MembershipResource, OrganisationResource, PersonResource
from agora.members.selectors import good_standing_memberships

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Say which scheme a bare address gets, rather than leave it to Django's changing default.
URL_FIELDS: Mapping[type[models.Field], Mapping[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class WholeFileImportMixin(ImportExportMixin):
    """CSV/XLSX import and export where a file with any bad row is refused whole.

    The preview step already hides the confirm button when a row is invalid; the confirm step
    re-checks, because the data may have changed in between or the request may be forged.
    """

    formats = [CSV, XLSX]

    def process_dataset(self, dataset: Any, form: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # The library's confirm step saves the valid rows and skips invalid ones; roll back.
        kwargs.update(raise_errors=False, rollback_on_validation_errors=True)
        return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        if result.has_errors() or result.has_validation_errors():
            for line in describe_import_errors(result):
                messages.error(request, line)
            messages.error(request, _("Nothing was imported: please fix the file and retry."))
            info = self.get_model_info()
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*info)))
        return super().process_result(result, request)


def describe_import_errors(result: Any) -> list[str]:
    """One line per bad row: its number and the reasons."""
    lines = []
    for number, errors in result.row_errors():
        reasons = "; ".join(str(error.error) for error in errors)
        lines.append(_("Row %(number)s: %(reasons)s") % {"number": number, "reasons": reasons})
    for invalid in result.invalid_rows:
        reasons = "; ".join(
            f"{field}: {' '.join(problems)}"
            for field, problems in invalid.field_specific_errors.items()
        )
        reasons = "; ".join(filter(None, [reasons, *invalid.non_field_specific_errors]))
        lines.append(
            _("Row %(number)s: %(reasons)s") % {"number": invalid.number, "reasons": reasons}
        )
    return lines


def run_service(
    request: HttpRequest, queryset: QuerySet, call: Callable[[Any], Any], done: "StrOrPromise"
) -> None:
    """Call a service on each selected object; report what worked and each refusal."""
    succeeded = 0
    for obj in queryset:
        try:
            call(obj)
        except DomainError as error:
            messages.error(request, f"{obj}: {error.message}")
        else:
            succeeded += 1
    if succeeded:
        messages.success(request, done % {"count": succeeded})


@admin.register(StrategicDomain)
class StrategicDomainAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "name_fr", "position"]
    list_editable = ["position"]
    search_fields = ["code", "name", "name_fr"]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    fields = ["person", "organisation", "role", "start_date", "end_date"]
    autocomplete_fields = ["person", "organisation"]


class MembershipInline(admin.TabularInline):
    """Periods are shown here; they change through the membership actions only."""

    model = Membership
    extra = 0
    fk_name = "organisation"
    fields = ("type", "start_date", "end_date", "fee", "confirmed_on", "cancelled_on")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdminMixin, WholeFileImportMixin, SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS
    resource_classes = [OrganisationResource]
    list_display = [
        "legal_name",
        "short_name",
        "kind",
        "region",
        "enterprise_number",
        "is_listed",
        "shows_contact",
        "is_member",
    ]
    list_filter = ["kind", "region", "is_listed", "shows_contact", "domains"]
    search_fields = ["legal_name", "short_name", "slug", "enterprise_number", "city", "expertise"]
    date_hierarchy = "created_at"
    prepopulated_fields = {"slug": ["legal_name"]}
    filter_horizontal = ["domains"]
    readonly_fields = ["created_at"]
    inlines = [AffiliationInline, MembershipInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organisation]:
        standing = good_standing_memberships().filter(organisation=OuterRef("pk"))
        return super().get_queryset(request).annotate(has_standing=Exists(standing))

    @admin.display(boolean=True, description=_("member in good standing"), ordering="has_standing")
    def is_member(self, organisation: Organisation) -> bool:
        # An annotation of get_queryset, unknown to the model type.
        return organisation.has_standing  # type: ignore[attr-defined]


@admin.register(Person)
class PersonAdmin(AuditedAdminMixin, WholeFileImportMixin, SimpleHistoryAdmin):
    resource_classes = [PersonResource]
    list_display = ["last_name", "first_name", "email", "job_title", "user"]
    list_select_related = ["user"]
    search_fields = ["first_name", "last_name", "email", "affiliations__organisation__legal_name"]
    list_filter = ["affiliations__role"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at"]
    inlines = [AffiliationInline]


@admin.register(Affiliation)
class AffiliationAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    list_display = ["person", "organisation", "role", "start_date", "end_date"]
    list_filter = ["role"]
    list_select_related = ["person", "organisation"]
    search_fields = ["person__first_name", "person__last_name", "organisation__legal_name"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["person", "organisation"]


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class MembershipAddForm(forms.ModelForm):
    end_date = forms.DateField(
        label=_("end"), required=False, help_text=_("A year after the start when empty.")
    )

    class Meta:
        model = Membership
        fields = ["organisation", "type", "start_date", "end_date", "fee", "agreement"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("end_date") and data.get("start_date"):
            try:
                data["end_date"] = services.period_end(data["start_date"])
            except DomainError as error:
                self.add_error(error.field, error.message)
        return data


@admin.register(Membership)
class MembershipAdmin(WholeFileImportMixin, SimpleHistoryAdmin):
    """Periods are opened here or by import; confirm, renew and cancel are actions."""

    resource_classes = [MembershipResource]
    list_display = [
        "organisation",
        "type",
        "start_date",
        "end_date",
        "fee",
        "confirmed_on",
        "status_today",
    ]
    list_filter = ["type", "start_date", "confirmed_on", "cancelled_on"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__legal_name", "organisation__short_name", "organisation__slug"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["organisation"]
    actions = ["confirm", "renew", "cancel"]
    readonly_fields = [
        "organisation",
        "type",
        "start_date",
        "end_date",
        "fee",
        "agreement",
        "confirmed_on",
        "cancelled_on",
        "cancellation_reason",
        "renewal_of",
        "status_today",
    ]

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = MembershipAddForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return self.readonly_fields if obj is not None else []

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        renewals = Membership.objects.filter(renewal_of=OuterRef("pk"))
        return super().get_queryset(request).annotate(has_renewal=Exists(renewals))

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        if change:
            return  # the change form is read-only: periods change through the actions
        created = services.create_membership(
            actor=request.user,
            organisation=obj.organisation,
            type=obj.type,
            start_date=obj.start_date,
            end_date=obj.end_date,
            fee=obj.fee,
            agreement=obj.agreement,
        )
        obj.pk = created.pk

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        try:
            return super().add_view(request, form_url, extra_context)
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(request.get_full_path())

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("status today"))
    def status_today(self, membership: Membership) -> str:
        return membership.status.value

    @admin.action(description=_("Confirm the selected memberships"), permissions=["change"])
    def confirm(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        run_service(
            request,
            queryset,
            lambda m: services.confirm_membership(actor=request.user, membership=m),
            _("%(count)s memberships confirmed."),
        )

    @admin.action(description=_("Renew the selected memberships"), permissions=["change"])
    def renew(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        run_service(
            request,
            queryset,
            lambda m: services.renew_membership(actor=request.user, membership=m),
            _("%(count)s memberships renewed."),
        )

    @admin.action(description=_("Cancel the selected memberships…"), permissions=["change"])
    def cancel(self, request: HttpRequest, queryset: QuerySet[Membership]) -> Any:
        form = CancelForm(request.POST if "reason" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Cancel memberships"),
                "memberships": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/members/membership/cancel.html", context)
        reason = form.cleaned_data["reason"]
        run_service(
            request,
            queryset,
            lambda m: services.cancel_membership(actor=request.user, membership=m, reason=reason),
            _("%(count)s memberships cancelled."),
        )
        return None


class AgreementInline(admin.TabularInline):
    model = CoMembershipAgreement
    extra = 0
    fields = ["signed_on", "valid_until", "fee", "benefits"]


@admin.register(PartnerCluster)
class PartnerClusterAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ["name", "short_name", "country", "region"]
    list_filter = ["region", "country"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgreementInline]


@admin.register(CoMembershipAgreement)
class CoMembershipAgreementAdmin(AuditedAdminMixin, SimpleHistoryAdmin):
    list_display = ["partner", "signed_on", "valid_until", "fee"]
    list_select_related = ["partner"]
    list_filter = ["partner"]
    date_hierarchy = "signed_on"


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    """Applications are decided here (approve) or on the staff page (reject needs a note)."""

    formfield_overrides = URL_FIELDS

    list_display = [
        "legal_name",
        "kind",
        "region",
        "membership_type",
        "state",
        "submitted_at",
        "decide",
    ]
    list_filter = ["state", "kind", "region", "membership_type"]
    search_fields = ["legal_name", "enterprise_number", "email", "last_name"]
    date_hierarchy = "submitted_at"
    actions = ["approve"]
    readonly_fields = ["state", "submitted_at", "decided_at", "decided_by", "organisation"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("decision"))
    def decide(self, application: MembershipApplication) -> str:
        url = reverse("members:application-detail", kwargs={"pk": application.pk})
        return format_html('<a href="{}">{}</a>', url, _("Open the staff page"))

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[MembershipApplication]) -> None:
        run_service(
            request,
            queryset,
            lambda a: services.approve_application(actor=request.user, application=a),
            _("%(count)s applications approved."),
        )


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "invited_by", "created_at", "accepted_at"]
    list_select_related = ["organisation", "invited_by"]
    search_fields = ["email", "organisation__legal_name"]
    date_hierarchy = "created_at"
    readonly_fields = ["token", "invited_by", "created_at", "accepted_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "email", "organisation", "received_at", "is_handled"]
    list_filter = ["is_handled"]
    search_fields = ["subject", "name", "email", "organisation", "message"]
    date_hierarchy = "received_at"
    readonly_fields = ["name", "email", "organisation", "subject", "message", "received_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
