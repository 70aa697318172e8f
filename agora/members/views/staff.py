"""Staff pages: deciding applications, managing memberships. Others get a 404."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from agora.core.audit import list_audit_entries
from agora.core.forms import form_status, submit_form
from agora.core.permissions import staff_required
from agora.members import selectors, services
from agora.members.forms import ApplicationFilterForm, ApproveForm, CancelForm, RejectForm
from agora.members.models import Membership, MembershipApplication

APPLICATIONS_PAGE_SIZE = 50


def page_status(*page_forms: forms.BaseForm) -> int:
    """The status of a page with several forms: the worst of theirs."""
    return max(form_status(form) for form in page_forms)


@staff_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    """Membership applications, newest first, filtered by state."""
    form = ApplicationFilterForm(data=request.GET)
    form.is_valid()
    applications = selectors.list_applications(state=form.cleaned_data.get("state", ""))
    page = Paginator(applications, APPLICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page}
    return render(request, "members/staff/application_list.html", context, status=form_status(form))


def application_page(
    request: HttpRequest,
    application: MembershipApplication,
    *,
    approve_form: forms.BaseForm | None = None,
    reject_form: forms.BaseForm | None = None,
) -> HttpResponse:
    """The application page, with a refused decision's form bound to what was sent."""
    approve_form = approve_form or ApproveForm()
    reject_form = reject_form or RejectForm()
    context = {
        "application": application,
        "approve_form": approve_form,
        "reject_form": reject_form,
        "audit_entries": list_audit_entries(application),
    }
    status = page_status(approve_form, reject_form)
    return render(request, "members/staff/application_detail.html", context, status=status)


@staff_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One application, with the approve and reject forms while it awaits a decision."""
    return application_page(request, selectors.access_application(request.user, pk))


@staff_required
@require_POST
def application_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve: the organisation, its representative and a pending membership, at once."""
    application = selectors.access_application(request.user, pk)
    form = ApproveForm(data=request.POST)
    organisation = submit_form(
        form,
        lambda: services.approve_application(
            actor=request.user, application=application, start_date=form.cleaned_data["start_date"]
        ),
    )
    if organisation is None:
        return application_page(request, application, approve_form=form)
    messages.success(
        request, _("%(name)s is now a member, pending confirmation.") % {"name": organisation}
    )
    return redirect("members:organisation-staff", slug=organisation.slug)


@staff_required
@require_POST
def application_reject(request: HttpRequest, pk: int) -> HttpResponse:
    """Reject with a note, which is e-mailed to the applicant."""
    application = selectors.access_application(request.user, pk)
    form = RejectForm(data=request.POST)
    rejected = submit_form(
        form,
        lambda: services.reject_application(
            actor=request.user, application=application, note=form.cleaned_data["note"]
        ),
    )
    if rejected is None:
        return application_page(request, application, reject_form=form)
    messages.success(request, _("The application was rejected; the applicant is told by e-mail."))
    return redirect("members:application-list")


@staff_required
@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's memberships, with their status, and its audit log."""
    organisation = selectors.access_organisation_for_edit(request.user, slug)
    context = {
        "organisation": organisation,
        "memberships": selectors.list_memberships(organisation),
        "audit_entries": list_audit_entries(organisation),
    }
    return render(request, "members/staff/organisation_detail.html", context)


def membership_page(
    request: HttpRequest, membership: Membership, **page_forms: forms.BaseForm
) -> HttpResponse:
    """The membership page, with a refused action's form bound to what was sent."""
    page_forms = {
        "confirm_form": forms.Form(),
        "renew_form": forms.Form(),
        "cancel_form": CancelForm(),
        **page_forms,
    }
    context = {
        "membership": membership,
        "audit_entries": list_audit_entries(membership),
        **page_forms,
    }
    status = page_status(*page_forms.values())
    return render(request, "members/staff/membership_detail.html", context, status=status)


@staff_required
@require_GET
def membership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One membership period, with the actions its status allows."""
    return membership_page(request, selectors.access_membership(request.user, pk))


@staff_required
@require_POST
def membership_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm a pending membership."""
    membership = selectors.access_membership(request.user, pk)
    form = forms.Form(data=request.POST)
    confirmed = submit_form(
        form, lambda: services.confirm_membership(actor=request.user, membership=membership)
    )
    if confirmed is None:
        return membership_page(request, membership, confirm_form=form)
    messages.success(request, _("The membership is confirmed."))
    return redirect("members:organisation-staff", slug=membership.organisation.slug)


@staff_required
@require_POST
def membership_renew(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the next period of a membership."""
    membership = selectors.access_membership(request.user, pk)
    form = forms.Form(data=request.POST)
    renewal = submit_form(
        form, lambda: services.renew_membership(actor=request.user, membership=membership)
    )
    if renewal is None:
        return membership_page(request, membership, renew_form=form)
    messages.success(
        request,
        _("The membership is renewed until %(end)s.") % {"end": date_format(renewal.end_date)},
    )
    return redirect("members:organisation-staff", slug=membership.organisation.slug)


@staff_required
@require_POST
def membership_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Cancel a membership, with its reason."""
    membership = selectors.access_membership(request.user, pk)
    form = CancelForm(data=request.POST)
    cancelled = submit_form(
        form,
        lambda: services.cancel_membership(
            actor=request.user, membership=membership, reason=form.cleaned_data["reason"]
        ),
    )
    if cancelled is None:
        return membership_page(request, membership, cancel_form=form)
    messages.success(request, _("The membership is cancelled."))
    return redirect("members:organisation-staff", slug=membership.organisation.slug)
