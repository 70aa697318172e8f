"""CSV/XLSX import and export of organisations, people and memberships (django-import-export).

Rows are checked with the same rules as the API; saving goes through the services, so every
imported row leaves an audit entry. A DomainError of a service becomes a validation error of
its row, so the whole file is refused with the row number and the reason.
"""

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from agora.core.errors import DomainError
from agora.members import services
from agora.members.enterprise_number import EnterpriseNumberError, normalise_enterprise_number
from agora.members.models import (
    Affiliation,
    Membership,
    Organisation,
    Person,
    StrategicDomain,
)


def as_validation_error(error: DomainError) -> ValidationError:
    """The importer reports validation errors per row and field; a domain error becomes one."""
    return ValidationError({error.field or NON_FIELD_ERRORS: [error.message]})


def split_codes(value: Any) -> list[str]:
    """Codes from a comma-separated cell."""
    return [code.strip() for code in str(value or "").split(",") if code.strip()]


class EnterpriseNumberWidget(widgets.CharWidget):
    """Reads any common spelling of an enterprise number and stores the standard one."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip()
        if not text:
            return ""
        try:
            return normalise_enterprise_number(text)
        except EnterpriseNumberError as error:
            raise ValueError(str(error)) from error


class OrganisationWidget(widgets.Widget):
    """An organisation named by its slug or its enterprise number."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Organisation:
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("The organisation is missing."))
        organisations = Organisation.objects.filter(slug=text)
        try:
            number = normalise_enterprise_number(text)
        except EnterpriseNumberError:
            pass  # not a number: the slug is the only way to name it
        else:
            organisations = Organisation.objects.filter(enterprise_number=number)
        organisation = organisations.first()
        if organisation is None:
            raise ValueError(_("Unknown organisation: %(name)s.") % {"name": text})
        return organisation

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.slug if value else ""


