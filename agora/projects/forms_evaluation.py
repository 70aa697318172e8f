"""Forms of the expert evaluation: assignments, the declaration, scores, the jury's decision."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from agora.members.models import Organisation, StrategicDomain
from agora.projects.models import Criterion, Decision, Evaluation, Expert


class SwapForm(forms.Form):
    """The expert who replaces the proposed one."""

    expert = forms.ModelChoiceField(
        label=_("Replace by"), queryset=Expert.objects.filter(is_active=True)
    )


class DeclineForm(forms.Form):
    """Why the expert declines, and whether it is a conflict of interest."""

    reason = forms.CharField(
        label=_("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_conflict = forms.BooleanField(
        label=_("I have a conflict of interest with this project"), required=False
    )


class DeclarationForm(forms.Form):
    """The confidentiality and no-conflict declaration."""

    confirm = forms.BooleanField(
        label=_(
            "I will keep everything about this project confidential, and I have no conflict of "
            "interest with it or with its applicants."
        )
    )


class EvaluationForm(forms.Form):
    """A score from 0 to 10 and a comment per criterion of the call, and overall comments."""

    comments = forms.CharField(
        label=_("Overall comments"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(
        self, *args: Any, criteria: list[Criterion], evaluation: Evaluation | None, **kwargs: Any
    ) -> None:
        initial: dict[str, Any] = {}
        if evaluation is not None:
            initial["comments"] = evaluation.comments
            for score in evaluation.scores.all():
                initial[f"score_{score.criterion_id}"] = score.value
                initial[f"comment_{score.criterion_id}"] = score.comment
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s: score (weight %(weight)s)")
                % {"criterion": criterion.name, "weight": criterion.weight.normalize()},
                min_value=0,
                max_value=10,
                required=False,
                help_text=criterion.description,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("%(criterion)s: comment") % {"criterion": criterion.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([*[name for name in self.fields if name != "comments"], "comments"])

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            criterion.pk: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        }


class DecisionForm(forms.Form):
    """The jury's decision and the reasoned letter sent to the applicants."""

    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Decision.Outcome.choices, widget=forms.RadioSelect
    )
    letter = forms.CharField(
        label=_("Reasoned letter to the applicants"), widget=forms.Textarea(attrs={"rows": 10})
    )


class ExpertFilterForm(forms.Form):
    """Narrow the expert pool to a domain and to active or inactive experts."""

    domain = forms.ModelChoiceField(
        label=_("Domain"),
        queryset=StrategicDomain.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All domains"),
    )
    active = forms.ChoiceField(
        label=pgettext_lazy("expert", "Active"),
        choices=[
            ("", _("All")),
            ("yes", pgettext_lazy("expert", "Active")),
            ("no", pgettext_lazy("expert", "Inactive")),
        ],
        required=False,
    )

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {"domain": "", "active": ""}
        domain = self.cleaned_data["domain"]
        return {"domain": domain.code if domain else "", "active": self.cleaned_data["active"]}


class ExpertProfileForm(forms.ModelForm):
    """What an expert says of themselves."""

    class Meta:
        model = Expert
        fields = ["keywords", "expertise", "domains", "max_evaluations"]
        widgets = {
            "expertise": forms.Textarea(attrs={"rows": 5}),
            "domains": forms.CheckboxSelectMultiple,
        }


class ConflictForm(forms.Form):
    """A conflict of interest the expert declares with an organisation."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("legal_name")
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)
