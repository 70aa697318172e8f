"""Pages of calls and of the project application: the draft, its consortium, its attachments."""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.forms import form_status, submit_form
from agora.projects.forms_projects import (
    AttachmentForm,
    PartnerEditForm,
    PartnerForm,
    ProjectFilterForm,
    ProjectForm,
    TransitionForm,
)
from agora.projects.models import Decision, Partner, Project
from agora.projects.selectors import projects as selectors
from agora.projects.selectors.maturity import can_read_maturity, get_latest_profile
from agora.projects.services import projects as services
from agora.projects.workflow import (
    BY_ACTION,
    EDITABLE_STATES,
    FOLLOW_UP_STATES,
    list_transitions,
    may_apply,
    may_edit,
)

PAGE_SIZE = 25


@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    """Published calls: open, upcoming and closed."""
    return render(request, "projects/projects/call_list.html", selectors.list_published_calls())


@require_GET
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A call's rules, domains, dates and weighted criteria; start a project while it is open."""
    call = selectors.access_call(request.user, slug)
    can_start = call.is_open and selectors.list_creatable_organisations(request.user).exists()
    return render(
        request, "projects/projects/call_detail.html", {"call": call, "can_start": can_start}
    )


@login_required
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    """My organisations' projects; the staff see every project, filtered by call and state."""
    form = ProjectFilterForm(data=request.GET) if request.user.is_staff else None
    if form is not None:
        projects = selectors.list_all_projects(**form.filters())
    else:
        projects = selectors.list_my_projects(request.user)
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "can_create": selectors.list_creatable_organisations(request.user).exists(),
    }
    return render(request, "projects/projects/project_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    """Start a draft, for a call or on its own; my organisation coordinates it."""
    if not selectors.list_creatable_organisations(request.user).exists():
        raise Http404
    call_slug = request.GET.get("call", "")
    if call_slug and not slug_re.match(call_slug):
        raise BadRequest(_("This call does not exist."))
    initial = {"call": selectors.list_open_calls().filter(slug=call_slug).first()}
    form = ProjectForm(
        data=request.POST if request.method == "POST" else None, initial=initial, user=request.user
    )
    project = submit_form(
        form,
        lambda: services.create_project(
            actor=request.user,
            coordinator=form.cleaned_data["coordinator"],
            call=form.cleaned_data["call"],
            data=form.project_data(),
            domains=list(form.cleaned_data["domains"]),
            co_labelling_partner=form.cleaned_data["co_labelling_partner"],
        ),
    )
    if project is not None:
        messages.success(request, _("The draft of %(project)s was created.") % {"project": project})
        return redirect("projects:project-detail", pk=project.pk)
    return render(
        request, "projects/projects/project_form.html", {"form": form}, status=form_status(form)
    )


def project_page(
    request: HttpRequest, project: Project, *, form: forms.Form | None = None
) -> HttpResponse:
    """The project page, with a refused action's message when there is one."""
    user = request.user
    transitions = list_transitions(user, project)
    shows_maturity = can_read_maturity(user, project)
    context = {
        "project": project,
        "page": selectors.get_project_page(project),
        "domains": list(project.domains.all()),
        "transitions": transitions,
        "text_transitions": [transition for transition in transitions if transition.text_field],
        "can_edit": project.state in EDITABLE_STATES and may_edit.test(user, project),
        "shows_consortium": not (project.call and project.call.is_blind)
        or user.is_staff
        or selectors.is_consortium_member(user, project),
        "information_requests": list(project.information_requests.all()),
        "milestones": list(project.milestones.all()),
        "manages_milestones": user.is_staff and project.state in FOLLOW_UP_STATES,
        "decision": Decision.objects.filter(project=project).first(),
        "shows_maturity": shows_maturity,
        "maturity": get_latest_profile(project) if shows_maturity else None,
        "can_decide": project.state == Project.State.JURY
        and may_apply(user, project, BY_ACTION["label"]),
        "form": form or TransitionForm(),
    }
    status = form_status(form) if form is not None else 200
    return render(request, "projects/projects/project_detail.html", context, status=status)


@login_required
@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The project: consortium, budget, attachments, decision, follow-up and history."""
    return project_page(request, selectors.access_project(request.user, pk))


def access_editable_project(request: HttpRequest, pk: int) -> Project:
    """A project the user sees and may change now, else 404 (hidden) or 403 is left to services."""
    project = selectors.access_project(request.user, pk)
    if not may_edit.test(request.user, project):
        raise Http404
    return project


def frozen_page(request: HttpRequest, project: Project) -> HttpResponse | None:
    """Back to the project page when its application can no longer change (a form's GET)."""
    if request.method != "GET" or project.state in EDITABLE_STATES:
        return None
    messages.info(request, _("The project can no longer be changed."))
    return redirect("projects:project-detail", pk=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the application while it is a draft or more information was asked for."""
    project = access_editable_project(request, pk)
    if frozen := frozen_page(request, project):
        return frozen
    form = ProjectForm(
        data=request.POST if request.method == "POST" else None,
        instance=project,
        user=request.user,
    )
    saved = submit_form(
        form,
        lambda: services.update_project(
            actor=request.user,
            project=project,
            call=form.cleaned_data["call"],
            data=form.project_data(),
            domains=list(form.cleaned_data["domains"]),
            co_labelling_partner=form.cleaned_data["co_labelling_partner"],
        ),
    )
    if saved is not None:
        messages.success(request, _("The project was saved."))
        return redirect("projects:project-detail", pk=pk)
    context = {"form": form, "project": project}
    return render(request, "projects/projects/project_form.html", context, status=form_status(form))


@login_required
@require_http_methods(["GET", "POST"])
def partner_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The consortium, and a form that adds a partner."""
    project = access_editable_project(request, pk)
    if frozen := frozen_page(request, project):
        return frozen
    form = PartnerForm(data=request.POST if request.method == "POST" else None, project=project)
    partner = submit_form(
        form,
        lambda: services.add_partner(
            actor=request.user,
            project=project,
            organisation=form.cleaned_data["organisation"],
            external_name=form.cleaned_data["external_name"],
            budget=form.cleaned_data["budget"],
            role=form.cleaned_data["role"],
        ),
    )
    if partner is not None:
        messages.success(request, _("%(partner)s joined the consortium.") % {"partner": partner})
        return redirect("projects:partner-list", pk=pk)
    return consortium_page(request, project, form)


def consortium_page(
    request: HttpRequest, project: Project, form: forms.Form, refused: forms.Form | None = None
) -> HttpResponse:
    """The consortium page, with the add form and a refused change's message if any."""
    context = {
        "project": project,
        "partners": list(project.partners.select_related("organisation")),
        "form": form,
        "refused": refused,
    }
    status = form_status(refused) if refused is not None else form_status(form)
    return render(request, "projects/projects/partner_list.html", context, status=status)


def access_partner(request: HttpRequest, pk: int, partner: int) -> Partner:
    """A partner of a project the user may change, or 404."""
    project = access_editable_project(request, pk)
    found = project.partners.select_related("organisation", "project").filter(pk=partner).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, pk: int, partner: int) -> HttpResponse:
    """Change a partner's budget and role."""
    instance = access_partner(request, pk, partner)
    if frozen := frozen_page(request, instance.project):
        return frozen
    form = PartnerEditForm(
        data=request.POST if request.method == "POST" else None, instance=instance
    )
    saved = submit_form(
        form,
        lambda: services.update_partner(
            actor=request.user,
            partner=instance,
            budget=form.cleaned_data["budget"],
            role=form.cleaned_data["role"],
        ),
    )
    if saved is not None:
        messages.success(request, _("%(partner)s was saved.") % {"partner": saved})
        return redirect("projects:partner-list", pk=pk)
    context = {"form": form, "project": instance.project, "partner": instance}
    return render(request, "projects/projects/partner_form.html", context, status=form_status(form))


def partner_action(
    request: HttpRequest, pk: int, partner: int, action: Callable[..., object], message: str
) -> HttpResponse:
    """Run one consortium change; a refusal is shown as a message on the consortium page."""
    instance = access_partner(request, pk, partner)
    form = forms.Form(data=request.POST)
    done = submit_form(form, lambda: action(actor=request.user, partner=instance) or True)
    if done is None:
        return consortium_page(
            request, instance.project, PartnerForm(project=instance.project), form
        )
    messages.success(request, message % {"partner": instance})
    return redirect("projects:partner-list", pk=pk)


@login_required
@require_POST
def partner_remove(request: HttpRequest, pk: int, partner: int) -> HttpResponse:
    """Take a partner out of the consortium."""
    return partner_action(
        request, pk, partner, services.remove_partner, _("%(partner)s left the consortium.")
    )


@login_required
@require_POST
def partner_coordinator(request: HttpRequest, pk: int, partner: int) -> HttpResponse:
    """Make a partner the coordinator."""
    return partner_action(
        request, pk, partner, services.make_coordinator, _("%(partner)s coordinates the project.")
    )


@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a PDF (10 MB at most) to the application."""
    project = access_editable_project(request, pk)
    if frozen := frozen_page(request, project):
        return frozen
    is_post = request.method == "POST"
    form = AttachmentForm(data=request.POST if is_post else None, files=request.FILES or None)
    attachment = submit_form(
        form,
        lambda: services.add_attachment(
            actor=request.user,
            project=project,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        ),
    )
    if attachment is not None:
        messages.success(request, _("“%(title)s” was attached.") % {"title": attachment})
        return redirect("projects:project-detail", pk=pk)
    context = {"form": form, "project": project}
    return render(
        request, "projects/projects/attachment_form.html", context, status=form_status(form)
    )


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment: int) -> FileResponse:
    """The attachment's PDF, for those who may see the project only."""
    found = selectors.access_attachment(request.user, pk, attachment)
    try:
        file = found.file.open("rb")
    except FileNotFoundError as error:  # a row whose file was lost: nothing to serve
        raise Http404 from error
    return FileResponse(
        file,
        as_attachment=True,
        filename=f"{found.project.acronym}-{found.pk}.pdf",
    )


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    """Remove an attachment while the project is a draft."""
    access_editable_project(request, pk)
    found = selectors.access_attachment(request.user, pk, attachment)
    form = forms.Form(data=request.POST)
    done = submit_form(
        form, lambda: services.delete_attachment(actor=request.user, attachment=found) or True
    )
    if done is None:
        return project_page(request, found.project, form=form)
    messages.success(request, _("The attachment was deleted."))
    return redirect("projects:project-detail", pk=pk)
