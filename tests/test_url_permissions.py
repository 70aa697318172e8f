"""Every URL of Agora, every role: the exact status; denied writes and GETs change nothing.

The test fails when a URL pattern is added without a row here, so no page escapes the matrix.
Third-party URL trees (the Django admin, allauth's account pages) get one row each for their
entry point; the language switch is a public POST.
"""

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from agora.core.models import AuditEntry
from agora.members.models import Membership, MembershipApplication, Organisation, Person
from tests.events_world import events_snapshot
from tests.members_world import make_world
from tests.projects_world import projects_snapshot
from tests.reports_world import reports_snapshot

ROLES = ("anonymous", "member", "representative", "outsider", "expert", "staff")
THIRD_PARTY = ("admin/", "accounts/", "i18n/", "^media/")


@dataclass(frozen=True)
class Row:
    name: str
    path: str  # formatted with the objects of `world`
    expected: tuple[int, ...]  # one status per role, in ROLES order
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    json: bool = False
    writers: tuple[str, ...] = ("staff",)  # roles whose write may change something


PUBLIC = (200,) * 6
SIGNED_IN = (302, 200, 200, 200, 200, 200)
STAFF_PAGE = (302, 404, 404, 404, 404, 200)
STAFF_ACTION = (302, 404, 404, 404, 404, 302)
API_PUBLIC = PUBLIC
API_SIGNED_IN = (401, 200, 200, 200, 200, 200)
API_OWN_ORG = (401, 200, 200, 404, 404, 200)
API_STAFF_WRITE = (401, 403, 403, 403, 403, 201)
# Confirmed participants of the event; the expert and the staff are not registered.
PARTICIPANT = (302, 200, 200, 200, 404, 404)

