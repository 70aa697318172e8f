"""Dates as a European cluster writes them, in English as in French."""

from datetime import date, datetime

from django import forms
from django.utils import formats, translation
from django.utils.formats import date_format


class DayForm(forms.Form):
    day = forms.DateField()


def test_english_dates_put_the_day_first_on_a_24_hour_clock():
    moment = datetime(2027, 2, 1, 14, 30)
    assert date_format(moment, "SHORT_DATE_FORMAT") == "01/02/2027"
    assert date_format(moment, "DATETIME_FORMAT") == "1 February 2027, 14:30"
    assert date_format(moment, "SHORT_DATETIME_FORMAT") == "01/02/2027 14:30"
    assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_french_dates_keep_djangos_french_formats():
    with translation.override("fr"):
        assert (
            date_format(datetime(2027, 2, 1, 14, 30), "DATETIME_FORMAT") == "1 février 2027 14:30"
        )


def test_a_typed_english_date_is_read_day_first_and_iso_still_works():
    for typed in ("01/02/2027", "2027-02-01"):
        form = DayForm({"day": typed})
        assert form.is_valid()
        assert form.cleaned_data["day"] == date(2027, 2, 1)
