"""No 500s: every URL of the matrix, every role, junk input; a refused write changes no row.

For each path of tests/test_url_permissions.py (so every URL pattern, with real objects) and each
role: (a) a GET with junk in the query string (GENERIC_QUERY); (b) an empty POST, then a POST of
junk in every input the view reads (tests/sweep_support.py learns them by running the view);
(c) one of PUT, PATCH and DELETE, in turn. No answer may be a 5xx. Only an accepted POST (a
redirect other than to the sign-in page) may change the number of rows of a table. The GET goes
out as the roles the matrix turns away and as the most trusted role it lets in: the other roles
let in get the same page (the matrix GETs it for each of them), and a page can take seconds.

Junk of every kind (JUNK_KINDS: wrong types, huge and past values, ids of rows the form does not
offer, over-long and odd text) then goes into each input a view read, once per path and set of
inputs: by the first role the matrix lets in (DISCOVERY_ORDER), and again by any role the view
shows other inputs. A role the view turns away reads nothing, so one junk request says enough.
The representative stands for the member organisation's users: the employee's pages are a subset.

The back office gets the same as a superuser: each of Agora's models in the admin, its list with
junk filters and its add form with junk of every kind. The REST API gets it from schemathesis: a
few derandomized positive and negative examples of every operation of /api/openapi.json, sent
with each role's bearer token.

The world is built once per module; each request runs in a savepoint that is rolled back, so no
request sees another's writes.
"""

from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlencode

import hypothesis
import pytest
import requests
import schemathesis
from django.conf import settings
from django.contrib import admin
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from schemathesis import GenerationMode

from agora.accounts.models import ApiToken
from agora.members.tests.factories import UserFactory
from config.api import api
from conftest import add_totp, make_cast
from tests import test_url_permissions as matrix
from tests.members_world import make_world
from tests.sweep_support import (
    GENERIC_QUERY,
    JUNK_KINDS,
    UNICODE,
    Inputs,
    changed_tables,
    count_rows,
    describe,
    junk_payload,
    recording_inputs,
    table_counts_query,
)

# The world is the module's (see `sweep`); the marker makes pytest-django create the database.
pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "representative", "outsider", "expert", "staff")
# Who learns a path's inputs: the first role the matrix lets in, the most trusted first.
DISCOVERY_ORDER = ("staff", "representative", "outsider", "expert", "anonymous")
# Sent where a view reads no input at all: a redirect target and an id, both wrong.
GENERIC_POST = {"next": "//elsewhere.example/", "id": "abc", "q": UNICODE}
WRONG_METHODS = ("put", "patch", "delete")


@dataclass(frozen=True)
class Target:
    name: str
    path: str  # formatted with the objects of the world, like the matrix's rows
    learner: str | None  # the role whose requests learn the path's inputs; None: nobody's let in
    turned_away: tuple[str, ...]  # the roles the matrix does not let through

    def __str__(self) -> str:
        return f"{self.name} {self.path}"


def admitted(row: matrix.Row, role: str) -> bool:
    """Whether the matrix lets the role through this row: a success, or a refusal of the input
    (400, 409) rather than of the role (403, 404; anonymous 302s go to sign in)."""
    status = row.expected[matrix.ROLES.index(role)]
    if role == "anonymous" and status == 302:
        return False
    return 200 <= status < 400 or status in (400, 409)


@cache
def targets() -> tuple[Target, ...]:
    """Each path of the matrix once, whatever method its rows use, with its learner."""
    rows: dict[tuple[str, str], list[matrix.Row]] = {}
    for entry in matrix.ROWS:
        row = matrix.row_of(entry)
        rows.setdefault((row.name, row.path), []).append(row)
    found = []
    for (name, path), path_rows in rows.items():
        let_in = [role for role in DISCOVERY_ORDER if any(admitted(r, role) for r in path_rows)]
        away = tuple(role for role in ROLES if role not in let_in)
        found.append(Target(name, path, let_in[0] if let_in else None, away))
    return tuple(found)


