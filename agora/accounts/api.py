"""How the API knows who calls: a bearer token, the browser session, or nobody."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from agora.accounts.models import ApiToken, User

# Writing on every request would turn each read into a write; a minute is precise enough.
TOKEN_USE_PRECISION = timedelta(minutes=1)


def record_token_use(token: ApiToken) -> None:
    """Stamp the token's last use, at most once a minute (bookkeeping, not audited)."""
    now = timezone.now()
    ApiToken.objects.filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOKEN_USE_PRECISION), pk=token.pk
    ).update(last_used_at=now)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with an ApiToken; the call acts as the token's user."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        api_token = (
            ApiToken.objects.select_related("user").filter(key=token, user__is_active=True).first()
        )
        if api_token is None:
            # A wrong token must not fall back to anonymous access: the caller would not notice.
            raise AuthenticationError(message=_("Invalid API token."))
        record_token_use(api_token)
        request.user = api_token.user
        return api_token.user


class SessionAuth(APIKeyCookie):
    """The browser session of a signed-in user; unsafe methods need the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=False)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        if not user.is_authenticated:
            return None
        if check_csrf(request) is not None:
            raise AuthorizationError(message=_("CSRF check failed."))
        # The MFA middleware lets /api/ through for tokens; a staff session still needs TOTP.
        if settings.AGORA_STAFF_MFA_REQUIRED and user.is_staff and not user.has_totp:
            raise AuthorizationError(message=_("Set up two-factor authentication first."))
        return user


def anonymous(request: HttpRequest) -> AnonymousUser:
    """Let reads through without credentials; the endpoint shows public data only."""
    return AnonymousUser()


SIGNED_IN = [TokenAuth(), SessionAuth()]
ANYONE = [*SIGNED_IN, anonymous]
