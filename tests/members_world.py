"""The objects every URL of the matrix points at: each app's world and the members' own.

A pending membership application; helix's membership; a pending membership of a newcomer
organisation; an invitation to join helix; a partner cluster with its co-membership agreement.
The events, projects and reports objects are described in their own modules.
"""

from datetime import date

from agora.members.models import Invitation, Membership, MembershipApplication
from agora.members.tests.factories import (
    AgreementFactory,
    MembershipFactory,
    OrganisationFactory,
    domain,
)
from tests.events_world import add_badge_sheet, make_events_world
from tests.projects_world import make_projects_world
from tests.reports_world import make_reports_world


def add_application() -> MembershipApplication:
    """A pending application of a start-up in cell therapy."""
    application = MembershipApplication.objects.create(
        legal_name="Applicant Bio SA",
        kind="startup",
        region="wallonia",
        description="Cells.",
        first_name="Ana",
        last_name="Costa",
        email="ana@example.org",
    )
    application.domains.set([domain("cell-therapy")])
    return application


def make_world(cast) -> dict[str, object]:
    """Every object the rows of tests/test_url_permissions.py name (media: a temporary folder)."""
    application = add_application()
    newcomer = OrganisationFactory(slug="newcomer", legal_name="Newcomer SA")
    agreement = AgreementFactory()
    events = make_events_world(cast)
    add_badge_sheet(events["event"])
    return (
        events
        | make_projects_world(cast)
        | make_reports_world(cast)
        | {
            "application": application,
            "membership": Membership.objects.get(organisation=cast.organisation),
            "pending": MembershipFactory(
                organisation=newcomer,
                confirmed_on=None,
                start_date=date(2030, 1, 1),
                end_date=date(2030, 12, 31),
            ),
            "invitation": Invitation.objects.create(
                organisation=cast.organisation,
                email="new@example.org",
                first_name="New",
                last_name="Colleague",
            ),
            "representative_person": cast.representative.person,
            "partner": agreement.partner,
        }
    )
