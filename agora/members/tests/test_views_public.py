from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from agora.members.models import ContactMessage, MembershipApplication
from agora.members.tests.factories import (
    AffiliationFactory,
    AgreementFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnerClusterFactory,
    PersonFactory,
    domain,
)

VALID_NUMBER = "0123.456.749"


def application_data(**overrides: object) -> dict[str, object]:
    data = {
        "legal_name": "Nova Bio SRL",
        "kind": "startup",
        "enterprise_number": "BE 0123 456 749",
        "region": "wallonia",
        "country": "be",
        "city": "Gosselies",
        "website": "https://nova.example.org",
        "employees": "12",
        "description": "Antibodies for rare diseases.",
        "domains": ["biopharmacy", "cell-therapy"],
        "membership_type": "full",
        "partner": "",
        "first_name": "Nina",
        "last_name": "Nova",
        "email": "nina@nova.example.org",
        "phone": "",
        "job_title": "CEO",
        "message": "",
    }
    data.update(overrides)
    return data


def directory_names(response) -> list[str]:
    return [organisation.legal_name for organisation in response.context["page_obj"]]


def test_home_shows_the_cluster_in_figures(client, cast):
    response = client.get(reverse("members:home"))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.member_organisations == 2
    assert len(figures.domains) == 6
    assert figures.partner_clusters == 0
    assert "BioWin Health Cluster" in response.text


def test_directory_lists_only_consenting_members_in_good_standing(client, cast):
    unlisted = OrganisationFactory(legal_name="Unlisted SA", is_listed=False)
    MembershipFactory(organisation=unlisted)
    lapsed = OrganisationFactory(legal_name="Lapsed SA")
    MembershipFactory(organisation=lapsed, start_date=date(2020, 1, 1), end_date=date(2021, 1, 1))
    pending = OrganisationFactory(legal_name="Pending SA")
    MembershipFactory(organisation=pending, confirmed_on=None)
    cancelled = OrganisationFactory(legal_name="Cancelled SA")
    MembershipFactory(organisation=cancelled, cancelled_on=date(2021, 1, 1))
    OrganisationFactory(legal_name="Never A Member SA")

    response = client.get(reverse("members:directory"))

    assert response.status_code == 200
    assert directory_names(response) == ["Helix Therapeutics SA", "Other Bio SRL"]
    assert "Unlisted SA" not in response.text


def test_directory_filters_by_domain_region_kind_and_words(client, cast):
    cast.organisation.domains.set([domain("biopharmacy")])
    brussels = OrganisationFactory(
        legal_name="Brussels Imaging SA", region="brussels", kind="university"
    )
    brussels.domains.set([domain("medtech-ivd")])
    MembershipFactory(organisation=brussels)
    url = reverse("members:directory")

    assert directory_names(client.get(url, {"domain": "biopharmacy"})) == ["Helix Therapeutics SA"]
    assert directory_names(client.get(url, {"region": "brussels"})) == ["Brussels Imaging SA"]
    assert directory_names(client.get(url, {"kind": "university"})) == ["Brussels Imaging SA"]
    assert directory_names(client.get(url, {"q": "helix"})) == ["Helix Therapeutics SA"]


def test_directory_with_an_unknown_filter_answers_400_and_ignores_it(client, cast):
    response = client.get(reverse("members:directory"), {"domain": "astrology", "region": "mars"})
    assert response.status_code == 400
    assert directory_names(response) == ["Helix Therapeutics SA", "Other Bio SRL"]
    assert "Select a valid choice." in response.text


