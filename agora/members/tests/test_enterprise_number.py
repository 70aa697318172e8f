import pytest

from agora.members.enterprise_number import EnterpriseNumberError, normalise_enterprise_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0403.170.701", "0403.170.701"),
        ("BE 0403 170 701", "0403.170.701"),
        ("be0403170701", "0403.170.701"),
        ("403170701", "0403.170.701"),
    ],
)
def test_valid_numbers_are_normalised(text, expected):
    assert normalise_enterprise_number(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0403.170.702", "The check digits do not match: please check for a typing error."),
        ("0403.170.7", "An enterprise number has 10 digits, like 0123.456.749."),
        ("ABC", "An enterprise number has only digits, like 0123.456.749."),
        ("2403170701", "An enterprise number starts with 0 or 1."),
    ],
)
def test_invalid_numbers_say_why(text, message):
    with pytest.raises(EnterpriseNumberError) as error:
        normalise_enterprise_number(text)
    assert str(error.value) == message
