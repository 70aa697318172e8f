"""CSV/XLSX import and export: good files save every row, a file with one bad row saves none."""

import io

import openpyxl
import pytest
import tablib
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from import_export.formats.base_formats import XLSX

from agora.core.models import AuditEntry
from agora.members.models import Affiliation, Membership, Organisation, Person
from agora.members.resources import MembershipResource, OrganisationResource, PersonResource

HEADER = "legal_name,slug,kind,region,enterprise_number,domains,is_listed\n"
GOOD_ORGANISATIONS = (
    HEADER
    + "Nova SA,nova,startup,wallonia,BE0123456749,biopharmacy,1\n"
    + 'Orbit SRL,orbit,sme,brussels,,"medtech-ivd,data-science",0\n'
    + "Quanta SA,,sme,flanders,,,1\n"
)
BAD_AT_ROW_3 = (
    HEADER
    + "Nova SA,nova,startup,wallonia,0123456749,biopharmacy,1\n"
    + "Orbit SRL,orbit,sme,brussels,,,0\n"
    + "Quanta SA,quanta,sme,flanders,0123.456.748,,1\n"
)


def import_csv(resource, text: str, user=None):
    """Import as the admin's confirm step does, all or nothing."""
    return resource.import_data(
        tablib.Dataset().load(text, format="csv"),
        dry_run=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        user=user,
    )


@pytest.fixture
def back_office(cast, staff_with_totp) -> Client:
    """A staff member with TOTP and the members permissions, signed in."""
    staff_with_totp.user_permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["members", "core"])
    )
    client = Client()
    client.force_login(staff_with_totp)
    return client


def test_good_csv_creates_every_row_with_an_audit_entry(cast):
    result = import_csv(OrganisationResource(), GOOD_ORGANISATIONS, user=cast.staff)

    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert Organisation.objects.count() == 5
    nova = Organisation.objects.get(slug="nova")
    assert nova.enterprise_number == "0123.456.749"
    assert list(nova.domains.values_list("code", flat=True)) == ["biopharmacy"]
    orbit = Organisation.objects.get(slug="orbit")
    assert sorted(orbit.domains.values_list("code", flat=True)) == ["data-science", "medtech-ivd"]
    assert Organisation.objects.filter(slug="quanta-sa").exists()
    entries = AuditEntry.objects.filter(action="members.organisation.imported")
    assert entries.count() == 3
    assert {entry.actor for entry in entries} == {cast.staff}


def test_reimporting_updates_by_slug(cast):
    import_csv(OrganisationResource(), GOOD_ORGANISATIONS)

    import_csv(OrganisationResource(), HEADER + "Nova Renamed SA,nova,startup,wallonia,,,1\n")

    assert Organisation.objects.get(slug="nova").legal_name == "Nova Renamed SA"
    assert Organisation.objects.count() == 5
    assert AuditEntry.objects.filter(data={"created": False}).count() == 1


def test_bad_enterprise_number_at_row_3_saves_nothing(cast):
    result = import_csv(OrganisationResource(), BAD_AT_ROW_3)

    assert [row.number for row in result.invalid_rows] == [3]
    assert result.invalid_rows[0].field_specific_errors == {
        "enterprise_number": ["The check digits do not match: please check for a typing error."]
    }
    assert Organisation.objects.count() == 2
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("X SA,x,sme,wallonia,,astrology,1", "domains", "Unknown strategic domain: astrology."),
        ("X SA,x,sme,mars,,,1", "region", "Value 'mars' is not a valid choice."),
        ("X SA,helix,sme,wallonia,,,1", "legal_name", None),
    ],
)
def test_bad_organisation_rows_are_reported(cast, row, field, message):
    result = import_csv(OrganisationResource(), HEADER + row + "\n")

    if message is None:  # an update of helix is fine: the row matched by slug
        assert not result.has_validation_errors()
        return
    assert result.invalid_rows[0].field_specific_errors[field] == [message]
    assert not Organisation.objects.filter(slug="x").exists()


