"""Member portal pages: representatives enter their organisations' yearly facts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from agora.accounts.requests import SignedInHttpRequest
from agora.core.forms import form_status, submit_form
from agora.reports import selectors, services
from agora.reports.forms import FactsForm


@login_required
@require_GET
def facts_list(request: SignedInHttpRequest) -> HttpResponse:
    """The user's organisations (all for staff) with their facts of the last years."""
    organisations = selectors.list_facts_organisations(request.user)
    context = {
        "rows": selectors.list_facts_rows(organisations),
        "years": selectors.list_facts_years(),
    }
    return render(request, "reports/facts_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def facts_edit(request: SignedInHttpRequest, slug: str, year: int) -> HttpResponse:
    """Enter or correct one organisation's facts of one year."""
    organisation = selectors.access_organisation_for_facts(request.user, slug)
    if year not in selectors.list_facts_years() and not request.user.is_staff:
        raise Http404
    facts = selectors.get_yearly_facts(organisation, year)
    form = FactsForm(data=request.POST if request.method == "POST" else None, instance=facts)
    if request.method == "POST":
        saved = submit_form(
            form,
            lambda: services.save_yearly_facts(
                actor=request.user, organisation=organisation, year=year, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The figures of %(year)s are saved.") % {"year": year})
            return redirect("reports:facts-list")
    context = {"organisation": organisation, "year": year, "form": form}
    return render(request, "reports/facts_form.html", context, status=form_status(form))
