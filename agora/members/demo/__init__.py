"""Demo data: `manage.py load_demo` fills an empty database with a realistic cluster.

How an app adds its demo part (events, projects, reports…): give it a module `agora/<app>/demo.py`
(or a package) with

    def load(context: DemoContext) -> None: ...   # required: add the app's demo rows
    def reset(context: DemoContext) -> None: ...  # optional: delete them (needed when its rows
                                                  # point at members' rows through PROTECT)

`load_demo` finds these modules itself, through Django's app registry and importlib: it walks
the installed apps whose name starts with `agora.` in INSTALLED_APPS order, which puts an app
after the apps it depends on (core, accounts, members, then events and projects, then reports).
It calls every `load` in that order, inside one transaction, and every `reset` in the reverse
order. So no lower app imports a higher one: the members app never names events.

The members part runs first. It leaves in the context what later parts build on:
`context.users` (the demo logins by role, see featured.LOGINS), `context.organisations` (by
slug) and `context.domains` (by code). A part may put its own objects in `context.shared` for
the parts after it, and must be deterministic: draw its randomness from `context.random(label)`
and its dates from `context.today`.
"""

import importlib
import importlib.util
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.db.models import Model

from agora.accounts.models import User
from agora.core.models import AuditEntry
from agora.members.demo.featured import LOGINS, MARKER_SLUG
from agora.members.demo.generator import generate_cluster
from agora.members.demo.writer import write_cluster
from agora.members.models import (
    Affiliation,
    CoMembershipAgreement,
    ContactMessage,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    PartnerCluster,
    Person,
    StrategicDomain,
)

# Emptied in this order by `reset`: what points at an organisation before the organisation.
MEMBERS_MODELS = (
    MembershipApplication.domains.through,
    MembershipApplication,
    ContactMessage,
    Invitation,
    Membership,
    Affiliation,
    Person,
    Organisation.domains.through,
    Organisation,
    CoMembershipAgreement,
    PartnerCluster,
)
HISTORY_MODELS = (
    # The organisation's domains history rows point at its history rows: they go first.
    Organisation.history.model._meta.get_field("historicalorganisation_domains").related_model,
    *(model.history.model for model in MEMBERS_MODELS if hasattr(model, "history")),
)


@dataclass
class DemoContext:
    """What every app's demo part receives: the day the demo stands on, and earlier parts' rows."""

    today: date
    write: Callable[[str], None]
    users: dict[str, User] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    domains: dict[str, StrategicDomain] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)

    def random(self, label: str) -> random.Random:
        """A random generator seeded by `label`: the same numbers on every run."""
        return random.Random(f"agora-demo-{label}")


def demo_modules() -> list[ModuleType]:
    """The `demo` module of every installed agora app, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("agora.") and importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


def is_demo_loaded() -> bool:
    """Whether the demo data is in the database (its featured organisation is)."""
    return Organisation.objects.filter(slug=MARKER_SLUG).exists()


def has_other_data() -> bool:
    """Whether the database holds organisations that are not the demo's."""
    return not is_demo_loaded() and Organisation.objects.exists()


@transaction.atomic
def load_all(context: DemoContext) -> None:
    """Run every app's demo `load`, dependencies first, all or nothing."""
    for module in demo_modules():
        module.load(context)


@transaction.atomic
def reset_all(context: DemoContext) -> None:
    """Run every app's demo `reset`, in the reverse order of loading."""
    for module in reversed(demo_modules()):
        reset_part = getattr(module, "reset", None)
        if reset_part is not None:
            reset_part(context)


def load(context: DemoContext) -> None:
    """The members part: organisations, people, memberships, partners, logins, applications."""
    objects = write_cluster(generate_cluster(context.today), context.today)
    context.users = objects["users"]
    context.organisations = objects["organisations"]
    context.domains = objects["domains"]
    context.write(f"Members: {len(context.organisations)} organisations, {len(LOGINS)} logins.")


def reset(context: DemoContext) -> None:
    """Empty the members domain's tables and their history, delete the demo logins, and empty
    the audit log: load_demo fills only an empty database, so every entry is about demo rows
    (the other parts run before this one)."""
    empty_tables((*MEMBERS_MODELS, *HISTORY_MODELS, AuditEntry))
    emails = [login.email for login in LOGINS]
    User.objects.filter(email__in=emails).delete()
    context.write("Members: demo data deleted.")


def empty_tables(models: tuple[type[Model], ...]) -> None:
    """One DELETE per table: the ORM would send per-row signals and write history for each row."""
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