def test_duplicate_enterprise_number_is_reported(cast):
    Organisation.objects.filter(slug="helix").update(enterprise_number="0123.456.749")

    result = import_csv(OrganisationResource(), GOOD_ORGANISATIONS)

    assert result.invalid_rows[0].number == 1
    assert result.invalid_rows[0].field_specific_errors["enterprise_number"] == [
        "An organisation with enterprise number 0123.456.749 already exists."
    ]
    assert Organisation.objects.count() == 2


PEOPLE = "first_name,last_name,email,organisation,role\n"


def test_people_import_affiliates_by_slug_or_enterprise_number(cast):
    Organisation.objects.filter(slug="other-bio").update(enterprise_number="0123.456.749")
    text = (
        PEOPLE
        + "Ada,Lovelace,ADA@example.org,helix,board\nAlan,Turing,alan@example.org,BE0123456749,\n"
    )

    result = import_csv(PersonResource(), text, user=cast.staff)

    assert not result.has_validation_errors()
    ada = Person.objects.get(email="ada@example.org")
    assert (ada.affiliations.get().organisation.slug, ada.affiliations.get().role) == (
        "helix",
        "board",
    )
    alan = Affiliation.objects.get(person__email="alan@example.org")
    assert (alan.organisation.slug, alan.role) == ("other-bio", "employee")
    assert AuditEntry.objects.filter(action="members.person.imported").count() == 2


def test_people_import_with_an_unknown_organisation_saves_nothing(cast):
    text = (
        PEOPLE
        + "Ada,Lovelace,ada@example.org,helix,board\n"
        + "Alan,Turing,alan@example.org,nowhere,employee\n"
    )

    result = import_csv(PersonResource(), text)

    assert [row.number for row in result.invalid_rows] == [2]
    assert result.invalid_rows[0].field_specific_errors == {
        "organisation": ["Unknown organisation: nowhere."]
    }
    assert not Person.objects.filter(last_name__in=["Lovelace", "Turing"]).exists()


def test_people_import_needs_an_email(cast):
    result = import_csv(PersonResource(), PEOPLE + "Ada,Lovelace,,helix,board\n")

    assert result.invalid_rows[0].field_specific_errors == {
        "email": ["An e-mail is needed to match people."]
    }


@pytest.mark.parametrize(
    ("header", "row", "missing"),
    [
        (
            "first_name,last_name,email,organisation\n",
            "Ada,Lovelace,ada@example.org,helix\n",
            "role",
        ),
        (
            "first_name,last_name,email,role\n",
            "Ada,Lovelace,ada@example.org,board\n",
            "organisation",
        ),
    ],
)
def test_people_import_without_a_column_names_it_and_saves_nothing(cast, header, row, missing):
    result = import_csv(PersonResource(), header + row)

    assert not result.has_errors()
    assert result.invalid_rows[0].field_specific_errors == {
        missing: [f"The file has no “{missing}” column."]
    }
    assert not Person.objects.filter(email="ada@example.org").exists()


MEMBERSHIPS = "organisation,type,start_date,end_date,fee,confirmed_on\n"


def test_membership_import_opens_periods_through_the_service(cast):
    Membership.objects.all().delete()
    text = (
        MEMBERSHIPS
        + "helix,full,2030-01-01,,500,2029-12-01\nother-bio,associate,2030-03-01,2030-12-31,100,\n"
    )

    result = import_csv(MembershipResource(), text, user=cast.staff)

    assert not result.has_validation_errors()
    helix = Membership.objects.get(organisation__slug="helix")
    assert (str(helix.end_date), str(helix.confirmed_on)) == ("2030-12-31", "2029-12-01")
    assert AuditEntry.objects.filter(action="members.membership.created").count() == 2


def test_overlapping_membership_row_saves_nothing(cast):
    Membership.objects.filter(organisation__slug="other-bio").delete()
    text = MEMBERSHIPS + "other-bio,full,2030-01-01,,0,\nhelix,full,2030-01-01,,0,\n"

    result = import_csv(MembershipResource(), text)

    assert [row.number for row in result.invalid_rows] == [2]
    assert result.invalid_rows[0].non_field_specific_errors == [
        "This organisation already has a membership for that period."
    ]
    assert Membership.objects.count() == 1


