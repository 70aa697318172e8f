"""Reads of calls and projects; `access_*` functions 404 for anyone the project is hidden from.

A project is confidential: only its consortium (people currently affiliated with a partner
organisation), the staff, and the experts assigned to it who signed the confidentiality and
no-conflict declaration may see it. Everyone else gets a 404, as if it did not exist.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from agora.accounts.models import AnyUser, User
from agora.core.audit import list_audit_entries
from agora.core.models import AuditEntry
from agora.members.models import Affiliation, Organisation
from agora.members.selectors import (
    current_affiliations,
    list_member_organisations,
    list_user_organisations,
)
from agora.projects.models import Assignment, Attachment, Call, Partner, Project

SIGNED_STATES = (Assignment.State.ACCEPTED, Assignment.State.SUBMITTED)
# The jury of a call reads its projects from the evaluation on (the scores it weighs).
JURY_STATES = (
    Project.State.UNDER_EVALUATION,
    Project.State.JURY,
    Project.State.LABELLED,
    Project.State.NOT_LABELLED,
    Project.State.FUNDED,
    Project.State.NOT_FUNDED,
    Project.State.FOLLOW_UP,
    Project.State.CLOSED,
)
OUT_OF_QUEUE = (
    Project.State.DRAFT,
    Project.State.INELIGIBLE,
    Project.State.NOT_LABELLED,
    Project.State.NOT_FUNDED,
    Project.State.CLOSED,
)


def list_consortium_organisation_ids(project: Project) -> list[int]:
    """The member organisations of the project's consortium."""
    return list(
        project.partners.filter(organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


def is_consortium_member(user: AnyUser, project: Project) -> bool:
    """Whether the user is currently affiliated with an organisation of the consortium."""
    return (
        list_user_organisations(user)
        .filter(pk__in=list_consortium_organisation_ids(project))
        .exists()
    )


def list_recused_projects(user: AnyUser, call: Call) -> QuerySet[Project]:
    """The call's projects the user does not judge: their organisation is in the consortium.
    None for the staff, who run the call."""
    if user.is_staff:
        return Project.objects.none()
    organisations = list_user_organisations(user).values("pk")
    return Project.objects.filter(call=call, partners__organisation__in=organisations).distinct()


def is_coordinator_representative(user: AnyUser, project: Project) -> bool:
    """Whether the user currently represents the coordinator organisation."""
    coordinator = project.partners.filter(is_coordinator=True, organisation__isnull=False)
    return (
        list_user_organisations(user, role=Affiliation.Role.REPRESENTATIVE)
        .filter(pk__in=coordinator.values("organisation_id"))
        .exists()
    )


def is_cleared_expert(user: AnyUser, project: Project) -> bool:
    """Whether the user is an expert assigned to the project who signed the declaration."""
    if not user.is_authenticated:
        return False
    return Assignment.objects.filter(
        project=project,
        expert__person__user=user,
        state__in=SIGNED_STATES,
        declaration_signed_at__isnull=False,
    ).exists()


def is_jury_member(user: AnyUser, project: Project) -> bool:
    """Whether the user sits on the jury of the project's call."""
    if not user.is_authenticated or project.call_id is None:
        return False
    return Call.jury.through.objects.filter(call_id=project.call_id, user_id=user.pk).exists()


def access_jury_project(user: AnyUser, pk: int) -> Project:
    """A project for the jury's decision page, or Http404.

    The staff reach any project; a jury member only the projects of their own call that are
    under evaluation or further on (never a draft or a submission still being checked), and
    none of their own organisation's consortium.
    """
    project = Project.objects.select_related("call").filter(pk=pk).first()
    if project is None or not user.is_authenticated:
        raise Http404
    if user.is_staff:
        return project
    if project.state not in JURY_STATES or not is_jury_member(user, project):
        raise Http404
    if is_consortium_member(user, project):
        raise Http404
    return project


def can_see_project(user: AnyUser, project: Project) -> bool:
    """Whether the project is visible to the user at all."""
    if not user.is_authenticated:
        return False
    return user.is_staff or is_consortium_member(user, project) or is_cleared_expert(user, project)


def access_project(user: AnyUser, pk: int) -> Project:
    """The project, or Http404 unless the consortium, the staff or a cleared expert asks."""
    project = (
        Project.objects.select_related("call", "co_labelling_partner", "submitted_diagnosis")
        .filter(pk=pk)
        .first()
    )
    if project is None or not can_see_project(user, project):
        raise Http404
    return project


def access_attachment(user: AnyUser, project_pk: int, pk: int) -> Attachment:
    """An attachment of a project the user may see, or Http404."""
    project = access_project(user, project_pk)
    attachment = Attachment.objects.filter(project=project, pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment


def list_my_projects(user: AnyUser) -> QuerySet[Project]:
    """Projects whose consortium includes an organisation the user is affiliated with."""
    partners = Partner.objects.filter(organisation__in=list_user_organisations(user))
    return with_summary(Project.objects.filter(pk__in=partners.values("project_id")))


def list_all_projects(*, call: str = "", state: str = "") -> QuerySet[Project]:
    """Every project, for the staff, narrowed to a call (its slug) and a state."""
    projects = Project.objects.all()
    if call:
        projects = projects.filter(call__slug=call)
    if state:
        projects = projects.filter(state=state)
    return with_summary(projects)


def with_summary(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Projects with their call, coordinator and total budget, for lists."""
    coordinators = Partner.objects.filter(is_coordinator=True).select_related("organisation")
    return (
        projects.select_related("call")
        .prefetch_related(Prefetch("partners", coordinators, to_attr="coordinators"))
        .annotate(total_budget=Sum("partners__budget"), partner_count=Count("partners"))
        .order_by("-created_at", "-pk")
    )


def list_staff_queue(*, call: str = "") -> dict[str, list[Project]]:
    """Submitted projects by state (drafts and finished ones left out), for the staff's queue."""
    projects = list_all_projects(call=call).exclude(state__in=OUT_OF_QUEUE)
    queue: dict[str, list[Project]] = {}
    for project in projects.order_by("submitted_at", "pk"):
        queue.setdefault(project.state, []).append(project)
    return {state: queue[state] for state in Project.State.values if state in queue}


def list_published_calls() -> dict[str, list[Call]]:
    """Published calls, as open, upcoming and closed."""
    now = timezone.now()
    calls = Call.objects.filter(is_published=True).prefetch_related("domains")
    return {
        "open": list(calls.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")),
        "upcoming": list(calls.filter(opens_at__gt=now).order_by("opens_at")),
        "closed": list(calls.filter(closes_at__lte=now).order_by("-closes_at")),
    }


def list_open_calls() -> QuerySet[Call]:
    """Calls a project may be created for now."""
    now = timezone.now()
    return Call.objects.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)


def access_call(user: AnyUser, slug: str) -> Call:
    """A published call (the staff also see unpublished ones), or Http404."""
    calls = Call.objects.prefetch_related("domains", "criteria")
    if not user.is_staff:
        calls = calls.filter(is_published=True)
    call = calls.filter(slug=slug).first()
    if call is None:
        raise Http404
    return call


def list_creatable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Member organisations in good standing the user may coordinate a project for."""
    return list_member_organisations().filter(pk__in=list_user_organisations(user).values("pk"))


@dataclass(frozen=True)
class ProjectPage:
    partners: list[Partner]
    total_budget: Decimal
    attachments: list[Attachment]
    history: list[AuditEntry]


def get_project_page(project: Project) -> ProjectPage:
    """What the project page shows beyond the project's own fields."""
    partners = list(project.partners.select_related("organisation"))
    history = list_audit_entries(project).filter(action__startswith="projects.project.")
    return ProjectPage(
        partners=partners,
        total_budget=sum((partner.budget for partner in partners), start=Decimal("0.00")),
        attachments=list(project.attachments.all()),
        history=list(history.order_by("created_at", "pk")),
    )


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str  # the user's preferred language, else the site's


def language_of(user: User | None) -> str:
    """The language a user reads their e-mails in."""
    return (user.preferred_language if user is not None else "") or settings.LANGUAGE_CODE


def list_consortium_recipients(project: Project) -> list[Recipient]:
    """The representatives of every partner organisation, by e-mail address."""
    affiliations = Affiliation.objects.filter(
        current_affiliations(),
        role=Affiliation.Role.REPRESENTATIVE,
        organisation_id__in=list_consortium_organisation_ids(project),
    ).select_related("person__user")
    recipients: dict[str, Recipient] = {}
    for affiliation in affiliations:
        user = affiliation.person.user
        email = affiliation.person.email or (user.email if user else "")
        if email:
            recipients.setdefault(email, Recipient(email, language_of(user)))
    return [recipients[email] for email in sorted(recipients)]


def list_staff_recipients() -> list[Recipient]:
    """Where staff notifications go, in the language of the account with that address if any."""
    emails = list(settings.AGORA_STAFF_EMAILS)
    users = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    return [Recipient(email, language_of(users.get(email))) for email in emails]


def list_jury_recipients(project: Project) -> list[Recipient]:
    """The jury of the project's call."""
    if project.call_id is None:
        return []
    jury = (
        get_user_model()
        .objects.filter(
            pk__in=Call.jury.through.objects.filter(call_id=project.call_id).values("user_id")
        )
        .exclude(email="")
        .order_by("email")
    )
    return [Recipient(user.email, language_of(user)) for user in jury]