class ChoiceWidget(widgets.CharWidget):
    """A value that must be one of a model field's choices."""

    def __init__(self, choices: Any, *, default: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.values = [value for value, _label in choices]
        self.default = default

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip() or self.default
        if text not in self.values:
            raise ValueError(
                _("%(value)s is not one of: %(values)s.")
                % {"value": text or '""', "values": ", ".join(self.values)}
            )
        return text


class OrganisationResource(resources.ModelResource):
    """Organisations, matched by slug; strategic domains as comma-separated codes."""

    enterprise_number = fields.Field(
        attribute="enterprise_number",
        column_name="enterprise_number",
        widget=EnterpriseNumberWidget(),
    )
    domains = fields.Field(
        attribute="domains",
        column_name="domains",
        widget=widgets.ManyToManyWidget(StrategicDomain, field="code"),
    )

    class Meta:
        model = Organisation
        import_id_fields = ["slug"]
        fields = (
            "slug",
            "legal_name",
            "short_name",
            "kind",
            "enterprise_number",
            "street",
            "postcode",
            "city",
            "region",
            "country",
            "website",
            "description",
            "employees",
            "expertise",
            "is_listed",
            "shows_contact",
            "domains",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        # A new organisation may come without an address; derive it as the services do.
        if not row.get("slug") and row.get("legal_name"):
            row["slug"] = services.unique_slug(row["legal_name"])

    def import_instance(self, instance: Organisation, row: Any, **kwargs: Any) -> None:
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        checks = [
            lambda: services.check_domain_codes(split_codes(row.get("domains"))),
            lambda: services.check_enterprise_number(
                instance.enterprise_number or "", organisation=instance
            ),
        ]
        for check in checks:
            try:
                check()
            except DomainError as error:
                errors = as_validation_error(error).update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def save_instance(
        self, instance: Organisation, is_create: bool, row: Any, **kwargs: Any
    ) -> None:
        services.save_imported_organisation(
            actor=kwargs.get("user"), organisation=instance, is_new=is_create
        )


class PersonResource(resources.ModelResource):
    """People, matched by e-mail, each with their organisation (slug or number) and role."""

    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=OrganisationWidget()
    )
    role = fields.Field(
        attribute="role",
        column_name="role",
        widget=ChoiceWidget(Affiliation.Role.choices, default=Affiliation.Role.EMPLOYEE),
    )

    class Meta:
        model = Person
        import_id_fields = ["email"]
        fields = ("first_name", "last_name", "email", "phone", "job_title", "organisation", "role")
        export_order = fields
        clean_model_instances = True

    def get_export_queryset(self, request: Any) -> Any:
        return Person.objects.prefetch_related("affiliations__organisation")

    def first_affiliation(self, person: Person) -> Affiliation | None:
        """The current affiliation an export row shows (the oldest one)."""
        current = [a for a in person.affiliations.all() if a.end_date is None]
        return min(current, key=lambda a: (a.start_date, a.pk), default=None)

    def dehydrate_organisation(self, person: Person) -> str:
        affiliation = self.first_affiliation(person)
        return affiliation.organisation.slug if affiliation else ""

    def dehydrate_role(self, person: Person) -> str:
        affiliation = self.first_affiliation(person)
        return affiliation.role if affiliation else ""

    def before_import_row(self, row: Any, **kwargs: Any) -> None:
        errors = {
            # Without its column the importer never sets the attribute save_instance reads.
            name: [_("The file has no “%(column)s” column.") % {"column": name}]
            for name in ("organisation", "role")
            if name not in row
        }
        if not str(row.get("email") or "").strip():
            errors["email"] = [_("An e-mail is needed to match people.")]
        if errors:
            raise ValidationError(errors)
        row["email"] = str(row["email"]).strip().lower()

    def save_instance(self, instance: Person, is_create: bool, row: Any, **kwargs: Any) -> None:
        # Not Person fields: the importer's Field.save put these columns on the instance.
        services.save_imported_person(
            actor=kwargs.get("user"),
            person=instance,
            organisation=instance.organisation,  # type: ignore[attr-defined]
            role=instance.role,  # type: ignore[attr-defined]
            is_new=is_create,
        )


class MembershipResource(resources.ModelResource):
    """Membership periods; an import only opens new periods, through the service."""

    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=OrganisationWidget()
    )
    # Exported for reading; an import ignores them, as it only opens new periods.
    id = fields.Field(attribute="id", column_name="id", readonly=True)
    cancelled_on = fields.Field(
        attribute="cancelled_on",
        column_name="cancelled_on",
        widget=widgets.DateWidget(),
        readonly=True,
    )
    cancellation_reason = fields.Field(
        attribute="cancellation_reason", column_name="cancellation_reason", readonly=True
    )
    status = fields.Field(column_name="status", readonly=True)

    class Meta:
        model = Membership
        fields = (
            "id",
            "organisation",
            "type",
            "start_date",
            "end_date",
            "fee",
            "confirmed_on",
            "cancelled_on",
            "cancellation_reason",
            "status",
        )
        export_order = fields
        clean_model_instances = True

    def get_export_queryset(self, request: Any) -> Any:
        return Membership.objects.select_related("organisation")

    def dehydrate_status(self, membership: Membership) -> str:
        return membership.status.value

    def import_instance(self, instance: Membership, row: Any, **kwargs: Any) -> None:
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # An empty end means a year, as in the service; no false "cannot be null" error.
            if instance.end_date is None and instance.start_date is not None:
                try:
                    instance.end_date = services.period_end(instance.start_date)
                except DomainError as error:
                    raise as_validation_error(error) from error

    def get_instance(self, instance_loader: Any, row: Any) -> None:
        # Changing a period is a decision (confirm, renew, cancel), never a spreadsheet edit.
        return None

    def save_instance(self, instance: Membership, is_create: bool, row: Any, **kwargs: Any) -> None:
        try:
            created = services.create_membership(
                actor=kwargs.get("user"),
                organisation=instance.organisation,
                type=instance.type,
                start_date=instance.start_date,
                end_date=instance.end_date,
                fee=instance.fee,
                confirmed_on=instance.confirmed_on,
            )
        except DomainError as error:
            raise as_validation_error(error) from error
        instance.pk = created.pk
