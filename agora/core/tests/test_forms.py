from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from agora.core.errors import ConflictError, DomainError
from agora.core.forms import form_status, submit_form
from agora.core.templatetags.agora_tags import bootstrap_widget


class NoteForm(forms.Form):
    note = forms.CharField()


def test_unbound_form_runs_nothing_and_answers_200():
    form = NoteForm()
    assert submit_form(form, lambda: "done") is None
    assert form_status(form) == 200


def test_invalid_form_runs_nothing_and_answers_400():
    calls = []
    form = NoteForm(data={})
    assert submit_form(form, lambda: calls.append(1)) is None
    assert calls == []
    assert form_status(form) == 400


def test_valid_form_returns_what_the_service_returns():
    form = NoteForm(data={"note": "hello"})
    assert submit_form(form, lambda: form.cleaned_data["note"].upper()) == "HELLO"
    assert form_status(form) == 200


def raise_error(error: DomainError) -> None:
    raise error


def test_refusal_on_a_field_of_the_form_is_shown_on_that_field():
    form = NoteForm(data={"note": "hello"})
    assert submit_form(form, lambda: raise_error(DomainError("Too short.", field="note"))) is None
    assert form.errors == {"note": ["Too short."]}
    assert form_status(form) == 400


def test_refusal_on_another_field_is_a_non_field_error_with_its_status():
    form = NoteForm(data={"note": "hello"})
    assert submit_form(form, lambda: raise_error(ConflictError("Taken.", field="slug"))) is None
    assert form.non_field_errors() == ["Taken."]
    assert form_status(form) == 409


class Choices(forms.Form):
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])
    extra = forms.ChoiceField(choices=[("", "---------"), ("b", "B")], required=False)
    model = forms.ModelChoiceField(queryset=ContentType.objects.all())
    other = forms.ModelChoiceField(
        queryset=ContentType.objects.all(), required=False, empty_label="Any model"
    )


def blank_option(form: forms.Form, name: str) -> str:
    html = str(bootstrap_widget(form[name]))
    return html.split('<option value="" selected>', 1)[1].split("</option>", 1)[0]


def test_django_s_dashes_become_words_and_a_named_blank_choice_stays(db):
    form = Choices()
    assert [blank_option(form, name) for name in ("kind", "extra", "model", "other")] == [
        "Choose…",
        "None",
        "Choose…",
        "Any model",
    ]
    with translation.override("fr"):
        french = Choices()
        assert [blank_option(french, name) for name in ("kind", "extra")] == [
            "Choisir…",
            "Non renseigné",
        ]