# The objects of these paths are described in tests/events_world.py; paths with placeholders
# are plain strings (not f-strings) so that their braces reach str.format. No role of the cast
# organises the event but the staff: agora/events/tests/test_organiser_permissions.py runs every
# "/manage" row below for a named organiser and a co-organiser's representative too.
EVENT = "/events/cluster-day"
EVENTS_ROWS = [
    Row("events:event-list", "/events/", PUBLIC),
    Row("events:my-registrations", "/events/my/", SIGNED_IN),
    Row("events:event-manage-list", "/events/manage/", STAFF_PAGE),
    Row("events:event-detail", f"{EVENT}/", PUBLIC),
    Row("events:event-dashboard", f"{EVENT}/manage/", STAFF_PAGE),
    # The participants are registered already: they are sent back to the event page.
    Row("events:registration-create", f"{EVENT}/register/", (302, 302, 302, 302, 200, 200)),
    Row(
        "events:registration-colleagues",
        f"{EVENT}/register/colleagues/helix/",
        (302, 404, 200, 404, 404, 200),
    ),
    Row(
        "events:registration-cancel",
        EVENT + "/registrations/{member_registration.pk}/cancel/",
        (302, 302, 302, 404, 404, 302),
        method="post",
        writers=("member", "representative", "staff"),
    ),
    Row("events:participant-list", f"{EVENT}/participants/", (302, 200, 200, 200, 404, 200)),
    Row("events:registration-list", f"{EVENT}/manage/registrations/", STAFF_PAGE),
    Row(
        "events:registration-add",
        f"{EVENT}/manage/registrations/add/",
        STAFF_ACTION,
        method="post",
        data={"first_name": "Émile", "last_name": "Noël", "email": "emile@example.org"},
    ),
    Row(
        "events:waiting-list-promote",
        f"{EVENT}/manage/waiting-list/promote/",
        STAFF_ACTION,
        method="post",
    ),
    Row("events:registration-export", f"{EVENT}/manage/registrations.csv", STAFF_PAGE),
    Row("events:check-in-list", f"{EVENT}/manage/check-in/", STAFF_PAGE),
    Row(
        "events:registration-check-in",
        EVENT + "/manage/check-in/{member_registration.pk}/",
        STAFF_ACTION,
        method="post",
        data={"is_present": "1"},
    ),
    Row("events:check-in-pdf", f"{EVENT}/manage/check-in.pdf", STAFF_PAGE),
    Row("events:badges-pdf", f"{EVENT}/manage/badges.pdf", STAFF_PAGE),
    Row("events:badges", f"{EVENT}/manage/badges/", STAFF_PAGE),
    Row("events:badges-prepare", f"{EVENT}/manage/badges/prepare/", STAFF_ACTION, method="post"),
    Row("events:badges-download", f"{EVENT}/manage/badges/download.pdf", STAFF_PAGE),
    Row("events:b2b-profile", f"{EVENT}/b2b/profile/", PARTICIPANT),
    Row("events:b2b-opportunity-create", f"{EVENT}/b2b/opportunities/new/", PARTICIPANT),
    # The opportunity is the representative's: nobody else sees its form.
    Row(
        "events:b2b-opportunity-edit",
        EVENT + "/b2b/opportunities/{opportunity.pk}/edit/",
        (302, 404, 200, 404, 404, 404),
    ),
    Row(
        "events:b2b-opportunity-delete",
        EVENT + "/b2b/opportunities/{opportunity.pk}/delete/",
        (302, 404, 302, 404, 404, 404),
        method="post",
        writers=("representative",),
    ),
    Row("events:b2b-marketplace", f"{EVENT}/b2b/marketplace/", PARTICIPANT),
    # The outsider's own form answers 200; sending it is refused (a meeting with oneself).
    Row(
        "events:b2b-request-create",
        EVENT + "/b2b/participants/{outsider_registration.pk}/request/",
        PARTICIPANT,
    ),
    Row("events:b2b-request-list", f"{EVENT}/b2b/requests/", PARTICIPANT),
    # The pending request: the outsider asked the representative. Only they two see it; the
    # requester sees it but may not decide it (403), the recipient may not withdraw it (403).
    Row(
        "events:b2b-request-detail",
        EVENT + "/b2b/requests/{pending_request.pk}/",
        (302, 404, 200, 200, 404, 404),
    ),
    Row(
        "events:b2b-request-accept",
        EVENT + "/b2b/requests/{pending_request.pk}/accept/",
        (302, 404, 302, 403, 404, 404),
        method="post",
        writers=("representative",),
    ),
    Row(
        "events:b2b-request-decline",
        EVENT + "/b2b/requests/{pending_request.pk}/decline/",
        (302, 404, 302, 403, 404, 404),
        method="post",
        writers=("representative",),
    ),
    Row(
        "events:b2b-request-cancel",
        EVENT + "/b2b/requests/{pending_request.pk}/cancel/",
        (302, 404, 403, 302, 404, 404),
        method="post",
        writers=("outsider",),
    ),
    Row("events:b2b-manage", f"{EVENT}/manage/b2b/", STAFF_PAGE),
    Row(
        "events:b2b-slots-generate",
        f"{EVENT}/manage/b2b/slots/",
        STAFF_ACTION,
        method="post",
        data={
            "session": "afternoon",
            "starts_at": "2030-11-20 14:00",
            "ends_at": "2030-11-20 15:00",
            "minutes": "30",
        },
    ),
    Row(
        "events:b2b-slot-delete",
        EVENT + "/manage/b2b/slots/{free_slot.pk}/delete/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "events:b2b-tables-add",
        f"{EVENT}/manage/b2b/tables/",
        STAFF_ACTION,
        method="post",
        data={"count": "3", "name_prefix": "T"},
    ),
    Row(
        "events:b2b-table-rename",
        EVENT + "/manage/b2b/tables/{table.pk}/",
        STAFF_ACTION,
        method="post",
        data={"name": "Booth A"},
    ),
    Row(
        "events:b2b-home-table-assign",
        f"{EVENT}/manage/b2b/home-tables/",
        STAFF_ACTION,
        method="post",
        data={"profile": "{representative_profile.pk}", "table": "{table.pk}"},
    ),
    Row(
        "events:b2b-request-cap-set",
        f"{EVENT}/manage/b2b/cap/",
        STAFF_ACTION,
        method="post",
        data={"request_cap": "3"},
    ),
    Row(
        "events:b2b-rule-add",
        f"{EVENT}/manage/b2b/rules/",
        STAFF_ACTION,
        method="post",
        data={"requester_kind": "startup", "recipient_kind": "investor"},
    ),
    Row(
        "events:b2b-rule-remove",
        EVENT + "/manage/b2b/rules/{rule.pk}/delete/",
        STAFF_ACTION,
        method="post",
    ),
    Row("events:b2b-request-overview", f"{EVENT}/manage/b2b/requests/", STAFF_PAGE),
    Row("events:schedule-detail", f"{EVENT}/manage/schedule/", STAFF_PAGE),
    Row("events:schedule-run", f"{EVENT}/manage/schedule/run/", STAFF_ACTION, method="post"),
    Row(
        "events:schedule-publish",
        EVENT + "/manage/schedule/runs/{run.pk}/publish/",
        STAFF_ACTION,
        method="post",
    ),
    # Sent without a file: the staff reach the form and are told it is missing (400).
    Row(
        "events:schedule-import",
        f"{EVENT}/manage/schedule/import/",
        (302, 404, 404, 404, 404, 400),
        method="post",
    ),
    Row("events:schedule-instance", f"{EVENT}/manage/schedule/instance.json", STAFF_PAGE),
    Row("events:schedule-solution", f"{EVENT}/manage/schedule/solution.json", STAFF_PAGE),
    Row("events:schedule-updates", f"{EVENT}/manage/schedule/updates/", STAFF_PAGE),
    Row(
        "events:schedule-updates-automatic",
        f"{EVENT}/manage/schedule/updates/automatic/",
        STAFF_ACTION,
        method="post",
        data={"is_on": "off"},
    ),
    Row("events:agenda", f"{EVENT}/agenda/", PARTICIPANT),
    Row("events:agenda-pdf", f"{EVENT}/agenda.pdf", PARTICIPANT),
    Row("events:agenda-ics", f"{EVENT}/agenda.ics", PARTICIPANT),
    # The published meeting is the member's and the outsider's.
    Row(
        "events:meeting-feedback",
        EVENT + "/agenda/meetings/{meeting.pk}/feedback/",
        (302, 200, 404, 200, 404, 404),
    ),
    # No login: the token in the address is the secret.
    Row("events:agenda-feed", "/events/feed/{member_registration.calendar_token}.ics", PUBLIC),
]

