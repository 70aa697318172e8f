"""Forms of the project application: the draft, the consortium, attachments, workflow actions."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from agora.members.models import Organisation, PartnerCluster, StrategicDomain
from agora.members.selectors import list_member_organisations
from agora.projects.models import Call, Milestone, Partner, Project
from agora.projects.selectors.projects import list_creatable_organisations, list_open_calls
from agora.projects.services.projects import PROJECT_FIELDS


class ProjectForm(forms.ModelForm):
    """The application's own fields; a new project also names its coordinator organisation."""

    class Meta:
        model = Project
        fields = ["call", *PROJECT_FIELDS, "domains", "co_labelling_partner"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "domains": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        calls = list_open_calls()
        if self.instance.call_id:
            calls = calls | Call.objects.filter(pk=self.instance.call_id)
        call = cast(forms.ModelChoiceField, self.fields["call"])
        call.queryset = calls.distinct()
        call.empty_label = _("No call (a project of its own)")
        domains = cast(forms.ModelMultipleChoiceField, self.fields["domains"])
        domains.queryset = StrategicDomain.objects.all()
        partner = cast(forms.ModelChoiceField, self.fields["co_labelling_partner"])
        partner.queryset = PartnerCluster.objects.order_by("name")
        if self.instance.pk is None:
            self.fields["coordinator"] = forms.ModelChoiceField(
                label=_("Coordinator"),
                queryset=list_creatable_organisations(user).order_by("legal_name"),
                help_text=_("Your organisation that leads the project."),
            )

    def project_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PROJECT_FIELDS}


class PartnerForm(forms.Form):
    """A new partner: a member organisation, or an external partner by name."""

    organisation = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=Organisation.objects.none(), required=False
    )
    external_name = forms.CharField(
        label=_("Or an external partner"), max_length=200, required=False
    )
    budget = forms.DecimalField(label=_("Budget (€)"), min_value=0, max_digits=12, decimal_places=2)
    role = forms.CharField(label=_("Role in the project"), max_length=300, required=False)

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = project.partners.filter(organisation__isnull=False).values("organisation_id")
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = (
            list_member_organisations().exclude(pk__in=taken).order_by("legal_name")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("organisation")) == bool(data.get("external_name", "").strip()):
            raise forms.ValidationError(
                _("Choose a member organisation or name an external partner.")
            )
        return data


class PartnerEditForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["budget", "role"]


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("PDF file"))


class TransitionForm(forms.Form):
    """The text a workflow action may need: a question, an answer or a reason."""

    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due_on", "is_final"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"})}


class MilestoneReachedForm(forms.Form):
    reached_on = forms.DateField(
        label=_("Reached on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    report = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 4}))


class ProjectFilterForm(forms.Form):
    """The staff's filters of the project list."""

    call = forms.ModelChoiceField(
        label=_("Call"),
        queryset=Call.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All calls"),
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("Any state")), *Project.State.choices], required=False
    )

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {"call": "", "state": ""}
        call = self.cleaned_data["call"]
        return {"call": call.slug if call else "", "state": self.cleaned_data["state"]}