@dataclass(frozen=True)
class Known:
    """A failure found and handed out, in an app being changed by others."""

    raises: type[Exception]
    reason: str  # the failure and where it comes from
    vendor: str | None = None  # the only database it happens on ("postgresql"), or None


# Strict: a fix turns the case red until its mark goes. Fixed since they were found: events'
# bare-word `next` after a cancellation (NoReverseMatch) and NUL in the check-in search on
# PostgreSQL (2a8657e); NUL in the projects' ?call= (PostgreSQL DataError), now a 400.
KNOWN_FAILURES: dict[tuple[str, str, str], Known] = {}
DATABASE_VENDOR = connection.vendor  # "sqlite" or "postgresql"; known without connecting


def param(*values: Any, name: str, known: Known | None) -> Any:
    """One case, marked as an expected failure when it is a known one on this database."""
    marks = []
    if known is not None and known.vendor in (None, DATABASE_VENDOR):
        marks.append(pytest.mark.xfail(raises=known.raises, reason=known.reason, strict=True))
    return pytest.param(*values, id=name, marks=marks)


def cases(test: str) -> list[Any]:
    """Every target in every role, with the expected failures marked."""
    return [
        param(
            target,
            role,
            name=f"{target}-{role}",
            known=KNOWN_FAILURES.get((test, target.path, role)),
        )
        for target in targets()
        for role in ROLES
        if test != "get" or role == target.learner or role in target.turned_away
    ]


def wrong_method_cases() -> list[Any]:
    """One of PUT, PATCH, DELETE per path and role, in turn: each role meets each method on a
    third of the paths, and each path meets each method."""
    params = []
    for number, target in enumerate(targets()):
        for turn, role in enumerate(ROLES, start=number):
            method = WRONG_METHODS[turn % len(WRONG_METHODS)]
            known = KNOWN_FAILURES.get(("wrong-method", target.path, role))
            params.append(
                param(target, role, method, name=f"{target}-{role}-{method}", known=known)
            )
    return params


@dataclass
class Sweep:
    """The world, a client and an API token per role, and the inputs learnt of each path."""

    world: dict[str, Any]
    sessions: dict[str, str]
    tokens: dict[str, str]
    counts_query: str
    clients: dict[str, Client] = field(default_factory=dict)
    learnt: dict[tuple[str, str], Inputs] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        """The role's client (one per role: its middleware loads once), signed in afresh."""
        client = self.clients.setdefault(role, Client())
        client.cookies.clear()
        if role in self.sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client

    def path(self, target: Target) -> str:
        return target.path.format(**self.world)


@pytest.fixture(scope="module")
def sweep(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix's world, built once for the module and rolled back at its end."""
    media = tmp_path_factory.mktemp("sweep")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media / "media", PRIVATE_MEDIA_ROOT=media / "private"),
        transaction.atomic(),
    ):
        cast = make_cast()
        add_totp(cast.staff)
        world = make_world(cast)
        sessions = {}
        superuser = UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
        add_totp(superuser)
        users = {role: getattr(cast, role) for role in ROLES[1:]} | {"superuser": superuser}
        for role, user in users.items():
            client = Client()
            client.force_login(user)
            sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        tokens = {
            role: ApiToken.objects.create(user=users[role], name="sweep").key for role in ROLES[1:]
        }
        yield Sweep(world, sessions, tokens, table_counts_query())
        transaction.set_rollback(True)


def send(
    sweep: Sweep, role: str, method: str, path: str, data: Any = None
) -> tuple[HttpResponse, dict[str, tuple[int, int]]]:
    """The answer to one request, and the tables whose row count it changed (then undone)."""
    with transaction.atomic():
        before = count_rows(sweep.counts_query)
        response = getattr(sweep.client(role), method)(path, data)
        if response.streaming:  # a download: read to its end, so the test client closes it
            b"".join(response.streaming_content)
        changed = changed_tables(before, count_rows(sweep.counts_query))
        transaction.set_rollback(True)
    return response, changed


def is_accepted_write(response: HttpResponse) -> bool:
    """A POST the view took: it redirects on, and not to the sign-in page."""
    if response.status_code not in (301, 302, 303):
        return False
    return not response["Location"].startswith(reverse("account_login"))


