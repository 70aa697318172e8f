"""The REST API under /api/: one NinjaAPI, each app's router, errors as {"detail": message}."""

from typing import Any

from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError

from agora.accounts.api import SIGNED_IN
from agora.core.errors import DomainError
from agora.members.api import router as members_router

# Locations start with where the value came from and the parameter's name, neither of
# which helps the caller: keep the field path inside the payload.
LOCATION_PREFIXES = {"body", "query", "path", "payload"}

api = NinjaAPI(
    title="Agora API",
    version="1",
    description=(
        "The cluster's directory, memberships and partner clusters. Authenticate with "
        "`Authorization: Bearer <token>` or a browser session; writes are for staff."
    ),
    urls_namespace="api",
    auth=SIGNED_IN,
)
api.add_router("/", members_router)


def field_of(location: list[Any]) -> str:
    """The dotted field path of a validation error's location."""
    parts = [str(part) for part in location]
    while parts and parts[0] in LOCATION_PREFIXES:
        parts = parts[1:]
    return ".".join(parts)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, error: DomainError) -> HttpResponse:
    """A domain rule refused the action: its status code and message."""
    body = {"detail": error.message}
    if error.field:
        body["field"] = error.field
    return api.create_response(request, body, status=error.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    """Missing and forbidden objects look the same, so their existence does not leak."""
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """Input that does not fit the schema: every problem, with its field."""
    errors = [{"field": field_of(item["loc"]), "message": item["msg"]} for item in error.errors]
    detail = "; ".join(
        f"{item['field']}: {item['message']}" if item["field"] else item["message"]
        for item in errors
    )
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.exception_handler(IntegrityError)
def conflict(request: HttpRequest, error: IntegrityError) -> HttpResponse:
    """A race the services' checks could not see (two creations at once)."""
    return api.create_response(
        request, {"detail": _("This conflicts with existing data; please retry.")}, status=409
    )
