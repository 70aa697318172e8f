"""Forms of the B2B pages: they parse and validate; services do the writing."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agora.events.models import B2BProfile, Event, MeetingRequest, Opportunity, Slot, Table
from agora.members.forms import domain_choices
from agora.members.models import Organisation, StrategicDomain


class SlotChoiceField(forms.ModelMultipleChoiceField):
    """Slots shown with their session and local times."""

    def label_from_instance(self, obj: Any) -> str:
        ends_at = timezone.localtime(obj.ends_at)
        return f"{obj.session} · {obj} – {ends_at:%H:%M}"


class ProfileChoiceField(forms.ModelChoiceField):
    """B2B profiles shown as the person and their organisation."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.registration.person} ({obj.registration.organisation_label})"


class ProfileForm(forms.Form):
    """The participant's pitch, most meetings wanted and slots they cannot attend."""

    pitch = forms.CharField(
        label=_("Who we are, in short"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    max_meetings = forms.IntegerField(
        label=_("Most meetings I want"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Empty: as many as the schedule allows."),
    )
    unavailable_slots = SlotChoiceField(
        label=_("Slots I cannot attend"),
        required=False,
        queryset=Slot.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, event: Event, profile: B2BProfile | None, **kwargs: Any) -> None:
        # No profile yet: the form starts empty, and its first valid submission makes one.
        if profile is not None:
            kwargs["initial"] = {
                "pitch": profile.pitch,
                "max_meetings": profile.max_meetings,
                "unavailable_slots": list(profile.unavailable_slots.all()),
            }
        super().__init__(*args, **kwargs)
        slots = Slot.objects.filter(event=event)
        cast(forms.ModelMultipleChoiceField, self.fields["unavailable_slots"]).queryset = slots
        if not slots.exists():
            del self.fields["unavailable_slots"]

    def profile_data(self) -> dict[str, Any]:
        """Keyword arguments of services.b2b.save_b2b_profile."""
        return {
            "pitch": self.cleaned_data["pitch"],
            "max_meetings": self.cleaned_data["max_meetings"],
            "unavailable_slots": self.cleaned_data.get("unavailable_slots", []),
        }


class OpportunityForm(forms.ModelForm):
    """One thing the participant offers or looks for."""

    class Meta:
        model = Opportunity
        fields = ["kind", "direction", "title", "description", "domains"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "domains": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        domains = cast(forms.ModelMultipleChoiceField, self.fields["domains"])
        domains.queryset = StrategicDomain.objects.all()
        domains.to_field_name = "code"

    def opportunity_data(self) -> dict[str, Any]:
        """The fields of services.b2b.save_opportunity's data."""
        return {k: v for k, v in self.cleaned_data.items() if k != "domains"}


class MarketplaceFilterForm(forms.Form):
    """Search and filters of the marketplace."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Opportunity.Kind.choices]
    )
    direction = forms.ChoiceField(
        label=_("Offer or search"),
        required=False,
        choices=[("", _("Both")), *Opportunity.Direction.choices],
    )
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    organisation_kind = forms.ChoiceField(
        label=_("Organisation"),
        required=False,
        choices=[("", _("All organisations")), *Organisation.Kind.choices],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        domain_field = cast(forms.ChoiceField, self.fields["domain"])
        domain_field.choices = [("", _("All domains")), *domain_choices()]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("Title, description, organisation…")}
        )

    def filters(self) -> dict[str, str]:
        """The valid filters, as keyword arguments of selectors.b2b.list_marketplace."""
        data = getattr(self, "cleaned_data", {})
        names = ["kind", "direction", "domain", "organisation_kind"]
        return {"search": data.get("q", ""), **{name: data.get(name, "") for name in names}}


class MeetingRequestForm(forms.Form):
    """A meeting request's message, optionally about one of the recipient's opportunities."""

    opportunity = forms.ModelChoiceField(
        label=_("About"),
        required=False,
        queryset=Opportunity.objects.none(),
        empty_label=_("No particular opportunity"),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say who you are and what you would like to discuss."),
    )

    def __init__(self, *args: Any, recipient_profile: B2BProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["opportunity"])
        field.queryset = recipient_profile.opportunities.all()
        if not field.queryset.exists():
            del self.fields["opportunity"]


class SlotsForm(forms.Form):
    """Cut a session into consecutive meeting slots."""

    session = forms.CharField(label=_("Session"), max_length=50, help_text=_("E.g. morning."))
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    minutes = forms.IntegerField(
        label=_("Minutes per meeting"), min_value=5, max_value=240, initial=30
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The session ends after it starts."))
        return data


class TablesForm(forms.Form):
    """Add several tables at once."""

    count = forms.IntegerField(label=_("Number of tables"), min_value=1, max_value=500)
    name_prefix = forms.CharField(
        label=_("Name prefix"),
        max_length=40,
        initial="T",
        help_text=_("Tables are named prefix + number: T1, T2…"),
    )


class TableNameForm(forms.Form):
    """Rename one table."""

    name = forms.CharField(label=_("Name"), max_length=50)


class HomeTableForm(forms.Form):
    """Give a participant a home table (their own booth)."""

    profile = ProfileChoiceField(label=_("Participant"), queryset=B2BProfile.objects.none())
    table = forms.ModelChoiceField(
        label=_("Home table"),
        required=False,
        queryset=Table.objects.none(),
        empty_label=_("None"),
    )

    def __init__(self, *args: Any, event: Event, profiles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["profile"]).queryset = profiles
        table_field = cast(forms.ModelChoiceField, self.fields["table"])
        table_field.queryset = Table.objects.filter(event=event)


class RequestCapForm(forms.Form):
    """How many live requests one participant may send."""

    request_cap = forms.IntegerField(
        label=_("Meeting requests per participant"), min_value=1, max_value=1000
    )


class RequestRuleForm(forms.Form):
    """Forbid organisations of one kind to request meetings with those of another."""

    requester_kind = forms.ChoiceField(label=_("Requester"), choices=Organisation.Kind.choices)
    recipient_kind = forms.ChoiceField(
        label=_("may not request"), choices=Organisation.Kind.choices
    )


class RequestStatusFilterForm(forms.Form):
    """The organiser's filter of the requests list."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *MeetingRequest.Status.choices],
    )

    def filters(self) -> dict[str, str]:
        """The valid filter, as keyword arguments of selectors.b2b.list_event_requests."""
        return {"status": getattr(self, "cleaned_data", {}).get("status", "")}