def check(
    sweep: Sweep, role: str, method: str, path: str, data: Any, what: str, may_write: bool = False
) -> None:
    """Send; never a 5xx nor a redirect off the site, and rows change only when writing is
    allowed and the view took it."""
    request = f"{method.upper()} {path} {what} as {role}"
    try:
        response, changed = send(sweep, role, method, path, data)
    except Exception as error:
        error.add_note(f"Raised by {request}")
        raise
    assert response.status_code < 500, f"{request} answered {response.status_code}"
    if response.status_code in (301, 302, 303):  # junk `next` values must not lead elsewhere
        location = response["Location"]
        assert url_has_allowed_host_and_scheme(location, {"testserver"}), f"{request} -> {location}"
    if not (may_write and is_accepted_write(response)):
        assert changed == {}, f"{request} answered {response.status_code} yet changed rows"


def learn(sweep: Sweep, target: Target, method: str, data: dict[str, Any]) -> Inputs:
    """What the path reads when its learner sends `data` (remembered per path and method)."""
    key = (target.path, method)
    if key not in sweep.learnt:
        sweep.learnt[key] = Inputs()
        if target.learner is not None:
            with recording_inputs() as inputs:
                send(sweep, target.learner, method, sweep.path(target), data)
            inputs.keys.pop("sweep", None)
            sweep.learnt[key] = inputs
    return sweep.learnt[key]


def sweeps_every_kind(sweep: Sweep, target: Target, role: str, method: str, seen: Inputs) -> bool:
    """Whether this role sends junk of every kind: it is the learner, or the view showed it
    other inputs than the learner's. A role shown nothing was turned away first."""
    if not seen.names:
        return False
    if role == target.learner:
        return True
    learnt = learn(sweep, target, method, GENERIC_QUERY if method == "get" else {"sweep": "1"})
    return set(seen.names) != set(learnt.names)


@pytest.mark.parametrize(("target", "role"), cases("get"))
def test_get_with_junk_query_is_never_a_server_error(sweep, target, role):
    path = sweep.path(target)
    with recording_inputs() as seen:
        check(sweep, role, "get", path, GENERIC_QUERY, f"?{urlencode(GENERIC_QUERY)}")
    if sweeps_every_kind(sweep, target, role, "get", seen):
        for kind in JUNK_KINDS:
            query = {k: v for k, v in junk_payload(seen, kind).items() if isinstance(v, str | list)}
            check(sweep, role, "get", path, query, f"with {kind} junk {describe(query)}")


@pytest.mark.parametrize(("target", "role"), cases("post-empty"))
def test_empty_post_is_never_a_server_error(sweep, target, role):
    check(sweep, role, "post", sweep.path(target), {}, "with an empty body", may_write=True)


@pytest.mark.parametrize(("target", "role"), cases("post-junk"))
def test_junk_post_is_never_a_server_error_nor_half_saved(sweep, target, role):
    path = sweep.path(target)
    first, *others = JUNK_KINDS
    # A key in the body: `Form(request.POST or None)` binds only a non-empty POST.
    payload = junk_payload(learn(sweep, target, "post", {"sweep": "1"}), first) or GENERIC_POST
    with recording_inputs() as seen:
        check(sweep, role, "post", path, payload, f"with {first} junk {describe(payload)}", True)
    if sweeps_every_kind(sweep, target, role, "post", seen):
        for kind in others:
            payload = junk_payload(seen, kind)
            check(sweep, role, "post", path, payload, f"with {kind} junk {describe(payload)}", True)


@pytest.mark.parametrize(("target", "role", "method"), wrong_method_cases())
def test_put_patch_or_delete_is_never_a_server_error_nor_a_write(sweep, target, role, method):
    check(sweep, role, method, sweep.path(target), None, "with no body")


# The back office: the matrix has one row for the admin; here each of Agora's models in it, as a
# superuser (the cluster's staff get model permissions one by one), with the same junk.
ADMIN_QUERY = GENERIC_QUERY | {"q": UNICODE, "o": "abc", "p": "abc", "no_such_field__gte": "1"}
ADMIN_MODELS = sorted(
    f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    for model in admin.site._registry
    if model.__module__.startswith("agora.")
)


