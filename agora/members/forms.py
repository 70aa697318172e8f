"""Forms of the members pages: they parse and validate; services do the writing."""

from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from agora.core.forms import https_formfield
from agora.members.enterprise_number import EnterpriseNumberError, normalise_enterprise_number
from agora.members.models import (
    Affiliation,
    ContactMessage,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Region,
    StrategicDomain,
)
from agora.members.services import PROFILE_FIELDS

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
LOGO_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"]


def domain_choices() -> list[tuple[str, str]]:
    """Strategic domains as (code, label) pairs in the current language."""
    return [(domain.code, domain.label) for domain in StrategicDomain.objects.all()]


class DirectoryFilterForm(forms.Form):
    """Search and filters of the public directory."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    domain = forms.ChoiceField(label=_("Strategic domain"), required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        domain_field = cast(forms.ChoiceField, self.fields["domain"])
        domain_field.choices = [("", _("All domains")), *domain_choices()]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("Name, expertise, keyword…")}
        )

    def filters(self) -> dict[str, str]:
        """The valid filters, as keyword arguments of selectors.list_directory."""
        data = getattr(self, "cleaned_data", {})
        return {
            "search": data.get("q", ""),
            "domain": data.get("domain", ""),
            "region": data.get("region", ""),
            "kind": data.get("kind", ""),
        }


def clean_enterprise_number_field(value: str) -> str:
    """The number in its standard form, or a translated explanation of what is wrong."""
    if not value.strip():
        return ""
    try:
        return normalise_enterprise_number(value)
    except EnterpriseNumberError as error:
        raise forms.ValidationError(str(error), code="enterprise_number") from error


class ApplicationForm(forms.ModelForm):
    """The "become a member" application."""

    enterprise_number = forms.CharField(
        label=_("Enterprise number"),
        required=False,
        max_length=20,
        help_text=_("Belgian enterprise number (BCE/KBO), e.g. 0123.456.749."),
    )

    class Meta:
        model = MembershipApplication
        formfield_callback = https_formfield
        fields = [
            "legal_name",
            "kind",
            "enterprise_number",
            "region",
            "country",
            "city",
            "website",
            "employees",
            "description",
            "domains",
            "membership_type",
            "partner",
            "first_name",
            "last_name",
            "email",
            "phone",
            "job_title",
            "message",
        ]
        widgets = {
            "domains": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "message": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partner_field = cast(forms.ModelChoiceField, self.fields["partner"])
        partner_field.queryset = PartnerCluster.objects.filter(agreements__isnull=False).distinct()
        self.fields["country"].help_text = _("Two-letter code, e.g. BE, FR, NL.")
        cast(forms.ModelMultipleChoiceField, self.fields["domains"]).to_field_name = "code"

    def clean_enterprise_number(self) -> str:
        return clean_enterprise_number_field(self.cleaned_data["enterprise_number"])

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()

    def clean(self) -> dict[str, Any]:
        """A co-membership names its partner cluster; an organisation abroad is not Belgian."""
        data = super().clean() or {}
        is_co_member = data.get("membership_type") == Membership.Type.CO_MEMBER
        if is_co_member and not data.get("partner"):
            self.add_error("partner", _("Please choose the partner cluster you are a member of."))
        if not is_co_member and data.get("partner"):
            self.add_error("partner", _("A partner cluster is only needed for a co-membership."))
        if data.get("region") == Region.ABROAD and data.get("country") == "BE":
            self.add_error("country", _("An organisation abroad has a country other than BE."))
        return data

    def application_data(self) -> dict[str, Any]:
        """The fields of the application, for services.submit_application."""
        return {k: v for k, v in self.cleaned_data.items() if k != "domains"}


class ContactForm(forms.ModelForm):
    """The public "get in touch" form."""

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organisation", "subject", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


def check_logo(logo: UploadedFile) -> None:
    """Refuse a logo over 2 MB or not a PNG, JPEG, GIF or WebP image."""
    if logo.size and logo.size > LOGO_MAX_BYTES:
        raise forms.ValidationError(_("The logo must be 2 MB or smaller."), code="too_large")
    # forms.ImageField has already opened the file with Pillow and kept the image.
    if logo.image.format not in LOGO_FORMATS:  # type: ignore[attr-defined]
        raise forms.ValidationError(
            _("The logo must be a PNG, JPEG, GIF or WebP image."), code="image_type"
        )


class ProfileForm(forms.ModelForm):
    """A representative's (or staff's) edit of the organisation's public profile."""

    class Meta:
        model = Organisation
        formfield_callback = https_formfield
        fields = [*PROFILE_FIELDS, "domains"]
        widgets = {
            "domains": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "logo": forms.ClearableFileInput(attrs={"accept": ", ".join(LOGO_TYPES)}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        # Bound to a copy of the values, not the instance: the service compares and writes.
        kwargs["initial"] = model_to_dict(organisation, fields=self._meta.fields)
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["domains"]).to_field_name = "code"
        self.fields["logo"].help_text = _("PNG, JPEG, GIF or WebP, 2 MB at most.")

    def clean_logo(self) -> Any:
        logo = self.cleaned_data["logo"]
        if isinstance(logo, UploadedFile):
            check_logo(logo)
        return logo

    def profile_data(self) -> dict[str, Any]:
        """The changes for services.update_organisation_profile (an untouched logo is left out)."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "domains"}
        if data.get("logo") is None:
            data.pop("logo", None)
        elif data["logo"] is False:
            data["logo"] = ""
        return data


class InvitationForm(forms.ModelForm):
    """A representative invites a colleague."""

    class Meta:
        model = Invitation
        fields = ["first_name", "last_name", "email", "role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = Affiliation.Role.EMPLOYEE


class ApplicationFilterForm(forms.Form):
    """The staff's filter of the applications list."""

    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states")), *MembershipApplication.State.choices],
    )


class ApproveForm(forms.Form):
    """Approve an application, optionally from a given date."""

    start_date = forms.DateField(
        label=_("Membership starts on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Today if left empty."),
    )


class RejectForm(forms.Form):
    """Reject an application with a note for the applicant."""

    note = forms.CharField(
        label=_("Note to the applicant"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the applicant by e-mail."),
    )


class CancelForm(forms.Form):
    """Cancel a membership with a reason."""

    reason = forms.CharField(label=_("Reason for the cancellation"), max_length=300)