# The objects of these paths are described in tests/projects_world.py. Both projects are
# confidential: the consortium (member, representative) and the staff see them, the outsider gets
# 404, and so does the expert except on the project whose declaration they signed ("evaluated").
DRAFT = "/projects/{draft.pk}"
EVALUATED = "/projects/{evaluated.pk}"
CALL = "/projects/calls/call-2030"
CONSORTIUM = (302, 200, 200, 404, 404, 200)
CONSORTIUM_ACTION = (302, 302, 302, 404, 404, 302)
CONSORTIUM_WRITERS = ("member", "representative", "staff")
# The consortium, the staff and the expert cleared to evaluate the project.
CLEARED = (302, 200, 200, 404, 200, 200)
# The expert's own profile, assignment and evaluation: nobody else's business, the staff's neither.
EXPERT_OWN = (302, 404, 404, 404, 200, 404)
PROJECTS_ROWS = [
    Row("projects:call-list", "/projects/calls/", PUBLIC),
    Row("projects:call-detail", f"{CALL}/", PUBLIC),
    Row("projects:project-list", "/projects/", SIGNED_IN),
    # Projects are started by member organisations: the expert and the staff have none.
    Row("projects:project-create", "/projects/new/", (302, 200, 200, 200, 404, 404)),
    Row("projects:project-queue", "/projects/staff/", STAFF_PAGE),
    Row("projects:project-detail", DRAFT + "/", CONSORTIUM),
    Row("projects:project-detail", EVALUATED + "/", CLEARED),
    Row("projects:project-edit", DRAFT + "/edit/", CONSORTIUM),
    Row(
        "projects:project-edit",
        DRAFT + "/edit/",
        CONSORTIUM_ACTION,
        method="post",
        data={"acronym": "X", "title": "X"},
        writers=CONSORTIUM_WRITERS,
    ),
    Row("projects:partner-list", DRAFT + "/consortium/", CONSORTIUM),
    Row(
        "projects:partner-list",
        DRAFT + "/consortium/",
        CONSORTIUM_ACTION,
        method="post",
        data={"external_name": "Lab Extern", "budget": "1000"},
        writers=CONSORTIUM_WRITERS,
    ),
    Row("projects:partner-edit", DRAFT + "/consortium/{draft_partner.pk}/edit/", CONSORTIUM),
    Row(
        "projects:partner-remove",
        DRAFT + "/consortium/{draft_partner.pk}/remove/",
        CONSORTIUM_ACTION,
        method="post",
        writers=CONSORTIUM_WRITERS,
    ),
    Row(
        "projects:partner-coordinator",
        DRAFT + "/consortium/{draft_partner.pk}/coordinator/",
        CONSORTIUM_ACTION,
        method="post",
        writers=CONSORTIUM_WRITERS,
    ),
    Row("projects:attachment-add", DRAFT + "/attachments/add/", CONSORTIUM),
    Row("projects:attachment-download", DRAFT + "/attachments/{attachment.pk}/", CONSORTIUM),
    Row(
        "projects:attachment-delete",
        DRAFT + "/attachments/{attachment.pk}/delete/",
        CONSORTIUM_ACTION,
        method="post",
        writers=CONSORTIUM_WRITERS,
    ),
    # Only a representative of the coordinator submits (the member and the staff: 403).
    Row(
        "projects:project-transition",
        DRAFT + "/actions/submit/",
        (302, 403, 302, 404, 404, 403),
        method="post",
        writers=("representative",),
    ),
    # A staff action: those who see the project are refused (403), the others do not see it.
    Row(
        "projects:project-transition",
        EVALUATED + "/actions/send_to_jury/",
        (302, 403, 403, 404, 403, 302),
        method="post",
    ),
    Row("projects:milestone-add", EVALUATED + "/milestones/add/", STAFF_PAGE),
    # Milestones are planned once the follow-up starts: the staff are refused (409) before.
    Row(
        "projects:milestone-add",
        EVALUATED + "/milestones/add/",
        (302, 404, 404, 404, 404, 409),
        method="post",
        data={"title": "Final report", "due_on": "2031-12-31", "is_final": "1"},
    ),
    Row(
        "projects:milestone-reach",
        EVALUATED + "/milestones/{milestone.pk}/reached/",
        STAFF_PAGE,
    ),
    Row("projects:diagnosis-list", EVALUATED + "/maturity/", CLEARED),
    # Out of evaluation, no expert reads a project's diagnoses.
    Row("projects:diagnosis-list", DRAFT + "/maturity/", CONSORTIUM),
    Row("projects:diagnosis-create", EVALUATED + "/maturity/new/", CONSORTIUM),
    Row("projects:diagnosis-detail", "/projects/maturity/{diagnosis.pk}/", CLEARED),
    Row("projects:diagnosis-pdf", "/projects/maturity/{diagnosis.pk}/pdf/", CLEARED),
    Row(
        "projects:target-set",
        "/projects/maturity/{diagnosis.pk}/targets/",
        CONSORTIUM_ACTION,
        method="post",
        data={"dimension": "TECH", "level": "2", "due_on": "2030-06-30"},
        writers=CONSORTIUM_WRITERS,
    ),
    Row(
        "projects:action-point-add",
        "/projects/maturity/{diagnosis.pk}/actions/",
        CONSORTIUM_ACTION,
        method="post",
        data={"dimension": "TECH", "text": "File a patent.", "due_on": "2030-09-30"},
        writers=CONSORTIUM_WRITERS,
    ),
    Row(
        "projects:action-point-complete",
        "/projects/maturity/actions/{action.pk}/done/",
        CONSORTIUM_ACTION,
        method="post",
        writers=CONSORTIUM_WRITERS,
    ),
    Row("projects:expert-list", "/projects/experts/", STAFF_PAGE),
    Row("projects:expert-me", "/projects/experts/me/", EXPERT_OWN),
    Row(
        "projects:expert-conflict-add",
        "/projects/experts/me/conflicts/",
        (302, 404, 404, 404, 302, 404),
        method="post",
        data={"organisation": "{third.pk}", "reason": "Consultant."},
        writers=("expert",),
    ),
    Row(
        "projects:expert-conflict-remove",
        "/projects/experts/me/conflicts/{conflict.pk}/remove/",
        (302, 404, 404, 404, 302, 404),
        method="post",
        writers=("expert",),
    ),
    Row("projects:call-assignment", f"{CALL}/assignment/", STAFF_PAGE),
    Row("projects:assignment-run", f"{CALL}/assignment/run/", STAFF_ACTION, method="post"),
    Row("projects:assignment-invite", f"{CALL}/assignment/invite/", STAFF_ACTION, method="post"),
    Row(
        "projects:assignment-swap",
        CALL + "/assignment/{proposed.pk}/swap/",
        STAFF_ACTION,
        method="post",
        data={"expert": "{spare.pk}"},
    ),
    Row(
        "projects:assignment-lock",
        CALL + "/assignment/{proposed.pk}/lock/",
        STAFF_ACTION,
        method="post",
        data={"is_locked": "1"},
    ),
    Row(
        "projects:assignment-remove",
        CALL + "/assignment/{proposed.pk}/remove/",
        STAFF_ACTION,
        method="post",
    ),
    # The staff and the call's jury (whose juror is none of the roles).
    Row("projects:call-results", f"{CALL}/results/", STAFF_PAGE),
    Row("projects:evaluations-csv", f"{CALL}/evaluations.csv", STAFF_PAGE),
    Row("projects:evaluations-xlsx", f"{CALL}/evaluations.xlsx", STAFF_PAGE),
    Row("projects:project-decision", EVALUATED + "/decision/", STAFF_PAGE),
    Row("projects:assignment-list", "/projects/evaluations/", SIGNED_IN),
    Row(
        "projects:assignment-declaration",
        "/projects/evaluations/{signed.pk}/declaration/",
        EXPERT_OWN,
    ),
    Row("projects:evaluation-edit", "/projects/evaluations/{signed.pk}/evaluate/", EXPERT_OWN),
]

