"""Public pages: home, directory, profiles, joining, contact, partner clusters."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.middleware import HtmxDetails

from agora.core.forms import form_status, submit_form
from agora.members import selectors, services
from agora.members.forms import ApplicationForm, ContactForm, DirectoryFilterForm

DIRECTORY_PAGE_SIZE = 24


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """What the cluster is, in figures, with a call to join."""
    figures = selectors.get_cluster_figures()
    return render(request, "members/home.html", {"figures": figures})


@require_GET
def directory(request: HtmxHttpRequest) -> HttpResponse:
    """Listed members in good standing, searched and filtered; HTMX gets the results only."""
    form = DirectoryFilterForm(data=request.GET)
    form.is_valid()
    organisations = selectors.list_directory(**form.filters())
    page = Paginator(organisations, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    template = "members/directory_results.html" if request.htmx else "members/directory.html"
    context = {"form": form, "page_obj": page}
    return render(request, template, context, status=form_status(form))


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A listed member's public profile: only what it consented to show."""
    organisation = selectors.access_public_organisation(slug)
    representatives = selectors.list_public_representatives(organisation)
    context = {"organisation": organisation, "representatives": representatives}
    return render(request, "members/organisation_detail.html", context)


@require_http_methods(["GET", "POST"])
def application_create(request: HttpRequest) -> HttpResponse:
    """The "become a member" form; a stored application leads to the thank-you page."""
    form = ApplicationForm(data=request.POST if request.method == "POST" else None)
    application = submit_form(
        form,
        lambda: services.submit_application(
            data=form.application_data(), domains=form.cleaned_data["domains"]
        ),
    )
    if application is not None:
        return redirect("members:application-thanks")
    return render(
        request, "members/application_form.html", {"form": form}, status=form_status(form)
    )


@require_GET
def application_thanks(request: HttpRequest) -> HttpResponse:
    """Thanks for applying, and what happens next."""
    return render(request, "members/application_thanks.html")


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    """The "get in touch" form; the message is stored and e-mailed to the staff."""
    form = ContactForm(data=request.POST if request.method == "POST" else None)
    sent = submit_form(form, lambda: services.send_contact_message(data=form.cleaned_data))
    if sent is not None:
        messages.success(request, _("Thank you: your message was sent to the cluster team."))
        return redirect("members:contact")
    return render(request, "members/contact.html", {"form": form}, status=form_status(form))


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    """Partner clusters, their co-membership agreements and listed co-members."""
    partners = selectors.list_public_partner_clusters()
    return render(request, "members/partner_list.html", {"partners": partners})