def test_directory_htmx_request_gets_only_the_results(client, cast):
    response = client.get(reverse("members:directory"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Helix Therapeutics SA" in response.text


def test_directory_queries_do_not_grow_with_the_members(
    client, cast, django_assert_max_num_queries
):
    for number in range(30):
        organisation = OrganisationFactory(legal_name=f"Member {number:02} SA")
        organisation.domains.set([domain("biopharmacy"), domain("data-science")])
        MembershipFactory(organisation=organisation)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("members:directory"), {"page": "2"})
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 8


def test_directory_page_beyond_the_end_shows_the_last_page(client, cast):
    response = client.get(reverse("members:directory"), {"page": "999"})
    assert response.status_code == 200
    assert directory_names(response) == ["Helix Therapeutics SA", "Other Bio SRL"]


def test_public_profile_hides_contact_details_without_consent(client, cast):
    cast.organisation.website = "https://helix.example.org"
    cast.organisation.save(update_fields=["website"])
    response = client.get(reverse("members:organisation-detail", args=["helix"]))
    assert response.status_code == 200
    assert "Develops things for health." in response.text
    assert "https://helix.example.org" not in response.text
    assert response.context["representatives"] == []


def test_public_profile_shows_website_and_representatives_with_consent(client, cast):
    cast.organisation.website = "https://helix.example.org"
    cast.organisation.shows_contact = True
    cast.organisation.save(update_fields=["website", "shows_contact"])
    response = client.get(reverse("members:organisation-detail", args=["helix"]))
    assert "https://helix.example.org" in response.text
    assert [str(person) for person in response.context["representatives"]] == [
        str(cast.representative.person)
    ]


@pytest.mark.parametrize("slug", ["unknown", "unlisted"])
def test_public_profile_of_unknown_or_unlisted_organisation_is_404(client, cast, slug):
    MembershipFactory(organisation=OrganisationFactory(slug="unlisted", is_listed=False))
    response = client.get(reverse("members:organisation-detail", args=[slug]))
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_application_form_renders(client, db):
    response = client.get(reverse("members:application-create"))
    assert response.status_code == 200
    assert 'name="domains"' in response.text
    assert 'type="checkbox"' in response.text


def test_application_is_stored_and_the_staff_told(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:application-create"), application_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("members:application-thanks")
    application = MembershipApplication.objects.get()
    assert application.legal_name == "Nova Bio SRL"
    assert application.enterprise_number == VALID_NUMBER
    assert application.country == "BE"
    assert application.state == "submitted"
    assert sorted(application.domains.values_list("code", flat=True)) == [
        "biopharmacy",
        "cell-therapy",
    ]
    assert [message.to for message in mail.outbox] == [["staff@agora.localhost"]]
    assert client.get(response["Location"]).status_code == 200


def test_application_with_a_wrong_enterprise_number_is_refused_with_a_clear_message(client, db):
    response = client.post(
        reverse("members:application-create"),
        application_data(enterprise_number="0123.456.789"),
    )
    assert response.status_code == 400
    assert MembershipApplication.objects.count() == 0
    assert response.context["form"].errors["enterprise_number"] == [
        "The check digits do not match: please check for a typing error."
    ]


def test_co_membership_application_needs_a_partner_cluster(client, db):
    response = client.post(
        reverse("members:application-create"), application_data(membership_type="co_member")
    )
    assert response.status_code == 400
    assert MembershipApplication.objects.count() == 0
    assert response.context["form"].errors["partner"] == [
        "Please choose the partner cluster you are a member of."
    ]


def test_co_membership_application_with_a_partner_cluster_is_stored(client, db):
    agreement = AgreementFactory()
    response = client.post(
        reverse("members:application-create"),
        application_data(membership_type="co_member", partner=str(agreement.partner.pk)),
    )
    assert response.status_code == 302
    assert MembershipApplication.objects.get().partner == agreement.partner


def test_empty_application_is_refused_and_nothing_saved(client, db):
    response = client.post(reverse("members:application-create"), {})
    assert response.status_code == 400
    assert MembershipApplication.objects.count() == 0
    assert response.context["form"].errors["legal_name"] == ["This field is required."]


def test_contact_message_is_stored_and_e_mailed_to_the_staff(
    client, db, django_capture_on_commit_callbacks
):
    data = {
        "name": "Paul Dupont",
        "email": "paul@example.org",
        "organisation": "",
        "subject": "Events",
        "message": "When is the next event?",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:contact"), data)
    assert response.status_code == 302
    assert ContactMessage.objects.get().subject == "Events"
    assert [message.to for message in mail.outbox] == [["staff@agora.localhost"]]
    assert mail.outbox[0].subject == "Contact form: Events"


def test_contact_message_without_an_e_mail_is_refused(client, db):
    response = client.post(
        reverse("members:contact"), {"name": "Paul", "subject": "Hi", "message": "Hello"}
    )
    assert response.status_code == 400
    assert ContactMessage.objects.count() == 0
    assert response.context["form"].errors["email"] == ["This field is required."]


def test_partners_page_shows_listed_co_members_in_good_standing(client, db):
    agreement = AgreementFactory(partner=PartnerClusterFactory(name="Eurobiomed"))
    listed = OrganisationFactory(legal_name="Listed Co-member SAS")
    MembershipFactory(organisation=listed, type="co_member", agreement=agreement)
    unlisted = OrganisationFactory(legal_name="Hidden Co-member SAS", is_listed=False)
    MembershipFactory(organisation=unlisted, type="co_member", agreement=agreement)

    response = client.get(reverse("members:partner-list"))

    assert response.status_code == 200
    assert "Eurobiomed" in response.text
    assert "Listed Co-member SAS" in response.text
    assert "Hidden Co-member SAS" not in response.text


def test_pages_render_in_french_for_a_french_browser(client, cast):
    cast.organisation.domains.set([domain("biopharmacy")])
    response = client.get(reverse("members:directory"), headers={"Accept-Language": "fr"})
    assert '<html lang="fr">' in response.text
    assert "Biopharmacie" in response.text


def test_language_switcher_sets_french(client, cast):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/members/"})
    assert response.status_code == 302
    assert response["Location"] == "/members/"
    assert '<html lang="fr">' in client.get("/members/").text


def test_state_changing_public_forms_need_csrf(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        reverse("members:application-create"), application_data()
    )
    assert response.status_code == 403
    assert MembershipApplication.objects.count() == 0


def test_representatives_are_not_shown_on_directory_cards(client, cast):
    AffiliationFactory(
        person=PersonFactory(first_name="Secret", last_name="Person"),
        organisation=cast.organisation,
        role="representative",
    )
    response = client.get(reverse("members:directory"))
    assert "Secret Person" not in response.text