def test_membership_row_with_an_unknown_organisation_is_reported(cast):
    result = import_csv(MembershipResource(), MEMBERSHIPS + "nowhere,full,2030-01-01,,0,\n")

    assert result.invalid_rows[0].field_specific_errors == {
        "organisation": ["Unknown organisation: nowhere."]
    }
    assert Membership.objects.count() == 2


def test_xlsx_export_has_the_header(cast):
    dataset = OrganisationResource().export()

    workbook = openpyxl.load_workbook(io.BytesIO(XLSX().export_data(dataset)))
    rows = list(workbook.active.values)

    assert rows[0] == (
        "slug",
        "legal_name",
        "short_name",
        "kind",
        "enterprise_number",
        "street",
        "postcode",
        "city",
        "region",
        "country",
        "website",
        "description",
        "employees",
        "expertise",
        "is_listed",
        "shows_contact",
        "domains",
    )
    assert [row[0] for row in rows[1:]] == ["helix", "other-bio"]


def test_people_export_shows_the_organisation_and_role(cast):
    dataset = PersonResource().export()

    assert dataset.headers == [
        "first_name",
        "last_name",
        "email",
        "phone",
        "job_title",
        "organisation",
        "role",
    ]
    rows = {row[2]: (row[5], row[6]) for row in dataset}
    assert rows["outsider@example.org"] == ("other-bio", "representative")
    assert rows["expert@example.org"] == ("", "")


def upload(client: Client, model: str, text: str):
    """The admin's first import step: upload and preview."""
    return client.post(
        f"/admin/members/{model}/import/",
        {"format": "0", "import_file": SimpleUploadedFile("file.csv", text.encode())},
    )


def test_admin_import_previews_then_saves(back_office):
    preview = upload(back_office, "organisation", GOOD_ORGANISATIONS)
    confirm = preview.context["confirm_form"].initial

    response = back_office.post("/admin/members/organisation/process_import/", confirm)

    assert response.status_code == 302
    assert Organisation.objects.count() == 5


def test_admin_import_with_a_bad_row_offers_no_confirmation(back_office):
    preview = upload(back_office, "organisation", BAD_AT_ROW_3)

    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    assert [row.number for row in preview.context["result"].invalid_rows] == [3]
    assert "The check digits do not match" in preview.text
    assert Organisation.objects.count() == 2


def test_admin_people_preview_names_the_missing_columns(back_office):
    preview = upload(back_office, "person", "first_name,last_name,email\nAda,Lovelace,ada@x.org\n")

    assert preview.status_code == 200
    assert "confirm_form" not in preview.context
    assert preview.context["result"].invalid_rows[0].field_specific_errors == {
        "organisation": ["The file has no “organisation” column."],
        "role": ["The file has no “role” column."],
    }
    assert "The file has no “role” column." in preview.text
    assert not Person.objects.filter(email="ada@x.org").exists()


def test_admin_confirm_step_refuses_a_file_that_went_bad(back_office):
    preview = upload(back_office, "organisation", GOOD_ORGANISATIONS)
    confirm = preview.context["confirm_form"].initial
    # Between preview and confirmation someone takes Orbit's address with another name.
    Organisation.objects.filter(slug="helix").update(enterprise_number="0123.456.749")

    response = back_office.post("/admin/members/organisation/process_import/", confirm, follow=True)

    texts = [str(message) for message in response.context["messages"]]
    assert texts == [
        "Row 1: enterprise_number: An organisation with enterprise number 0123.456.749 "
        "already exists.",
        "Nothing was imported: please fix the file and retry.",
    ]
    assert Organisation.objects.count() == 2
    assert not AuditEntry.objects.exists()


def test_import_needs_the_change_permission(cast, staff_with_totp):
    client = Client()
    client.force_login(staff_with_totp)
    staff_with_totp.user_permissions.add(Permission.objects.get(codename="view_organisation"))

    response = upload(client, "organisation", GOOD_ORGANISATIONS)

    assert response.status_code == 403
    assert Organisation.objects.count() == 2