# The objects of these paths are described in tests/reports_world.py. Drafts, exports and the
# dashboard are the staff's; a published report and the definitions are public.
REPORTS_ROWS = [
    Row("reports:report-list", "/reports/", PUBLIC),
    Row("reports:report-detail", "/reports/{published_report.year}/", PUBLIC),
    Row("reports:report-detail", "/reports/{draft_report.year}/", (404,) * 6),
    Row("reports:report-pdf", "/reports/{published_report.year}/pdf/", PUBLIC),
    Row("reports:report-pdf", "/reports/{draft_report.year}/pdf/", (404,) * 6),
    Row("reports:indicator-list", "/reports/indicators/", PUBLIC),
    Row("reports:indicator-detail", "/reports/indicators/members/", PUBLIC),
    Row("reports:indicator-export", "/reports/indicators/members.csv", STAFF_PAGE),
    Row("reports:indicator-export", "/reports/indicators/members.xlsx", STAFF_PAGE),
    Row("reports:dashboard", "/reports/staff/", STAFF_PAGE),
    Row("reports:report-edit", "/reports/staff/{draft_report.year}/", STAFF_PAGE),
    Row(
        "reports:report-edit",
        "/reports/staff/{draft_report.year}/",
        STAFF_ACTION,
        method="post",
        data={"introduction_en": "Dear members"},
    ),
    # Staff get the form back with fresh highlights (nothing is saved).
    Row(
        "reports:report-regenerate",
        "/reports/staff/{draft_report.year}/highlights/",
        STAFF_PAGE,
        method="post",
    ),
    Row(
        "reports:report-publish",
        "/reports/staff/{draft_report.year}/publish/",
        STAFF_ACTION,
        method="post",
    ),
    Row("reports:report-preview-pdf", "/reports/staff/{draft_report.year}/pdf/", STAFF_PAGE),
    Row("reports:facts-list", "/reports/facts/", SIGNED_IN),
    Row("reports:facts-edit", "/reports/facts/helix/{facts_year}/", (302, 404, 200, 404, 404, 200)),
    Row(
        "reports:facts-edit",
        "/reports/facts/helix/{facts_year}/",
        (302, 404, 302, 404, 404, 302),
        method="post",
        data={"employees": "12"},
        writers=("representative", "staff"),
    ),
]

