"""Forms of registration pages: they parse and validate; services do the writing."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from agora.events.models import Event, Registration, RegistrationQuestion
from agora.members.models import Organisation, Person

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
ANSWER_MAX_LENGTH = 1000


def question_field(question: RegistrationQuestion) -> forms.Field:
    """The form field that asks one registration question."""
    label, required = question.label, question.is_required
    if question.kind == RegistrationQuestion.Kind.CHOICE:
        choices = [(choice, choice) for choice in question.choice_list]
        return forms.ChoiceField(label=label, required=required, choices=[("", "—"), *choices])
    if question.kind == RegistrationQuestion.Kind.YES_NO:
        return forms.ChoiceField(
            label=label, required=required, choices=YES_NO, widget=forms.RadioSelect
        )
    return forms.CharField(label=label, required=required, max_length=ANSWER_MAX_LENGTH)


class RegistrationForm(forms.Form):
    """Register oneself: the organisation credited, the event's questions, listing consent."""

    def __init__(
        self,
        *args: Any,
        questions: list[RegistrationQuestion],
        organisations: QuerySet[Organisation],
        needs_name: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        if needs_name:
            self.fields["first_name"] = forms.CharField(label=_("First name"), max_length=100)
            self.fields["last_name"] = forms.CharField(label=_("Last name"), max_length=100)
        if organisations.exists():
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Organisation credited with your attendance"),
                queryset=organisations,
                initial=organisations.first(),
                empty_label=None,
            )
        else:
            self.fields["organisation_name"] = forms.CharField(
                label=_("Your organisation"), max_length=200, required=False
            )
        for question in questions:
            self.fields[f"question_{question.pk}"] = question_field(question)
        self.fields["is_listed"] = forms.BooleanField(
            label=_("Show my name and organisation in the participant list"),
            help_text=_("Only the other confirmed participants see the list."),
            required=False,
        )

    def registration_data(self) -> dict[str, Any]:
        """The keyword arguments of services.register_participant taken from the form."""
        data = self.cleaned_data
        answers = {
            str(question.pk): data[f"question_{question.pk}"]
            for question in self.questions
            if data.get(f"question_{question.pk}")
        }
        return {
            "first_name": data.get("first_name", ""),
            "last_name": data.get("last_name", ""),
            "organisation": data.get("organisation"),
            "organisation_name": data.get("organisation_name", ""),
            "answers": answers,
            "is_listed": data["is_listed"],
        }


class GuestForm(forms.Form):
    """An organiser registers someone without an account."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Someone the cluster already knows under this address is reused."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation credited"),
        queryset=Organisation.objects.order_by("legal_name"),
        required=False,
        help_text=_("A member organisation gets the member price."),
    )
    organisation_name = forms.CharField(
        label=_("Or the name of an organisation the cluster does not know"),
        max_length=200,
        required=False,
    )


class ColleaguesForm(forms.Form):
    """A representative picks colleagues to register for an event."""

    people = forms.ModelMultipleChoiceField(
        label=_("Colleagues to register"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one colleague.")},
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["people"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = people


class EventFilterForm(forms.Form):
    """The kind of events to list."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )


class RegistrationFilterForm(forms.Form):
    """Filters of the organisers' registration list."""

    RATES = {"member": True, "non_member": False}

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Registration.Status.choices],
    )
    rate = forms.ChoiceField(
        label=_("Rate"),
        required=False,
        choices=[("", _("All rates")), ("member", _("Member")), ("non_member", _("Non-member"))],
    )

    def filters(self) -> dict[str, Any]:
        """The valid filters, as keyword arguments of selectors.list_registrations."""
        data = getattr(self, "cleaned_data", {})
        return {
            "status": data.get("status", ""),
            "search": data.get("q", ""),
            "is_member": self.RATES.get(data.get("rate", "")),
        }


class CheckInSearchForm(forms.Form):
    """The check-in list's search by name or organisation."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def search(self) -> str:
        """The words to look for; none when the input was refused."""
        return getattr(self, "cleaned_data", {}).get("q", "")


class CheckInForm(forms.Form):
    """Mark a participant as arrived, or undo it."""

    is_present = forms.TypedChoiceField(
        choices=[("1", _("Present")), ("0", _("Not arrived"))], coerce=lambda value: value == "1"
    )
