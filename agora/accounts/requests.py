"""Request types that say who is signed in, so that views and endpoints read the user typed.

They only annotate: Django and ninja pass a plain HttpRequest, on which login_required or the
API's authentication has already put the user these attributes declare.
"""

from django.http import HttpRequest

from agora.accounts.models import AnyUser, User


class SignedInHttpRequest(HttpRequest):
    """The request of a view behind login_required."""

    user: User


class ApiRequest(HttpRequest):
    """The request of an endpoint open to ANYONE: `auth` may be an anonymous visitor."""

    auth: AnyUser


class SignedInApiRequest(HttpRequest):
    """The request of an endpoint behind SIGNED_IN (the API's default): `auth` is the caller."""

    auth: User
