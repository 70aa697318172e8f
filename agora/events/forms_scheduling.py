"""Forms of the scheduling and agenda pages."""

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from agora.events.models import MeetingFeedback

MAX_SOLUTION_BYTES = 20 * 1024 * 1024


class ScheduleRunForm(forms.Form):
    keep_published = forms.BooleanField(
        label=_("Keep published meetings where they are, as far as possible"), required=False
    )


class ScheduleImportForm(forms.Form):
    file = forms.FileField(label=_("Solution file (b2b-solution/1, JSON)"))
    publish = forms.BooleanField(label=_("Publish it at once"), required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_SOLUTION_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        try:
            data = json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise forms.ValidationError(_("This is not a JSON file.")) from error
        if not isinstance(data, dict):
            raise forms.ValidationError(_("A solution file holds one JSON object."))
        return data


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = MeetingFeedback
        fields = ["rating", "outcome", "comment"]
        widgets = {
            "rating": forms.Select(choices=[(n, str(n)) for n in range(1, 6)]),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
