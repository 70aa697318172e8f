"""Members' yearly facts: representatives enter their organisation's, staff any; refusals."""

import pytest
from django.urls import reverse
from django.utils import timezone

from agora.core.models import AuditEntry
from agora.reports.models import YearlyFacts


def last_year() -> int:
    return timezone.localdate().year - 1


def edit_url(slug: str, year: int | None = None) -> str:
    return reverse("reports:facts-edit", args=[slug, year or last_year()])


def test_anonymous_visitors_are_sent_to_log_in(client, cast):
    for address in (reverse("reports:facts-list"), edit_url("helix")):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_a_representative_sees_the_years_of_their_organisation(client, cast):
    client.force_login(cast.representative)
    response = client.get(reverse("reports:facts-list"))

    assert response.status_code == 200
    assert [row.organisation for row in response.context["rows"]] == [cast.organisation]
    assert response.context["years"] == [last_year(), last_year() - 1, last_year() - 2]


@pytest.mark.parametrize(
    ("role", "visible"), [("member", []), ("outsider", ["other-bio"]), ("expert", [])]
)
def test_others_cannot_edit_an_organisation_they_do_not_represent(client, cast, role, visible):
    client.force_login(getattr(cast, role))

    rows = client.get(reverse("reports:facts-list")).context["rows"]
    assert [row.organisation.slug for row in rows] == visible
    response = client.post(edit_url("helix"), {"employees": "12"})
    assert response.status_code == 404
    assert not YearlyFacts.objects.exists()


def test_a_representative_enters_the_facts_of_a_year(client, cast):
    client.force_login(cast.representative)
    data = {"employees": "42", "turnover": "3500000", "investment_raised": ""}
    response = client.post(edit_url("helix"), data)

    assert response.status_code == 302
    facts = YearlyFacts.objects.get(organisation=cast.organisation, year=last_year())
    assert (facts.employees, facts.turnover, facts.investment_raised) == (42, 3_500_000, None)
    assert facts.entered_by == cast.representative
    assert AuditEntry.objects.filter(action="reports.yearly_facts.saved").count() == 1


def test_correcting_the_facts_keeps_one_row(client, cast):
    client.force_login(cast.representative)
    client.post(edit_url("helix"), {"employees": "42"})
    client.post(edit_url("helix"), {"employees": "43"})

    assert YearlyFacts.objects.get().employees == 43


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"employees": "-3"}, "greater than or equal to 0"),
        ({"employees": "many"}, "Enter a whole number"),
        ({}, "Enter at least one figure."),
    ],
)
def test_invalid_facts_are_refused_and_nothing_saved(client, cast, data, message):
    client.force_login(cast.representative)
    response = client.post(edit_url("helix"), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not YearlyFacts.objects.exists()


def test_a_representative_cannot_enter_an_older_year(client, cast):
    client.force_login(cast.representative)
    response = client.post(edit_url("helix", last_year() - 5), {"employees": "5"})

    assert response.status_code == 404
    assert not YearlyFacts.objects.exists()


def test_staff_correct_an_older_year_but_not_the_year_in_progress(client, cast, staff_with_totp):
    client.force_login(staff_with_totp)
    older = client.post(edit_url("other-bio", last_year() - 5), {"employees": "5"})
    current = client.post(edit_url("other-bio", last_year() + 1), {"employees": "5"})

    assert older.status_code == 302
    assert current.status_code == 400
    assert YearlyFacts.objects.get().year == last_year() - 5