ROWS = [
    Row("members:home", "/", PUBLIC),
    Row("members:directory", "/members/", PUBLIC),
    Row("members:organisation-detail", "/members/helix/", PUBLIC),
    Row("members:application-create", "/join/", PUBLIC),
    Row("members:application-thanks", "/join/thanks/", PUBLIC),
    Row("members:contact", "/contact/", PUBLIC),
    Row("members:partner-list", "/partners/", PUBLIC),
    Row("members:portal", "/portal/", SIGNED_IN),
    Row("members:organisation-edit", "/portal/helix/edit/", (302, 404, 200, 404, 404, 200)),
    Row("members:organisation-team", "/portal/helix/team/", (302, 200, 200, 404, 404, 200)),
    Row("members:invitation-accept", "/invitations/{invitation.token}/", SIGNED_IN),
    Row("members:application-list", "/staff/applications/", STAFF_PAGE),
    Row("members:application-detail", "/staff/applications/{application.pk}/", STAFF_PAGE),
    Row(
        "members:application-approve",
        "/staff/applications/{application.pk}/approve/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "members:application-reject",
        "/staff/applications/{application.pk}/reject/",
        STAFF_ACTION,
        method="post",
        data={"note": "Outside our domains."},
    ),
    Row("members:organisation-staff", "/staff/organisations/helix/", STAFF_PAGE),
    Row("members:membership-detail", "/staff/memberships/{membership.pk}/", STAFF_PAGE),
    Row(
        "members:membership-confirm",
        "/staff/memberships/{pending.pk}/confirm/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "members:membership-renew",
        "/staff/memberships/{membership.pk}/renew/",
        STAFF_ACTION,
        method="post",
    ),
    Row(
        "members:membership-cancel",
        "/staff/memberships/{membership.pk}/cancel/",
        STAFF_ACTION,
        method="post",
        data={"reason": "Resigned."},
    ),
    # django-ninja answers its bare root with 404 (it exists to anchor reverse()).
    Row("api:api-root", "/api/", (404,) * 6),
    Row("api:openapi-json", "/api/openapi.json", API_PUBLIC),
    Row("api:openapi-view", "/api/docs", API_PUBLIC),
    Row("api:list_organisations", "/api/organisations/", API_PUBLIC),
    Row("api:get_organisation", "/api/organisations/helix", API_PUBLIC),
    Row(
        "api:create_organisation",
        "/api/organisations/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={"legal_name": "Nova Cell SA", "kind": "startup", "region": "wallonia"},
    ),
    Row(
        "api:update_organisation",
        "/api/organisations/helix",
        (401, 403, 403, 403, 403, 200),
        method="patch",
        json=True,
        data={"short_name": "Helix"},
    ),
    Row("api:list_people", "/api/people/", API_SIGNED_IN),
    Row("api:get_person", "/api/people/{representative_person.pk}", API_OWN_ORG),
    Row(
        "api:create_person",
        "/api/people/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={"first_name": "Ana", "last_name": "Costa", "email": "ana@example.org"},
    ),
    Row("api:list_memberships", "/api/memberships/", API_SIGNED_IN),
    Row("api:get_membership", "/api/memberships/{membership.pk}", API_OWN_ORG),
    Row(
        "api:create_membership",
        "/api/memberships/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={"organisation": "newcomer", "type": "full", "start_date": "2031-01-01"},
    ),
    Row(
        "api:confirm_membership",
        "/api/memberships/{pending.pk}/confirm",
        (401, 403, 403, 403, 403, 200),
        method="post",
        json=True,
        data={},
    ),
    Row(
        "api:renew_membership",
        "/api/memberships/{membership.pk}/renew",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={},
    ),
    Row(
        "api:cancel_membership",
        "/api/memberships/{membership.pk}/cancel",
        (401, 403, 403, 403, 403, 200),
        method="post",
        json=True,
        data={"reason": "Resigned."},
    ),
    Row("api:list_partner_clusters", "/api/partner-clusters/", API_PUBLIC),
    Row("api:get_partner_cluster", "/api/partner-clusters/{partner.slug}", API_PUBLIC),
    Row(
        "api:create_partner_cluster",
        "/api/partner-clusters/",
        API_STAFF_WRITE,
        method="post",
        json=True,
        data={
            "name": "Cluster Santé Est",
            "slug": "sante-est",
            "country": "FR",
            "region": "abroad",
        },
    ),
    Row(
        "set_language",
        "/i18n/setlang/",
        (302,) * 6,
        method="post",
        data={"language": "fr"},
        writers=ROLES,
    ),
    Row("admin:index", "/admin/", (302, 302, 302, 302, 302, 200)),
    Row("account_login", "/accounts/login/", (200, 302, 302, 302, 302, 302)),
    *EVENTS_ROWS,
    *PROJECTS_ROWS,
    *REPORTS_ROWS,
]


