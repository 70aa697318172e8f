from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

# Paths a staff member without TOTP may still open, so that they can set it up or leave.
MFA_SETUP_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/media/")


class StaffMfaMiddleware:
    """Send staff without TOTP to its set-up page first (when AGORA_STAFF_MFA_REQUIRED)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.AGORA_STAFF_MFA_REQUIRED
            and user.is_authenticated
            and user.is_staff
            and not request.path.startswith(MFA_SETUP_PREFIXES)
            and not request.path.startswith("/api/")
            and not user.has_totp
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
