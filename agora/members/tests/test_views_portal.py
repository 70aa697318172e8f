import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from agora.core.models import AuditEntry
from agora.members.models import Affiliation, Invitation, Organisation
from agora.members.tests.factories import MembershipFactory, OrganisationFactory, domain

PORTAL_URLS = [
    ("members:portal", []),
    ("members:organisation-edit", ["helix"]),
    ("members:organisation-team", ["helix"]),
]


def png(size: tuple[int, int] = (10, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def profile_data(**overrides: object) -> dict[str, object]:
    data = {
        "short_name": "Helix",
        "street": "Rue de l'Espace 1",
        "postcode": "6041",
        "city": "Gosselies",
        "website": "https://helix.example.org",
        "description": "Gene therapies.",
        "employees": "40",
        "expertise": "AAV, GMP",
        "domains": ["biopharmacy", "cell-therapy"],
        "is_listed": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(("name", "args"), PORTAL_URLS)
def test_anonymous_visitor_is_sent_to_log_in(client, cast, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_dashboard_shows_my_organisation_and_its_membership(client, cast):
    client.force_login(cast.member)
    response = client.get(reverse("members:portal"))
    assert response.status_code == 200
    [entry] = response.context["entries"]
    assert entry.affiliation.organisation == cast.organisation
    assert entry.membership.status == "active"
    assert "Helix Therapeutics SA" in response.text
    assert "Full member" in response.text
    assert "text-bg-success" in response.text
    assert reverse("members:organisation-edit", args=["helix"]) not in response.text


def test_dashboard_offers_the_representative_to_edit_the_profile(client, cast):
    client.force_login(cast.representative)
    response = client.get(reverse("members:portal"))
    assert reverse("members:organisation-edit", args=["helix"]) in response.text


def test_dashboard_of_a_pending_membership_says_it_awaits_confirmation(client, cast):
    organisation = OrganisationFactory(slug="pending")
    MembershipFactory(organisation=organisation, confirmed_on=None)
    Affiliation.objects.create(person=cast.expert.person, organisation=organisation)
    client.force_login(cast.expert)
    response = client.get(reverse("members:portal"))
    assert "Your membership awaits confirmation by the cluster team." in response.text
    assert "text-bg-warning" in response.text


def test_dashboard_of_a_user_without_organisation_explains_what_to_do(client, cast):
    client.force_login(cast.expert)
    response = client.get(reverse("members:portal"))
    assert response.status_code == 200
    assert response.context["entries"] == []
    assert "Your account is not linked to an organisation yet" in response.text


@pytest.mark.parametrize(
    ("role", "status"),
    [("representative", 200), ("member", 404), ("outsider", 404), ("expert", 404)],
)
def test_profile_edit_page_is_for_representatives(client, cast, role, status):
    client.force_login(getattr(cast, role))
    response = client.get(reverse("members:organisation-edit", args=["helix"]))
    assert response.status_code == status


def test_staff_with_totp_may_edit_any_profile(client, staff_with_totp):
    client.force_login(staff_with_totp)
    response = client.get(reverse("members:organisation-edit", args=["helix"]))
    assert response.status_code == 200


def test_staff_without_totp_are_sent_to_set_it_up(client, cast):
    client.force_login(cast.staff)
    response = client.get(reverse("members:organisation-edit", args=["helix"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_representative_saves_the_profile_and_it_is_audited(client, cast):
    client.force_login(cast.representative)
    response = client.post(reverse("members:organisation-edit", args=["helix"]), profile_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("members:portal")
    organisation = Organisation.objects.get(slug="helix")
    assert organisation.short_name == "Helix"
    assert organisation.employees == 40
    assert organisation.is_listed is True
    assert organisation.shows_contact is False
    assert sorted(organisation.domains.values_list("code", flat=True)) == [
        "biopharmacy",
        "cell-therapy",
    ]
    entry = AuditEntry.objects.get(action="members.organisation.profile_changed")
    assert entry.actor == cast.representative
    assert "domains" in entry.data["fields"]


def test_member_cannot_save_the_profile(client, cast):
    client.force_login(cast.member)
    response = client.post(reverse("members:organisation-edit", args=["helix"]), profile_data())
    assert response.status_code == 404
    organisation = Organisation.objects.get(slug="helix")
    assert organisation.short_name == ""
    assert AuditEntry.objects.count() == 0


def test_invalid_profile_is_refused_and_nothing_saved(client, cast):
    client.force_login(cast.representative)
    response = client.post(
        reverse("members:organisation-edit", args=["helix"]),
        profile_data(website="not a web address", employees="-3"),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["website"] == ["Enter a valid URL."]
    assert Organisation.objects.get(slug="helix").short_name == ""
    assert AuditEntry.objects.count() == 0


def test_logo_is_uploaded(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.representative)
    logo = SimpleUploadedFile("helix.png", png(), content_type="image/png")
    response = client.post(
        reverse("members:organisation-edit", args=["helix"]), profile_data(logo=logo)
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="helix")
    assert organisation.logo.name == "logos/helix.png"
    assert (tmp_path / "logos" / "helix.png").read_bytes() == png()


def test_logo_over_2_mb_is_refused(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.representative)
    big = png() + b"\0" * (2 * 1024 * 1024)
    logo = SimpleUploadedFile("big.png", big, content_type="image/png")
    response = client.post(
        reverse("members:organisation-edit", args=["helix"]), profile_data(logo=logo)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["logo"] == ["The logo must be 2 MB or smaller."]
    assert Organisation.objects.get(slug="helix").logo.name == ""


def test_logo_that_is_not_an_image_is_refused(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.representative)
    logo = SimpleUploadedFile("logo.png", b"<svg onload='alert(1)'/>", content_type="image/png")
    response = client.post(
        reverse("members:organisation-edit", args=["helix"]), profile_data(logo=logo)
    )
    assert response.status_code == 400
    assert Organisation.objects.get(slug="helix").logo.name == ""


def test_logo_in_a_format_other_than_the_allowed_ones_is_refused(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.representative)
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="BMP")
    logo = SimpleUploadedFile("logo.bmp", buffer.getvalue(), content_type="image/bmp")
    response = client.post(
        reverse("members:organisation-edit", args=["helix"]), profile_data(logo=logo)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["logo"] == [
        "The logo must be a PNG, JPEG, GIF or WebP image."
    ]


@pytest.mark.parametrize(
    ("role", "status", "can_invite"),
    [("representative", 200, True), ("member", 200, False)],
)
def test_team_page_lists_colleagues(client, cast, role, status, can_invite):
    client.force_login(getattr(cast, role))
    response = client.get(reverse("members:organisation-team", args=["helix"]))
    assert response.status_code == status
    assert [a.person.user for a in response.context["colleagues"]] == sorted(
        [cast.representative, cast.member], key=lambda user: user.person.last_name
    )
    assert (response.context["form"] is not None) is can_invite


@pytest.mark.parametrize("role", ["outsider", "expert"])
def test_team_page_of_another_organisation_is_404(client, cast, role):
    client.force_login(getattr(cast, role))
    response = client.get(reverse("members:organisation-team", args=["helix"]))
    assert response.status_code == 404


def test_representative_invites_a_colleague_who_gets_an_e_mail(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.representative)
    data = {
        "first_name": "Ana",
        "last_name": "Lab",
        "email": "Ana@Example.org",
        "role": "researcher",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:organisation-team", args=["helix"]), data)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.organisation == cast.organisation
    assert invitation.email == "ana@example.org"
    assert invitation.invited_by == cast.representative
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert invitation.token in mail.outbox[0].body


def test_member_cannot_invite(client, cast):
    client.force_login(cast.member)
    data = {"first_name": "Ana", "last_name": "Lab", "email": "ana@example.org", "role": "employee"}
    response = client.post(reverse("members:organisation-team", args=["helix"]), data)
    assert response.status_code == 403
    assert Invitation.objects.count() == 0


def test_inviting_the_same_person_twice_is_a_conflict(client, cast):
    client.force_login(cast.representative)
    data = {"first_name": "Ana", "last_name": "Lab", "email": "ana@example.org", "role": "employee"}
    url = reverse("members:organisation-team", args=["helix"])
    client.post(url, data)
    response = client.post(url, data)
    assert response.status_code == 409
    assert Invitation.objects.count() == 1
    assert response.context["form"].non_field_errors() == [
        "ana@example.org has already been invited."
    ]


def test_invitation_without_an_e_mail_is_refused(client, cast):
    client.force_login(cast.representative)
    data = {"first_name": "Ana", "last_name": "Lab", "email": "", "role": "employee"}
    response = client.post(reverse("members:organisation-team", args=["helix"]), data)
    assert response.status_code == 400
    assert Invitation.objects.count() == 0


def make_invitation(cast, **fields: object) -> Invitation:
    return Invitation.objects.create(
        organisation=cast.organisation,
        email="expert@example.org",
        first_name="Expert",
        last_name="X",
        role="researcher",
        invited_by=cast.representative,
        **fields,
    )


def test_invitation_page_shows_the_organisation(client, cast):
    invitation = make_invitation(cast)
    client.force_login(cast.expert)
    response = client.get(reverse("members:invitation-accept", args=[invitation.token]))
    assert response.status_code == 200
    assert "Helix Therapeutics SA invites you to join its team." in response.text


def test_invitation_page_needs_a_login(client, cast):
    invitation = make_invitation(cast)
    response = client.get(reverse("members:invitation-accept", args=[invitation.token]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_accepting_an_invitation_joins_the_team(client, cast):
    invitation = make_invitation(cast)
    client.force_login(cast.expert)
    response = client.post(reverse("members:invitation-accept", args=[invitation.token]))
    assert response.status_code == 302
    assert response["Location"] == reverse("members:portal")
    affiliation = Affiliation.objects.get(person__user=cast.expert)
    assert affiliation.organisation == cast.organisation
    assert affiliation.role == "researcher"
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_expired_invitation_cannot_be_accepted(client, cast):
    invitation = make_invitation(cast, expires_at=timezone.now() - timedelta(days=1))
    client.force_login(cast.expert)
    url = reverse("members:invitation-accept", args=[invitation.token])
    assert "This invitation has expired or was already used." in client.get(url).text
    response = client.post(url)
    assert response.status_code == 409
    assert Affiliation.objects.filter(person__user=cast.expert).count() == 0


def test_unknown_invitation_is_404(client, cast):
    client.force_login(cast.expert)
    response = client.get(reverse("members:invitation-accept", args=["no-such-token"]))
    assert response.status_code == 404


def test_french_portal_shows_french_domain_names(client, cast):
    cast.organisation.domains.set([domain("cell-therapy")])
    client.force_login(cast.representative)
    response = client.get(
        reverse("members:organisation-edit", args=["helix"]), headers={"Accept-Language": "fr"}
    )
    assert "Thérapie cellulaire" in response.text