def url_names(patterns: list, namespace: str = "", prefix: str = "") -> list[str]:
    """Every named URL pattern of the project outside the third-party trees."""
    names = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(THIRD_PARTY):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += url_names(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern):
            names.append(f"{namespace}{pattern.name}")
    return names


def row_of(entry: Any) -> Row:
    """The row itself, also when it is wrapped in pytest.param (an expected failure)."""
    return entry if isinstance(entry, Row) else entry.values[0]


def test_every_url_pattern_has_a_row():
    covered = {row_of(entry).name for entry in ROWS}
    names = set(url_names(get_resolver().url_patterns))
    assert sorted(names - covered) == []


@pytest.fixture
def world(cast, staff_with_totp, settings, tmp_path):
    """The objects the URLs of the matrix point at (tests/members_world.py and the app worlds)."""
    # Attachments are stored privately: a temporary folder, never the real one.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return make_world(cast)


def snapshot() -> tuple:
    """What a denied write must leave as it was."""
    return (
        AuditEntry.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
        list(Membership.objects.values_list("pk", "confirmed_on", "cancelled_on").order_by("pk")),
        list(MembershipApplication.objects.values_list("pk", "state").order_by("pk")),
        list(Organisation.objects.values_list("short_name", flat=True).order_by("pk")),
        events_snapshot(),
        projects_snapshot(),
        reports_snapshot(),
    )


def fill(value: Any, world: dict[str, Any]) -> Any:
    """A form value, with the objects of `world` put in its placeholders."""
    return value.format(**world) if isinstance(value, str) else value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_role_gets_exactly_the_expected_status(client, cast, world, row, role):
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    path = row.path.format(**world)
    data = {key: fill(value, world) for key, value in row.data.items()}
    before = snapshot()
    send = getattr(client, row.method)
    options = {"content_type": "application/json"} if row.json else {}
    response = send(path, data, **options)
    if response.streaming:  # a download: read to its end, so the test client closes its file
        b"".join(response.streaming_content)
    expected = row.expected[ROLES.index(role)]
    assert response.status_code == expected
    if row.method == "get" or role not in row.writers:
        assert snapshot() == before
