"""The door of the organiser pages: signed in, and two-factor login when it is required."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from agora.events.selectors.organisers import OrganiserMfaRequiredError

View = Callable[..., HttpResponseBase]


def organiser_page(view: View) -> View:
    """Sign-in required; an organiser without TOTP is sent to set it up, with a message why.

    The selector raises before the view reads or writes anything, so nothing is half-done.
    """

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except OrganiserMfaRequiredError:
            messages.warning(
                request,
                _(
                    "Organiser pages show participants' personal data: set up two-factor "
                    "login (an authenticator app) to open them."
                ),
            )
            return redirect("mfa_activate_totp")

    return login_required(guarded)
