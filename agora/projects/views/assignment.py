"""The staff's assignment page of a call: run, review, swap, lock, remove, invite."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agora.core.errors import DomainError
from agora.core.permissions import staff_required
from agora.projects.forms_evaluation import SwapForm
from agora.projects.models import Call
from agora.projects.selectors import evaluation as selectors
from agora.projects.selectors.projects import access_call
from agora.projects.services import evaluation as services


def board_page(
    request: HttpRequest, call: Call, *, error: str = "", status: int = 200
) -> HttpResponse:
    """The assignment page, with a refused action's message when there is one."""
    context = {
        "call": call,
        "board": selectors.get_assignment_board(call),
        "swap_form": SwapForm(),
        "error": error,
    }
    return render(request, "projects/evaluation/assignment_board.html", context, status=status)


def act(request: HttpRequest, call: Call, action: Callable[[], Any], done: str) -> HttpResponse:
    """Run a service; back to the board with its message, or the refusal with its status."""
    try:
        action()
    except DomainError as error:
        return board_page(request, call, error=error.message, status=error.status_code)
    messages.success(request, done)
    return redirect("projects:call-assignment", slug=call.slug)


@staff_required
@require_GET
def call_assignment(request: HttpRequest, slug: str) -> HttpResponse:
    """The call's projects with their experts and scores, the misses and the experts' loads."""
    return board_page(request, access_call(request.user, slug))


@staff_required
@require_POST
def assignment_run(request: HttpRequest, slug: str) -> HttpResponse:
    """Assign experts to every project of the call, keeping the locked and invited ones."""
    call = access_call(request.user, slug)
    return act(
        request,
        call,
        lambda: services.run_assignment(actor=request.user, call=call),
        _("The experts were assigned."),
    )


@staff_required
@require_POST
def assignment_invite(request: HttpRequest, slug: str) -> HttpResponse:
    """E-mail every proposed expert of the call their invitation."""
    call = access_call(request.user, slug)
    count = services.invite_experts(actor=request.user, call=call)
    messages.success(request, _("%(count)d experts were invited.") % {"count": count})
    return redirect("projects:call-assignment", slug=call.slug)


@staff_required
@require_POST
def assignment_swap(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Replace the proposed expert of a project by another one."""
    call = access_call(request.user, slug)
    assignment = selectors.access_staff_assignment(call, pk)
    form = SwapForm(data=request.POST)
    if not form.is_valid():
        return board_page(request, call, error=_("Choose an active expert."), status=400)
    return act(
        request,
        call,
        lambda: services.swap_expert(
            actor=request.user, assignment=assignment, expert=form.cleaned_data["expert"]
        ),
        _("%(expert)s now evaluates %(project)s.")
        % {"expert": form.cleaned_data["expert"], "project": assignment.project},
    )


@staff_required
@require_POST
def assignment_lock(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Lock the pair so a re-run keeps it, or unlock it."""
    call = access_call(request.user, slug)
    assignment = selectors.access_staff_assignment(call, pk)
    is_locked = request.POST.get("is_locked") == "1"
    return act(
        request,
        call,
        lambda: services.set_assignment_lock(
            actor=request.user, assignment=assignment, is_locked=is_locked
        ),
        _("Locked.") if is_locked else _("Unlocked."),
    )


@staff_required
@require_POST
def assignment_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Take a proposed expert off a project."""
    call = access_call(request.user, slug)
    assignment = selectors.access_staff_assignment(call, pk)
    return act(
        request,
        call,
        lambda: services.remove_assignment(actor=request.user, assignment=assignment),
        _("%(expert)s no longer evaluates %(project)s.")
        % {"expert": assignment.expert, "project": assignment.project},
    )
