"""Forms of the maturity diagnosis: a new revision, one dimension's answers, targets, actions."""

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agora.projects.maturity_scale import DIMENSIONS, LEVELS, Dimension
from agora.projects.models import CriterionAnswer

EVIDENCE_LENGTH = 4000


def dimension_choices(language: str) -> list[tuple[str, str]]:
    return [(dimension.code, dimension.name(language)) for dimension in DIMENSIONS]


class DiagnosisStartForm(forms.Form):
    diagnosed_on = forms.DateField(
        label=_("Date of the diagnosis"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DimensionAnswersForm(forms.Form):
    """Yes or no for every criterion of one dimension, with the evidence of each one met."""

    def __init__(
        self,
        *args: Any,
        dimension: Dimension,
        language: str,
        answers: dict[str, CriterionAnswer],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.dimension = dimension
        self.language = language
        for criterion in dimension.criteria:
            answer = answers.get(criterion.code)
            self.fields[f"met_{criterion.code}"] = forms.BooleanField(
                label=criterion.text(language),
                required=False,
                initial=answer.is_met if answer else False,
            )
            self.fields[f"evidence_{criterion.code}"] = forms.CharField(
                label=_("Evidence"),
                required=False,
                max_length=EVIDENCE_LENGTH,
                initial=answer.evidence if answer else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for criterion in self.dimension.criteria:
            evidence = cleaned.get(f"evidence_{criterion.code}", "")
            if cleaned.get(f"met_{criterion.code}") and not evidence.strip():
                self.add_error(
                    f"evidence_{criterion.code}",
                    _("Give the evidence for %(code)s “%(text)s”, marked as met.")
                    % {"code": criterion.code, "text": criterion.text(self.language)},
                )
        return cleaned

    def answers(self) -> dict[str, tuple[bool, str]]:
        """The cleaned answers by criterion code: (met, evidence)."""
        return {
            criterion.code: (
                self.cleaned_data[f"met_{criterion.code}"],
                self.cleaned_data[f"evidence_{criterion.code}"],
            )
            for criterion in self.dimension.criteria
        }


class TargetForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Dimension"))
    level = forms.IntegerField(label=_("Target level"), min_value=1, max_value=LEVELS)
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["dimension"]).choices = dimension_choices(language)


class ActionPointForm(forms.Form):
    dimension = forms.ChoiceField(label=_("Dimension"))
    text = forms.CharField(label=_("Action"), max_length=500)
    due_on = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["dimension"]).choices = dimension_choices(language)