@pytest.mark.parametrize("path", ADMIN_MODELS)
def test_admin_list_and_add_take_junk_without_server_error(sweep, path):
    check(sweep, "superuser", "get", path, ADMIN_QUERY, f"?{urlencode(ADMIN_QUERY)}")
    add = path + "add/"
    with recording_inputs() as seen:
        check(sweep, "superuser", "post", add, {"sweep": "1"}, "with a form of one unknown key")
    for kind in JUNK_KINDS if seen.names else ():
        payload = junk_payload(seen, kind)
        what = f"with {kind} junk {describe(payload)}"
        check(sweep, "superuser", "post", add, payload, what, may_write=True)


# The REST API, through schemathesis: the operations of the OpenAPI document, with the world's
# objects in their paths, so that examples reach past the 404 of a made-up id.
API_SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
API_OPERATIONS = [result.ok() for result in API_SCHEMA.get_all_operations()]
API_PATH_VALUES = {
    "/api/organisations/{slug}": {"slug": "helix"},
    "/api/people/{pk}": {"pk": "{representative_person.pk}"},
    "/api/memberships/{pk}": {"pk": "{membership.pk}"},
    "/api/memberships/{pk}/confirm": {"pk": "{pending.pk}"},
    "/api/memberships/{pk}/renew": {"pk": "{membership.pk}"},
    "/api/memberships/{pk}/cancel": {"pk": "{membership.pk}"},
    "/api/partner-clusters/{slug}": {"slug": "{partner.slug}"},
}
API_EXAMPLES = 3  # per operation, role and mode (positive, negative): seconds, not minutes
KNOWN_API_FAILURES: dict[tuple[str, str], Known] = {}


def api_cases() -> list[Any]:
    """Every operation in every role, with the expected failures marked."""
    return [
        param(
            operation,
            role,
            name=f"{operation.label}-{role}",
            known=KNOWN_API_FAILURES.get((operation.label, role)),
        )
        for operation in API_OPERATIONS
        for role in ROLES
    ]


def send_case(sweep: Sweep, role: str, case: Any) -> None:
    """Send a schemathesis case with the role's token (not the credentials it made up)."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    prepared = requests.Request(
        method=kwargs["method"],
        url=kwargs["url"],
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        data=kwargs.get("data"),
    ).prepare()
    headers = {"Authorization": f"Bearer {sweep.tokens[role]}"} if role in sweep.tokens else {}
    content_type = prepared.headers.get("Content-Type", "application/octet-stream")
    body = prepared.body or b""
    with transaction.atomic():
        before = count_rows(sweep.counts_query)
        response = sweep.client("anonymous").generic(
            prepared.method, prepared.path_url, body, content_type, headers=headers
        )
        changed = changed_tables(before, count_rows(sweep.counts_query))
        transaction.set_rollback(True)
    request = f"{prepared.method} {prepared.path_url} {body[:200]!r} as {role}"
    assert response.status_code < 500, f"{request} answered {response.status_code}"
    if not 200 <= response.status_code < 300:
        assert changed == {}, f"{request} answered {response.status_code} yet changed rows"


@pytest.mark.parametrize(("operation", "role"), api_cases())
def test_api_answers_generated_input_without_server_error(sweep, operation, role):
    values = API_PATH_VALUES.get(operation.path, {})
    path_parameters = {name: value.format(**sweep.world) for name, value in values.items()}
    passes = [(mode, path_parameters) for mode in GenerationMode]
    if path_parameters:  # and made-up ids and slugs, of the right type, in the path
        passes.append((GenerationMode.POSITIVE, {}))
    for mode, fixed in passes:
        strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed)

        @hypothesis.settings(
            max_examples=API_EXAMPLES,
            derandomize=True,
            database=None,
            phases=[hypothesis.Phase.generate],
        )
        @hypothesis.given(case=strategy)
        def sends(case: Any) -> None:
            send_case(sweep, role, case)

        sends()
