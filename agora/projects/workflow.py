"""The project workflow as an explicit table: state, action, target state, who may, what it needs.

Services apply it (agora.projects.services.workflow); this module only describes it and checks
the pre-conditions, which raise DomainError with the message shown to people.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

import rules
from django.db.models import Sum
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agora.accounts.models import AnyUser
from agora.core.errors import ConflictError, DomainError
from agora.core.money import amount
from agora.projects.models import Assignment, Call, Milestone, Project
from agora.projects.selectors.projects import (
    is_consortium_member,
    is_coordinator_representative,
    is_jury_member,
)

State = Project.State


class Who(StrEnum):
    COORDINATOR = "coordinator"  # a representative of the coordinator organisation
    STAFF = "staff"
    JURY = "jury"  # a member of the jury of the project's call, or the staff


class Notify(StrEnum):
    CONSORTIUM = "consortium"  # the representatives of every partner organisation
    STAFF = "staff"  # settings.AGORA_STAFF_EMAILS
    JURY = "jury"  # the jury of the project's call


@rules.predicate
def coordinator_representative(user: AnyUser, project: Project) -> bool:
    return is_coordinator_representative(user, project)


@rules.predicate
def consortium_member(user: AnyUser, project: Project) -> bool:
    return is_consortium_member(user, project)


@rules.predicate
def call_jury_member(user: AnyUser, project: Project) -> bool:
    return is_jury_member(user, project)


PREDICATES = {
    Who.COORDINATOR: coordinator_representative,
    Who.STAFF: rules.is_staff,
    # A juror never decides on a project of their own organisation's consortium.
    Who.JURY: (call_jury_member & ~consortium_member) | rules.is_staff,
}
# Consortium members edit the draft; the staff may correct it too.
may_edit = consortium_member | rules.is_staff


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    who: Who
    verb: str  # the audit entry: "projects.project.<verb>"
    label: Promise  # the button
    subject: Promise  # the e-mail's subject, with %(project)s
    notify: tuple[Notify, ...] = (Notify.CONSORTIUM,)
    text_field: str = ""  # the text the action needs: question, answer, reason or letter
    is_decision: bool = False  # only through decide_project, from the jury's page


TRANSITIONS = (
    Transition(
        "submit",
        (State.DRAFT,),
        State.SUBMITTED,
        Who.COORDINATOR,
        "submitted",
        gettext_lazy("Submit the project"),
        gettext_lazy("%(project)s was submitted"),
        (Notify.CONSORTIUM, Notify.STAFF),
    ),
    Transition(
        "request_information",
        (State.SUBMITTED, State.ELIGIBLE),
        State.INFORMATION_REQUESTED,
        Who.STAFF,
        "information_requested",
        gettext_lazy("Ask for more information"),
        gettext_lazy("%(project)s: more information is needed"),
        text_field="question",
    ),
    Transition(
        "resubmit",
        (State.INFORMATION_REQUESTED,),
        State.SUBMITTED,
        Who.COORDINATOR,
        "resubmitted",
        gettext_lazy("Answer and submit again"),
        gettext_lazy("%(project)s was submitted again with the information asked for"),
        (Notify.CONSORTIUM, Notify.STAFF),
        text_field="answer",
    ),
    Transition(
        "mark_eligible",
        (State.SUBMITTED,),
        State.ELIGIBLE,
        Who.STAFF,
        "found_eligible",
        gettext_lazy("Eligible"),
        gettext_lazy("%(project)s is eligible"),
    ),
    Transition(
        "mark_ineligible",
        (State.SUBMITTED,),
        State.INELIGIBLE,
        Who.STAFF,
        "found_ineligible",
        gettext_lazy("Not eligible"),
        gettext_lazy("%(project)s is not eligible"),
        text_field="reason",
    ),
    Transition(
        "start_evaluation",
        (State.ELIGIBLE,),
        State.UNDER_EVALUATION,
        Who.STAFF,
        "evaluation_started",
        gettext_lazy("Start the evaluation"),
        gettext_lazy("%(project)s is under evaluation"),
    ),
    Transition(
        "send_to_jury",
        (State.UNDER_EVALUATION,),
        State.JURY,
        Who.STAFF,
        "sent_to_jury",
        gettext_lazy("Send to the jury"),
        gettext_lazy("%(project)s goes to the jury"),
        (Notify.CONSORTIUM, Notify.JURY),
    ),
    Transition(
        "label",
        (State.JURY,),
        State.LABELLED,
        Who.JURY,
        "labelled",
        gettext_lazy("Label"),
        gettext_lazy("%(project)s is labelled"),
        text_field="letter",
        is_decision=True,
    ),
    Transition(
        "not_label",
        (State.JURY,),
        State.NOT_LABELLED,
        Who.JURY,
        "not_labelled",
        gettext_lazy("Do not label"),
        gettext_lazy("%(project)s is not labelled"),
        text_field="letter",
        is_decision=True,
    ),
    Transition(
        "fund",
        (State.LABELLED,),
        State.FUNDED,
        Who.STAFF,
        "funded",
        gettext_lazy("Funded"),
        gettext_lazy("%(project)s is funded"),
    ),
    Transition(
        "not_fund",
        (State.LABELLED,),
        State.NOT_FUNDED,
        Who.STAFF,
        "not_funded",
        gettext_lazy("Not funded"),
        gettext_lazy("%(project)s is not funded"),
        text_field="reason",
    ),
    Transition(
        "start_follow_up",
        (State.FUNDED,),
        State.FOLLOW_UP,
        Who.STAFF,
        "follow_up_started",
        gettext_lazy("Start the follow-up"),
        gettext_lazy("%(project)s: the follow-up starts"),
    ),
    Transition(
        "close",
        (State.FOLLOW_UP,),
        State.CLOSED,
        Who.STAFF,
        "closed",
        gettext_lazy("Close the project"),
        gettext_lazy("%(project)s is closed"),
    ),
)
BY_ACTION = {transition.action: transition for transition in TRANSITIONS}
CENTS = Decimal("0.01")
EDITABLE_STATES = (State.DRAFT, State.INFORMATION_REQUESTED)
FOLLOW_UP_STATES = (State.FUNDED, State.FOLLOW_UP)


def get_transition(action: str) -> Transition:
    """The transition of an action name; DomainError for an unknown one."""
    if action not in BY_ACTION:
        raise DomainError(_("Unknown action."))
    return BY_ACTION[action]


def may_apply(user: AnyUser, project: Project, transition: Transition) -> bool:
    """Whether the user is among those the transition allows (the state is not checked)."""
    return PREDICATES[transition.who].test(user, project)


def list_transitions(user: AnyUser, project: Project) -> list[Transition]:
    """The actions the user may take on the project in its current state, jury's excluded."""
    return [
        transition
        for transition in TRANSITIONS
        if project.state in transition.sources
        and not transition.is_decision
        and may_apply(user, project, transition)
    ]


