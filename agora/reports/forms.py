from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from agora.reports.models import AnnualReport, YearlyFacts

MAX_TEXT = 20_000


class ReportForm(forms.ModelForm):
    """The texts staff write or edit before publishing."""

    class Meta:
        model = AnnualReport
        fields = ["introduction_en", "introduction_fr", "highlights_en", "highlights_fr"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        for name, value in list(cleaned.items()):
            if len(value or "") > MAX_TEXT:
                self.add_error(name, _("At most %(count)s characters.") % {"count": MAX_TEXT})
        return cleaned


class FactsForm(forms.ModelForm):
    """An organisation's facts of one year; every figure is optional."""

    class Meta:
        model = YearlyFacts
        fields = ["employees", "turnover", "investment_raised"]

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not self.errors and all(cleaned.get(name) is None for name in self.Meta.fields):
            raise forms.ValidationError(_("Enter at least one figure."))
        return cleaned


class YearForm(forms.Form):
    """The year the dashboard compares with the one before, and where its growth period starts."""

    year = forms.TypedChoiceField(
        label=_("Year"), coerce=int, widget=forms.Select(attrs={"class": "form-select"})
    )
    since = forms.TypedChoiceField(
        label=_("Growth since"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["year"])
        field.choices = [(year, str(year)) for year in years]
        since = cast(forms.TypedChoiceField, self.fields["since"])
        since.choices = [("", "—"), *field.choices]

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        year, since = cleaned.get("year"), cleaned.get("since")
        if year is not None and since is not None and since >= year:
            raise forms.ValidationError(_("The growth period must start before the year shown."))
        return cleaned
