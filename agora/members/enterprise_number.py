"""Belgian enterprise numbers (KBO/BCE): format and mod-97 check digits."""

import re

from django.utils.translation import gettext as _


class EnterpriseNumberError(ValueError):
    """The text is not a valid Belgian enterprise number; the message says why."""


def normalise_enterprise_number(text: str) -> str:
    """Return the number as `0123.456.749`, or raise EnterpriseNumberError.

    Accepts `BE0123456749`, `0123 456 749`, `0123.456.749`, and the old nine-digit form.
    The last two digits are 97 minus the first eight modulo 97.
    """
    cleaned = re.sub(r"[\s.\-/]", "", text.strip().upper())
    cleaned = cleaned.removeprefix("BE")
    if not cleaned.isdigit():
        raise EnterpriseNumberError(_("An enterprise number has only digits, like 0123.456.749."))
    if len(cleaned) == 9:
        cleaned = "0" + cleaned
    if len(cleaned) != 10:
        raise EnterpriseNumberError(_("An enterprise number has 10 digits, like 0123.456.749."))
    if cleaned[0] not in "01":
        raise EnterpriseNumberError(_("An enterprise number starts with 0 or 1."))
    body, check = int(cleaned[:8]), int(cleaned[8:])
    if 97 - body % 97 != check:
        raise EnterpriseNumberError(
            _("The check digits do not match: please check for a typing error.")
        )
    return f"{cleaned[:4]}.{cleaned[4:7]}.{cleaned[7:]}"