def list_staff_transitions(state: str) -> list[Transition]:
    """The staff's actions from a state, jury's excluded (no query: for the queue)."""
    return [
        transition
        for transition in TRANSITIONS
        if state in transition.sources
        and transition.who == Who.STAFF
        and not transition.is_decision
    ]


def check_state(project: Project, transition: Transition) -> None:
    """Raise ConflictError unless the project is in a state the transition starts from."""
    if project.state not in transition.sources:
        raise ConflictError(
            _("This cannot be done while the project is “%(state)s”.")
            % {"state": project.get_state_display()}
        )


def check_editable(project: Project) -> None:
    """Raise ConflictError unless the applicants may still change the project."""
    if project.state not in EDITABLE_STATES:
        raise ConflictError(_("The project can no longer be changed."))


def total_budget(project: Project) -> Decimal:
    """The sum of the partners' budgets."""
    total = project.partners.aggregate(total=Sum("budget"))["total"] or Decimal(0)
    return total.quantize(CENTS)  # SQLite sums decimals without their places


def check_consortium(project: Project, call: Call) -> None:
    """Raise DomainError unless the consortium and the budget meet the call's rules.

    The coordinator needs no check: only its representative may submit (Who.COORDINATOR).
    """
    partners = project.partners.count()
    if partners < call.min_partners:
        raise DomainError(
            _("The consortium needs at least %(count)d partners; it has %(partners)d.")
            % {"count": call.min_partners, "partners": partners}
        )
    total = total_budget(project)
    if call.max_budget is not None and total > call.max_budget:
        raise DomainError(
            _("The total budget (%(total)s) exceeds the call's maximum (%(maximum)s).")
            % {"total": amount(total), "maximum": amount(call.max_budget)}
        )


def check_submission(project: Project, *, requires_open_call: bool) -> None:
    """Raise DomainError unless the project may be submitted to its call.

    A resubmission after a request for information does not need the call to be still open.
    """
    call = project.call
    if call is None:
        raise DomainError(_("Choose a call before submitting the project."))
    if requires_open_call and not call.is_open:
        raise DomainError(_("The call “%(call)s” is not open.") % {"call": call})
    if not project.summary.strip():
        raise DomainError(_("Write the project's summary before submitting it."))
    if project.duration_months is None:
        raise DomainError(_("Give the project's duration before submitting it."))
    if project.duration_months > call.max_duration_months:
        raise DomainError(
            _("The project lasts %(months)d months; the call allows at most %(maximum)d.")
            % {"months": project.duration_months, "maximum": call.max_duration_months}
        )
    check_consortium(project, call)
    if not project.attachments.exists():
        raise DomainError(_("Attach the full proposal as a PDF before submitting."))


def check_evaluated(project: Project) -> None:
    """Raise DomainError unless at least one expert submitted an evaluation."""
    submitted = Assignment.objects.filter(project=project, state=Assignment.State.SUBMITTED)
    if not submitted.exists():
        raise DomainError(_("No expert has submitted an evaluation of this project yet."))


def check_has_milestones(project: Project) -> None:
    """Raise DomainError unless the follow-up has milestones, one of them the final report."""
    if not project.milestones.filter(is_final=True).exists():
        raise DomainError(_("Plan the milestones, with the final report, first."))


def check_final_report(project: Project) -> None:
    """Raise DomainError unless the final report's milestone is reached."""
    final = Milestone.objects.filter(project=project, is_final=True, reached_on__isnull=False)
    if not final.exists():
        raise DomainError(_("The final report is not in yet."))


PRECONDITIONS = {
    "submit": lambda project: check_submission(project, requires_open_call=True),
    "resubmit": lambda project: check_submission(project, requires_open_call=False),
    "send_to_jury": check_evaluated,
    "start_follow_up": check_has_milestones,
    "close": check_final_report,
}


def check_preconditions(project: Project, transition: Transition) -> None:
    """Raise DomainError unless the action's own pre-conditions hold."""
    check = PRECONDITIONS.get(transition.action)
    if check is not None:
        check(project)
