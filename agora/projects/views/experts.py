"""The expert pool: the staff's list, and an expert's own profile and declared conflicts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.forms import form_status, submit_form
from agora.core.permissions import staff_required
from agora.projects.forms_evaluation import ConflictForm, ExpertFilterForm, ExpertProfileForm
from agora.projects.models import DeclaredConflict, Expert
from agora.projects.selectors import evaluation as selectors
from agora.projects.services import experts as services

PAGE_SIZE = 50


@staff_required
@require_GET
def expert_list(request: HttpRequest) -> HttpResponse:
    """The expert pool, filtered by domain and by whether they are active."""
    form = ExpertFilterForm(data=request.GET)
    page = Paginator(selectors.list_experts(**form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "projects/evaluation/expert_list.html", {"form": form, "page_obj": page})


def profile_page(
    request: HttpRequest,
    expert: Expert,
    *,
    form: ExpertProfileForm | None = None,
    conflict_form: ConflictForm | None = None,
) -> HttpResponse:
    """My expert profile and my declared conflicts, with a refused form's errors."""
    context = {
        "expert": expert,
        "form": form or ExpertProfileForm(instance=expert),
        "conflict_form": conflict_form or ConflictForm(),
        "conflicts": list(
            DeclaredConflict.objects.filter(expert=expert).select_related("organisation", "project")
        ),
    }
    status = max(
        form_status(form) if form else 200, form_status(conflict_form) if conflict_form else 200
    )
    return render(request, "projects/evaluation/expert_profile.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def expert_me(request: HttpRequest) -> HttpResponse:
    """My keywords, expertise, domains and yearly availability."""
    expert = selectors.access_my_expert(request.user)
    if request.method == "GET":
        return profile_page(request, expert)
    form = ExpertProfileForm(data=request.POST, instance=Expert.objects.get(pk=expert.pk))
    saved = submit_form(
        form,
        lambda: services.update_expert_profile(
            actor=request.user,
            expert=expert,
            data=form.cleaned_data,
            domains=list(form.cleaned_data["domains"]),
        ),
    )
    if saved is None:
        return profile_page(request, expert, form=form)
    messages.success(request, _("Your expert profile was saved."))
    return redirect("projects:expert-me")


@login_required
@require_POST
def expert_conflict_add(request: HttpRequest) -> HttpResponse:
    """Declare a conflict of interest with an organisation."""
    expert = selectors.access_my_expert(request.user)
    form = ConflictForm(data=request.POST)
    conflict = submit_form(
        form,
        lambda: services.declare_conflict(
            actor=request.user,
            expert=expert,
            organisation=form.cleaned_data["organisation"],
            reason=form.cleaned_data["reason"],
        ),
    )
    if conflict is None:
        return profile_page(request, expert, conflict_form=form)
    messages.success(request, _("The conflict of interest was declared."))
    return redirect("projects:expert-me")


@login_required
@require_POST
def expert_conflict_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw one of my declared conflicts."""
    expert = selectors.access_my_expert(request.user)
    conflict = DeclaredConflict.objects.filter(expert=expert, pk=pk).first()
    if conflict is None:
        raise Http404
    services.withdraw_conflict(actor=request.user, conflict=conflict)
    messages.success(request, _("The conflict of interest was withdrawn."))
    return redirect("projects:expert-me")
