"""The member portal: my organisations, their profiles and teams, invitations."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from agora.accounts.requests import SignedInHttpRequest
from agora.core.forms import form_status, submit_form
from agora.members import selectors, services
from agora.members.forms import InvitationForm, ProfileForm


@login_required
@require_GET
def dashboard(request: SignedInHttpRequest) -> HttpResponse:
    """The signed-in user's organisations, each with its current membership."""
    entries = selectors.list_portal_entries(request.user)
    return render(request, "members/portal.html", {"entries": entries})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: SignedInHttpRequest, slug: str) -> HttpResponse:
    """Representatives and staff edit the organisation's profile and directory consents."""
    organisation = selectors.access_organisation_for_edit(request.user, slug)
    is_post = request.method == "POST"
    form = ProfileForm(
        data=request.POST if is_post else None,
        files=request.FILES if is_post else None,
        organisation=organisation,
    )
    saved = submit_form(
        form,
        lambda: services.update_organisation_profile(
            actor=request.user,
            organisation=organisation,
            data=form.profile_data(),
            domains=form.cleaned_data["domains"],
        ),
    )
    if saved is not None:
        messages.success(request, _("The profile of %(name)s was saved.") % {"name": saved})
        return redirect("members:portal")
    context = {"organisation": organisation, "form": form}
    return render(request, "members/profile_form.html", context, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def team(request: SignedInHttpRequest, slug: str) -> HttpResponse:
    """The organisation's colleagues; its representatives and staff may invite more."""
    organisation = selectors.access_organisation_for_member(request.user, slug)
    can_invite = request.user.has_perm("members.invite_colleague", organisation)
    if request.method == "POST" and not can_invite:
        raise PermissionDenied
    form = InvitationForm(data=request.POST if request.method == "POST" else None)
    invitation = submit_form(
        form,
        lambda: services.invite_colleague(
            actor=request.user, organisation=organisation, **form.cleaned_data
        ),
    )
    if invitation is not None:
        messages.success(
            request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("members:organisation-team", slug=organisation.slug)
    context = {
        "organisation": organisation,
        "colleagues": selectors.list_colleagues(organisation),
        "invitations": selectors.list_open_invitations(organisation) if can_invite else [],
        "form": form if can_invite else None,
    }
    return render(request, "members/team.html", context, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request: SignedInHttpRequest, token: str) -> HttpResponse:
    """Show whom an invitation is from; posting accepts it for the signed-in user."""
    invitation = selectors.access_invitation(token)
    form = forms.Form(data=request.POST if request.method == "POST" else None)
    affiliation = submit_form(
        form, lambda: services.accept_invitation(user=request.user, invitation=invitation)
    )
    if affiliation is not None:
        messages.success(
            request,
            _("Welcome to the team of %(organisation)s.")
            % {"organisation": invitation.organisation},
        )
        return redirect("members:portal")
    context = {"invitation": invitation, "form": form}
    return render(request, "members/invitation_accept.html", context, status=form_status(form))
